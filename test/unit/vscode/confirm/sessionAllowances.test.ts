import * as assert from 'node:assert/strict';
import type { GuardedAction, Verdict } from '../../../../src/shared/bridgeProtocol';
import { SessionAllowances, sessionAllowanceOffered, type AllowanceSubject } from '../../../../src/vscode/confirm/sessionAllowances';

const reason = (over: Partial<Verdict['reasons'][number]> = {}): Verdict['reasons'][number] => ({
  rule: 'workspace.protectedPaths[0]', message: 'protected', command: 'rm -rf victim', decision: 'confirm', risk: 'medium', ...over,
});
const verdict = (over: Partial<Verdict> = {}, reasons = [reason()]): Verdict => ({ decision: 'confirm', risk: 'medium', reasons, ...over });
const rm: GuardedAction = { kind: 'command', command: 'rm -rf victim', cwd: '/ws' };
const base: AllowanceSubject = { root: '/ws', agent: 'claude', actions: [rm], verdict: verdict() };

describe('session allowances', () => {
  const offered: Array<{ name: string; verdict: Verdict; offered: boolean }> = [
    { name: 'a medium-risk confirm', verdict: verdict(), offered: true },
    { name: 'a high-risk confirm', verdict: verdict({ risk: 'high' }, [reason({ risk: 'high' })]), offered: true },
    { name: 'a critical verdict', verdict: verdict({ risk: 'critical' }, [reason({ risk: 'critical' })]), offered: false },
    { name: 'a critical reason among others', verdict: verdict({ risk: 'high' }, [reason({ risk: 'high' }), reason({ rule: 'x', risk: 'critical' })]), offered: false },
    { name: 'a production target (typed confirmation)', verdict: verdict({ typedConfirmation: 'prod-eu' }, [reason({ target: 'prod-eu' })]), offered: false },
    { name: 'a reason naming a target without typedConfirmation', verdict: verdict({}, [reason({ target: 'prod-eu' })]), offered: false },
  ];
  for (const c of offered) {
    it(`"Allow for This Session" ${c.offered ? 'is' : 'is not'} offered for ${c.name}`, () => assert.equal(sessionAllowanceOffered(c.verdict), c.offered));
  }

  const covers: Array<{ name: string; other: AllowanceSubject; covered: boolean }> = [
    { name: 'the very same request', other: base, covered: true },
    { name: 'the same request with the reasons in another order', other: { ...base, verdict: verdict({}, [reason({ rule: 'b' }), reason({ rule: 'a' })]) }, covered: false },
    { name: 'another command tripping the same rule', other: { ...base, actions: [{ kind: 'command', command: 'rm -rf victim2', cwd: '/ws' }] }, covered: false },
    { name: 'the same command in another directory', other: { ...base, actions: [{ kind: 'command', command: 'rm -rf victim', cwd: '/ws/sub' }] }, covered: false },
    { name: 'another agent', other: { ...base, agent: 'codex' }, covered: false },
    { name: 'another folder', other: { ...base, root: '/other' }, covered: false },
    { name: 'the same command now also tripping another rule', other: { ...base, verdict: verdict({}, [reason(), reason({ rule: 'fs.other' })]) }, covered: false },
    { name: 'the same command now critical', other: { ...base, verdict: verdict({ risk: 'critical' }, [reason({ risk: 'critical' })]) }, covered: false },
  ];
  for (const c of covers) {
    it(`an allowance for "rm -rf victim" by claude ${c.covered ? 'covers' : 'does not cover'} ${c.name}`, () => {
      const allowances = new SessionAllowances();
      assert.equal(allowances.add(base), true);
      assert.equal(allowances.covers(c.other), c.covered);
    });
  }

  it('rule order inside one request does not matter', () => {
    const allowances = new SessionAllowances();
    const two = { ...base, verdict: verdict({}, [reason({ rule: 'a' }), reason({ rule: 'b' })]) };
    allowances.add(two);
    assert.ok(allowances.covers({ ...base, verdict: verdict({}, [reason({ rule: 'b' }), reason({ rule: 'a' })]) }));
  });

  it('refuses to store an allowance for a production target, and clear forgets everything', () => {
    const allowances = new SessionAllowances();
    assert.equal(allowances.add({ ...base, verdict: verdict({ typedConfirmation: 'prod-eu' }, [reason({ target: 'prod-eu' })]) }), false);
    assert.equal(allowances.size, 0);
    allowances.add(base);
    allowances.clear();
    assert.equal(allowances.covers(base), false);
  });

  it('edits are keyed by path and operation', () => {
    const allowances = new SessionAllowances();
    const write = { ...base, actions: [{ kind: 'edit', path: '/ws/.env', op: 'write' } as const] };
    allowances.add(write);
    assert.ok(allowances.covers(write));
    assert.ok(!allowances.covers({ ...base, actions: [{ kind: 'edit', path: '/ws/.env', op: 'delete' }] }));
  });
});

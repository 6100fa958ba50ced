import * as assert from 'node:assert/strict';
import type { HookCheck } from '../../../src/cli/install/protection';
import { ProblemMemory, unprotectedDetail } from '../../../src/vscode/protection/problems';

function check(over: Partial<HookCheck>): HookCheck {
  return { agent: 'claude', name: 'Claude Code', scope: 'workspace', file: '/ws/.claude/settings.json', status: 'removed', recorded: true, exists: false, wired: false, problems: ['deleted'], notes: [], repairable: true, ...over };
}

describe('protection problems: what the editor says', () => {
  it('the detail names each agent, scope and kind of breakage; a shared file counts once; long lists are cut', () => {
    assert.equal(unprotectedDetail([check({})]), 'Claude Code (workspace): hook removed');
    const shared = [check({ agent: 'vscode', name: 'VS Code', status: 'changed' }), check({ agent: 'vscode', name: 'VS Code', status: 'changed' })];
    assert.equal(unprotectedDetail(shared), 'VS Code (workspace): hook changed');
    const many = [check({}), check({ name: 'Codex', status: 'skipped' }), check({ name: 'Gemini CLI', scope: 'user', status: 'unresolvable' }), check({ name: 'Cursor', status: 'changed' })];
    assert.equal(unprotectedDetail(many), 'Claude Code (workspace): hook removed; Codex (workspace): hook skipped by the agent and 2 more');
  });

  it('tells each problem once; a problem that went away and came back is told again', () => {
    const memory = new ProblemMemory();
    const removed = check({});
    const codex = check({ agent: 'codex', name: 'Codex', file: '/h/.codex/hooks.json', status: 'skipped' });
    assert.deepEqual(memory.next([removed]), [removed]);
    assert.deepEqual(memory.next([removed]), [], 'no reminder for the same problem');
    assert.deepEqual(memory.next([removed, codex]), [codex], 'only the new one');
    assert.deepEqual(memory.next([codex]), []);
    assert.deepEqual(memory.next([]), []);
    assert.deepEqual(memory.next([removed]), [removed], 'back again: told again');
    assert.deepEqual(memory.next([check({ status: 'changed' })]).map((c) => c.status), ['changed'], 'another kind of breakage of the same hook is new');
  });
});

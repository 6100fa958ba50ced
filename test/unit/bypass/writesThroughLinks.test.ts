/**
 * Red-team finding (session 5): `echo x > notes`, where notes is a symbolic link to .git/config, wrote a protected
 * file unasked. The core cannot look at the disk; the adapter passes `realPath` (as it passes readFile), and the
 * protected paths are checked where a write lands. A delete or rename removes the link itself, not its target.
 */
import { strict as assert } from 'node:assert';
import { createGuard } from '../../../src/core/index';

const ROOT = '/work/ws';
const LINKS: Readonly<Record<string, string>> = {
  [`${ROOT}/notes`]: `${ROOT}/.git/config`,
  [`${ROOT}/gitdir`]: `${ROOT}/.git`,
  [`${ROOT}/pol`]: `${ROOT}/.vscode/agent-guard.json`,
};

/** A stand-in for the adapter's link resolution over a fixed table: every link on the way is followed. */
function realPath(abs: string): string | undefined {
  for (const [link, target] of Object.entries(LINKS)) {
    if (abs === link) return target;
    if (abs.startsWith(`${link}/`)) return target + abs.slice(link.length);
  }
  return undefined;
}

const guard = createGuard({ home: '/home/dev' });
const rules = (cmd: string, withLinks = true): string[] =>
  guard.checkCommand(cmd, withLinks ? { cwd: ROOT, root: ROOT, realPath } : { cwd: ROOT, root: ROOT }).reasons.map((r) => r.rule);

describe('shell writes through symbolic links', () => {
  const asked: Array<[string, string]> = [
    ['echo x > notes', 'path.git-internals'],
    ['echo x >> notes', 'path.git-internals'],
    ['cat y | tee pol', 'path.guard-policy'],
    ['cp y gitdir/hooks/pre-commit', 'path.git-internals'],
    ['rm gitdir/config', 'path.git-internals'],
  ];
  for (const [cmd, rule] of asked) {
    it(`${cmd} → ${rule}`, () => assert.ok(rules(cmd).includes(rule), rules(cmd).join(', ')));
    it(`${cmd} was not seen without the adapter's realPath`, () => assert.ok(!rules(cmd, false).includes(rule)));
  }
  for (const cmd of ['rm notes', 'rm -rf gitdir', 'echo x > src/a.ts', 'unlink pol']) {
    it(`${cmd} removes or writes no protected file`, () => assert.deepEqual(rules(cmd), []));
  }
  it('a realPath that throws is as if there were no link', () => {
    const v = guard.checkCommand('echo x > notes', { cwd: ROOT, root: ROOT, realPath: () => { throw new Error('EACCES'); } });
    assert.equal(v.decision, 'allow');
  });
});

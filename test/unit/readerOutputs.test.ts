/**
 * Readers with an output option or operand write a file (effects.ts): `sort -o`, `uniq in out`, `xxd in out`,
 * `yq -i`, `git show --output=`, `tree -o`, sed's `w` command. What they write is known to the path rules (a protected file, a file
 * outside the workspace) and to the walker (a script the line rewrites before it runs it); the same programs
 * without an output write nothing.
 */
import { strict as assert } from 'node:assert';
import { createGuard } from '../../src/core/index';
import { fileEffects } from '../../src/core/effects';
import { walkCommand } from '../../src/core/unwrap/walk';

const ROOT = '/work/ws';
const HOME = '/home/dev';

const written = (cmd: string): string[] => {
  const { invocations } = walkCommand(cmd, { cwd: ROOT, root: ROOT, home: HOME, env: {}, readFile: undefined });
  return invocations.flatMap((inv) => fileEffects(inv).filter((e) => e.op === 'write').map((e) => e.target.value));
};

const rows: readonly (readonly [string, readonly string[]])[] = [
  ['sort -o x.sh payload.txt', ['x.sh']],
  ['sort -uo x.sh payload.txt', ['x.sh']],
  ['sort -ox.sh payload.txt', ['x.sh']],
  ['sort --output=x.sh payload.txt', ['x.sh']],
  ['sort --output x.sh payload.txt', ['x.sh']],
  ['sort -k 2 -t , payload.txt', []],
  ['sort -T /tmp/o payload.txt', []],
  ['uniq payload.txt x.sh', ['x.sh']],
  ['uniq -f 1 payload.txt x.sh', ['x.sh']],
  ['uniq -c payload.txt', []],
  ['uniq -f 1 payload.txt', []],
  ['xxd -r dump.hex x.sh', ['x.sh']],
  ['xxd -l 16 payload.txt', []],
  ["yq -i '.a = 1' x.yaml", ['x.yaml']],
  ["yq e -i '.a = 1' x.yaml", ['x.yaml']],
  ["yq '.a' x.yaml", []],
  ['git show HEAD:payload.txt --output=x.sh', ['x.sh']],
  ['git diff --output=changes.patch', ['changes.patch']],
  ['git show HEAD:payload.txt', []],
  ["sed -n 'w x.sh' payload.txt", ['x.sh']],
  ["sed -n '/rm/w x.sh' payload.txt", ['x.sh']],
  ["sed -e 's/a/b/w out.txt' -e 'W more.txt' payload.txt", ['out.txt', 'more.txt']],
  ["sed -n 'w /dev/stdout' payload.txt", []],
  ["sed -n '/error/p' app.log", []],
  ["sed 's/e/w/g' payload.txt", []],
  ['tree -o listing.txt', ['listing.txt']],
  ['tree -L 2', []],
];

const guard = createGuard({ home: HOME });
const FILES: Record<string, string> = { [`${ROOT}/x.sh`]: 'echo hello\n' };
const check = (cmd: string) => guard.checkCommand(cmd, { cwd: ROOT, root: ROOT, env: { HOME }, readFile: (abs) => FILES[abs] ?? null });

describe('readers with an output write it', () => {
  for (const [cmd, files] of rows) {
    it(`${cmd} writes ${files.length === 0 ? 'nothing' : files.join(', ')}`, () => {
      assert.deepEqual(written(cmd), files);
    });
  }

  /** What the verdict says, dangerous beside ordinary. */
  const verdicts: readonly (readonly [string, 'allow' | 'confirm' | 'deny'])[] = [
    ['sort -o ~/.bashrc payload.txt', 'confirm'],
    ['sort -o sorted.txt payload.txt', 'allow'],
    ['uniq payload.txt .git/hooks/pre-commit', 'confirm'],
    ['uniq payload.txt uniq.txt', 'allow'],
    // x.sh is there with harmless text, but the line rewrites it before it runs
    ['sort -o x.sh payload.txt; source ./x.sh', 'confirm'],
    ['xxd -r dump.hex x.sh; bash ./x.sh', 'confirm'],
    ['git show HEAD:payload.txt --output=x.sh; source ./x.sh', 'confirm'],
    ["sed -n 'w x.sh' payload.txt; source ./x.sh", 'confirm'],
    ["sed -n 'w /home/dev/.bashrc' payload.txt", 'confirm'],
    ["sed -n 'w out.txt' payload.txt", 'allow'],
    ["sed -n '1,5p' payload.txt; source ./x.sh", 'allow'],
    ['sort payload.txt; source ./x.sh', 'allow'],
  ];
  for (const [cmd, decision] of verdicts) {
    it(`${cmd} → ${decision}`, () => {
      const v = check(cmd);
      assert.equal(v.decision, decision, JSON.stringify(v.reasons, null, 1));
    });
  }
});

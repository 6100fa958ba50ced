/**
 * isReadOnly: the commands that keep working when the policy failed to load. A program that usually reads but
 * writes a file (or runs one) with some option or operand is not read-only with it; its ordinary use still is.
 */
import { strict as assert } from 'node:assert';
import { isReadOnly } from '../../src/core/readOnly';
import { walkCommand } from '../../src/core/unwrap/walk';

const readOnly = (cmd: string): boolean => {
  const { invocations } = walkCommand(cmd, { cwd: '/work/ws', root: '/work/ws', home: '/home/dev', env: {}, readFile: undefined });
  // the command itself; what it runs (`sed e`, `fd -x`) is walked too, after it
  const first = invocations[0];
  assert.ok(first !== undefined && cmd.startsWith(first.program), cmd);
  return isReadOnly(first);
};

/** Each writer beside the ordinary command it resembles. */
const rows: readonly (readonly [writes: string, reads: string])[] = [
  ['sort -o x.sh payload.txt', 'sort -u payload.txt'],
  ['sort --output=x.sh payload.txt', 'sort -k2 -t, payload.txt'],
  ['sort -uo x.sh payload.txt', 'sort -rn payload.txt'],
  ['sort --compress-program=sh big.txt', 'sort -S 50% big.txt'],
  ['uniq payload.txt x.sh', 'uniq -c payload.txt'],
  ['uniq -f 1 payload.txt x.sh', 'uniq -f 1 payload.txt'],
  ['xxd -r dump.hex x.sh', 'xxd -r dump.hex'],
  ['xxd payload.txt out.hex', 'xxd -l 16 payload.txt'],
  ["sed -n 'w x.sh' payload.txt", "sed -n '1,20p' payload.txt"],
  ["sed -n '/rm/w x.sh' payload.txt", "sed -n '/error/p' app.log"],
  ["sed 's/a/b/w x.sh' payload.txt", "sed 's/e/w/g' payload.txt"],
  ["sed -e 'p' -e 'W x.sh' payload.txt", "sed -e 'p' -e '$d' payload.txt"],
  ["sed -ne '1e rm -rf ~' payload.txt", "sed -ne '1p' payload.txt"],
  ["sed '1!G;h;$!d;w x' payload.txt", "sed '1!G;h;$!d' payload.txt"],
  ['sed -i s/a/b/ payload.txt', 'sed s/a/b/ payload.txt'],
  ['sed -f script.sed payload.txt', 'sed -n 5p payload.txt'],
  ['git show HEAD:payload.txt --output=x.sh', 'git show HEAD:payload.txt'],
  ['git diff --output=changes.patch', 'git diff --stat'],
  ['git grep -Ovim TODO', 'git log --grep TODO'],
  ["yq -i '.a = 1' x.yaml", "yq '.a' x.yaml"],
  ["yq --inplace '.a = 1' x.yaml", "yq -o json '.a' x.yaml"],
  ['tree -o x.sh', 'tree -L 2'],
  ["awk '{ print | \"sh\" }' payload.txt", "awk '{ print $1 }' payload.txt"],
  ["awk -i inplace '{ print }' payload.txt", "awk -F: '{ print $1 }' /etc/passwd"],
  ['history -w x.sh', 'history'],
  ['date -s 2020-01-01', 'date -u +%F'],
  ['hostname evil', 'hostname -f'],
  ['fd -e log -x rm', 'fd -e log'],
  ['rg --pre ./x.sh TODO', 'rg --pre-glob "*.gz" TODO'],
  ['man -P ./x.sh ls', 'man ls'],
  ['hash -p /bin/rm ls', 'hash -r'],
];

describe('isReadOnly', () => {
  for (const [writes, reads] of rows) {
    it(`${writes} writes; ${reads} only reads`, () => {
      assert.equal(readOnly(writes), false, writes);
      assert.equal(readOnly(reads), true, reads);
    });
  }
});

/**
 * A program word that is a glob is whichever file the glob finds when the line runs: `find . | parallel {} -rf ~`
 * and `find . | xargs -I{} {} -rf ~` run the files find prints (the template's first word is the replacement
 * string), `./scr?pt.sh` a script nobody named. Each is a program only known when it runs (ask), as `$CMD` is;
 * a known input still names a known program, and a found file in an argument's place is data.
 * Workspace /work/ws (the cwd), home /home/dev.
 */
import { strict as assert } from 'node:assert';
import { createGuard } from '../../../src/core/index';
import type { Decision } from '../../../src/core/verdict';

const ROOT = '/work/ws';
const guard = createGuard({ home: '/home/dev' });
const check = (cmd: string) => guard.checkCommand(cmd, { cwd: ROOT, root: ROOT });

const rows: readonly (readonly [command: string, decision: Decision, strictestRule: string | undefined])[] = [
  ['find . | parallel {} -rf ~', 'confirm', 'shell.dynamic-program'],
  ['find . -type f | parallel -j4 {} -rf ~', 'confirm', 'shell.dynamic-program'],
  ['find . | parallel -X {} -rf ~', 'confirm', 'shell.dynamic-program'],
  ['find . | parallel -I@ @ -rf ~', 'confirm', 'shell.dynamic-program'],
  ['git ls-files | parallel {}', 'confirm', 'shell.dynamic-program'],
  ['find . | xargs -I{} {} -rf ~', 'confirm', 'shell.dynamic-program'],
  ['cat list | parallel {} -rf ~', 'confirm', 'shell.dynamic-program'],
  ['./scr?pt.sh', 'confirm', 'shell.dynamic-program'],
  ['/usr/lib/jvm/*/bin/java -version', 'confirm', 'shell.dynamic-program'],
  // a known input names a known program
  ['parallel {} -rf ~ ::: rm', 'deny', 'fs.delete-home'],
  ['echo rm | xargs -I{} {} -rf ~', 'deny', 'fs.delete-home'],
  // ordinary: the found files are arguments; `[` alone is the test command
  ['find . -name "*.log" | parallel gzip {}', 'allow', undefined],
  ['find . -name "*.log" | xargs -I{} gzip {}', 'allow', undefined],
  ['find src -name "*.ts" | parallel -j4 npx prettier --check {}', 'allow', undefined],
  ['[ -f package.json ] && npm test', 'allow', undefined],
  ['parallel echo {} ::: a b', 'allow', undefined],
];

describe('a program named by a glob is only known when it runs', () => {
  for (const [command, decision, rule] of rows) {
    it(`${command} → ${decision}${rule !== undefined ? ` (${rule})` : ''}`, () => {
      const v = check(command);
      assert.equal(v.decision, decision, JSON.stringify(v.reasons));
      assert.equal(v.reasons[0]?.rule, rule, JSON.stringify(v.reasons));
    });
  }
});

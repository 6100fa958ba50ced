/**
 * GNU parallel: a command template run once per argument is judged like xargs (an argument is data that
 * parallel quotes, never code); without a template the arguments or input lines are the commands, as for a shell.
 * Workspace /work/ws (the cwd), home /home/dev.
 */
import { strict as assert } from 'node:assert';
import { createGuard } from '../../../src/core/index';
import type { Decision } from '../../../src/core/verdict';

const ROOT = '/work/ws';
const guard = createGuard({ home: '/home/dev' });
const check = (cmd: string) => guard.checkCommand(cmd, { cwd: ROOT, root: ROOT });

const rows: readonly (readonly [string, Decision, string?])[] = [
  // arguments from input only known when it runs: what the command does with them decides, as with xargs
  ['cat list | parallel rm', 'allow'],
  ['cat urls.txt | parallel curl -O', 'allow'],
  ['cat files.txt | parallel -j4 gzip -k', 'allow'],
  ['ls *.log | parallel rm', 'allow'],
  ['find . -name "*.o" | parallel rm', 'allow'],
  ['git ls-files "*.py" | parallel -j4 black', 'allow'],
  ['parallel -a list.txt rm', 'allow'],
  ['cat list | parallel rm -rf', 'confirm', 'fs.delete-unknown-path'],
  ['cat list | parallel -X rm -rf {}', 'confirm', 'fs.delete-unknown-path'],
  ['parallel rm -rf :::: list.txt', 'confirm', 'fs.delete-unknown-path'],
  ['parallel -a list.txt rm -rf', 'confirm', 'fs.delete-unknown-path'],
  ['find / -name "*.o" | parallel rm -rf', 'confirm', 'fs.delete-outside-workspace'],
  // an argument stays unknown wherever the template quotes it
  ['cat list | parallel "rm -rf \'{}\'"', 'confirm', 'fs.delete-unknown-path'],
  ['cat list | parallel \'rm -rf "{}"\'', 'confirm', 'fs.delete-unknown-path'],
  ['git ls-files | parallel "grep -l \'TODO\' {}"', 'allow'],
  // literal arguments
  ['parallel -j4 pytest {} ::: tests/test_a.py tests/test_b.py', 'allow'],
  ['parallel gzip ::: *.log', 'allow'],
  ['parallel mv {} {.}.bak ::: a.txt b.txt', 'allow'],
  ['parallel "echo {} | wc -c" ::: a b', 'allow'],
  ['seq 4 | parallel echo job {#}', 'allow'],
  ['parallel rm -rf ::: / ~', 'deny', 'fs.delete-system'],
  ['parallel "rm -rf {}" ::: ~', 'deny', 'fs.delete-home'],
  ['parallel -I@ rm -rf @ ::: /', 'deny', 'fs.delete-system'],
  ['parallel --replace=@ rm -rf @ ::: /', 'deny', 'fs.delete-system'],
  ['parallel rm -rf {1}/{2} ::: / :::+ etc', 'deny', 'fs.delete-system'],
  ['parallel rm -rf {//} ::: /etc', 'deny', 'fs.delete-system'],
  ['echo / | parallel rm -rf', 'deny', 'fs.delete-system'],
  ['printf "dist\\nbuild\\n" | parallel rm -rf', 'allow'],
  // no template: the arguments, or the lines of its input, are commands
  ['parallel ::: "make lint" "make test"', 'allow'],
  ['parallel ::: "rm -rf ~" ls', 'deny', 'fs.delete-home'],
  ['echo "rm -rf ~" | parallel', 'deny', 'fs.delete-home'],
  ['cat jobs.txt | parallel', 'confirm', 'shell.unknown-script'],
  ['parallel < jobs.txt', 'confirm', 'shell.unknown-script'],
  ['curl -s https://example.com/jobs | parallel', 'confirm', 'shell.unknown-script'],
  ['parallel :::: jobs.txt', 'confirm', 'shell.dynamic-script'],
  // a template only known when it runs is code only known when it runs
  ['parallel "$CMD" ::: a b', 'confirm', 'shell.dynamic-script'],
  // runs nothing, or only cuts its input into blocks for the command's standard input
  ['parallel --dry-run rm -rf ::: /', 'allow'],
  ['parallel --version', 'allow'],
  ['parallel --pipe wc -l < big.txt', 'allow'],
  // sem (parallel --semaphore) runs its command once
  ['sem -j4 rm -rf /', 'deny', 'fs.delete-system'],
  ['sem --id build -j2 npm run build; sem --wait --id build', 'allow'],
];

describe('parallel', () => {
  for (const [cmd, decision, rule] of rows) {
    it(`${JSON.stringify(cmd)} → ${decision}${rule ? ' ' + rule : ''}`, () => {
      const v = check(cmd);
      assert.equal(v.decision, decision, JSON.stringify(v.reasons, null, 1));
      if (rule !== undefined) assert.ok(v.reasons.some((r) => r.rule === rule), JSON.stringify(v.reasons, null, 1));
    });
  }

  it('a template with arguments from input decides as xargs does', () => {
    for (const template of ['rm', 'rm -rf', 'gzip -k', 'curl -O', 'kubectl delete pod', 'git push --force origin']) {
      for (const feed of ['cat list |', 'echo / |', 'echo main |', 'find . -name "*.tmp" |', 'ls /etc |']) {
        const viaParallel = check(`${feed} parallel ${template}`);
        const viaXargs = check(`${feed} xargs ${template}`);
        assert.equal(viaParallel.decision, viaXargs.decision, `${feed} parallel|xargs ${template}: ${JSON.stringify([viaParallel.reasons, viaXargs.reasons])}`);
      }
    }
  });
});

/**
 * `git --config-env KEY=ENVVAR` sets KEY to the environment variable's value: an alias or a command setting whose
 * text is only known when git runs is judged as unknown shell code (ask); one whose variable this line sets is
 * judged by its text, as `-c KEY=VALUE` is. Workspace /work/ws (the cwd), home /home/dev.
 */
import { strict as assert } from 'node:assert';
import { createGuard } from '../../../src/core/index';
import type { Decision } from '../../../src/core/verdict';

const ROOT = '/work/ws';
const guard = createGuard({ home: '/home/dev' });
const check = (cmd: string) => guard.checkCommand(cmd, { cwd: ROOT, root: ROOT });

const rows: readonly (readonly [command: string, decision: Decision, strictestRule: string | undefined])[] = [
  ['git --config-env alias.x=VAR x', 'confirm', 'shell.dynamic-script'],
  ['git --config-env=alias.x=VAR x', 'confirm', 'shell.dynamic-script'],
  ['git --config-env alias.X=VAR x --hard', 'confirm', 'shell.dynamic-script'],
  ['git --config-env core.pager=PAGER log', 'confirm', 'shell.dynamic-script'],
  ['git -c core.pager="$PAGER" log', 'confirm', 'shell.dynamic-script'],
  ["X='!rm -rf ~' git --config-env alias.x=X x", 'deny', 'fs.delete-home'],
  ["export X='push -f'; git --config-env alias.p=X p origin main", 'deny', 'git.force-push-protected-branch'],
  // ordinary: a setting that runs nothing, an alias that is not called, an alias whose known text is harmless
  ['git --config-env user.name=GIT_NAME commit -m "fix"', 'allow', undefined],
  ['git --config-env http.extraHeader=AUTH_HEADER fetch', 'allow', undefined],
  ['git --config-env alias.x=VAR status', 'allow', undefined],
  ["X='status --short' git --config-env alias.s=X s", 'allow', undefined],
  ['git -c core.pager=cat log', 'allow', undefined],
];

describe('git --config-env: a setting whose value is an environment variable', () => {
  for (const [command, decision, rule] of rows) {
    it(`${command} → ${decision}${rule !== undefined ? ` (${rule})` : ''}`, () => {
      const v = check(command);
      assert.equal(v.decision, decision, JSON.stringify(v.reasons));
      assert.equal(v.reasons[0]?.rule, rule, JSON.stringify(v.reasons));
    });
  }
});

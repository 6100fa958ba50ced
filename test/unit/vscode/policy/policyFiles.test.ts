/** Which files the editor treats as Agent Guard policies, and the root each is judged from. */
import * as assert from 'node:assert/strict';
import { policyFileContext, policyInput } from '../../../../src/vscode/policy/policyFiles';

const environment = { env: { XDG_CONFIG_HOME: '/home/dev/.config-x' }, home: '/home/dev', roots: ['/work/app'] };

describe('policy files in the editor', () => {
  const cases: Array<{ file: string; want: ReturnType<typeof policyFileContext> }> = [
    { file: '/work/app/.vscode/agent-guard.json', want: { layer: 'workspace', root: '/work/app', file: '.vscode/agent-guard.json' } },
    { file: '/work/app/services/api/.vscode/agent-guard.json', want: { layer: 'workspace', root: '/work/app/services/api', file: '.vscode/agent-guard.json' } },
    { file: '/home/dev/.config-x/agent-guard/policy.json', want: { layer: 'user', root: '/work/app', file: '/home/dev/.config-x/agent-guard/policy.json' } },
    { file: '/home/dev/.config/agent-guard/policy.json', want: undefined },
    { file: '/work/app/.vscode/settings.json', want: undefined },
    { file: '/work/app/agent-guard.json', want: undefined },
  ];
  for (const c of cases) it(`${c.file} → ${c.want?.layer ?? 'not a policy'}`, () => assert.deepEqual(policyFileContext(c.file, environment), c.want));

  it('the user policy counts as trusted even in an untrusted workspace; a workspace policy does not', () => {
    const user = policyFileContext('/home/dev/.config-x/agent-guard/policy.json', environment)!;
    const workspace = policyFileContext('/work/app/.vscode/agent-guard.json', environment)!;
    assert.equal(policyInput('{}', user, environment, false).workspaceTrusted, true);
    assert.equal(policyInput('{}', workspace, environment, false).workspaceTrusted, false);
    assert.equal(policyInput('{}', workspace, environment, false).userPolicyFile, '/home/dev/.config-x/agent-guard/policy.json');
  });
});

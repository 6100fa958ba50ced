import * as assert from 'node:assert/strict';
import { agentName, CHOICE_LABELS, dialogText, modalItems, subjectOf, typedConfirmationTarget, type Choice } from '../../../../src/vscode/confirm/dialogText';
import type { ConfirmRequest } from '../../../../src/shared/bridgeProtocol';
import { command, confirmRequest, CRITICAL, PRODUCTION, PROTECTED, ROOT } from './fixtures';

describe('confirmation dialog text', () => {
  const messages: Array<{ name: string; request: ConfirmRequest; message: string }> = [
    { name: 'one command', request: confirmRequest(), message: 'Claude Code wants to run `rm -rf victim` in app' },
    { name: 'one file write', request: confirmRequest({ agent: 'codex', tool: 'apply_patch', actions: [{ kind: 'edit', path: `${ROOT}/.env`, op: 'write' }] }), message: 'Codex wants to write .env in app' },
    { name: 'one delete', request: confirmRequest({ agent: 'gemini', actions: [{ kind: 'edit', path: `${ROOT}/a.txt`, op: 'delete' }] }), message: 'Gemini CLI wants to delete a.txt in app' },
    { name: 'an unknown tool', request: confirmRequest({ agent: 'vscode', tool: 'mcp_db_query', actions: [{ kind: 'tool', tool: 'mcp_db_query', summary: 'sql: select 1' }] }), message: 'The VS Code agent wants to use the tool mcp_db_query in app' },
    { name: 'several changes', request: confirmRequest({ agent: 'copilot-cli', actions: [command('a'), command('b'), command('c')] }), message: 'Copilot CLI wants to make 3 changes in app' },
    { name: 'a long multi-line command, clipped to one line', request: confirmRequest({ actions: [command(`echo ${'x'.repeat(100)}\nrm -rf victim`)] }), message: `Claude Code wants to run \`echo ${'x'.repeat(74)}…\` in app` },
    { name: 'an agent Agent Guard has no name for', request: confirmRequest({ agent: 'newbot' }), message: 'The agent "newbot" wants to run `rm -rf victim` in app' },
  ];
  for (const c of messages) {
    it(`headline for ${c.name}`, () => assert.equal(dialogText(c.request, 110).message, c.message));
  }

  const choices: Array<{ name: string; request: ConfirmRequest; choices: Choice[]; typed?: string }> = [
    { name: 'a protected path (medium)', request: confirmRequest(), choices: ['deny', 'allow-once', 'allow-session'] },
    { name: 'a production target', request: confirmRequest({ verdict: PRODUCTION }), choices: ['deny', 'allow-once'], typed: 'prod-eu' },
    { name: 'a critical action without a production target', request: confirmRequest({ verdict: CRITICAL }), choices: ['deny', 'allow-once'], typed: 'app' },
  ];
  for (const c of choices) {
    it(`buttons and typed confirmation for ${c.name}`, () => {
      const text = dialogText(c.request, 110);
      assert.deepEqual(text.choices, c.choices);
      assert.equal(text.typedTarget, c.typed);
    });
    it(`the modal's default button (Enter) denies for ${c.name}`, () => {
      const items = modalItems(dialogText(c.request, 110));
      // VS Code makes the first item that is not the close affordance the default button
      assert.equal(items.find((item) => !item.isCloseAffordance)?.choice, 'deny');
      assert.deepEqual(items.map((item) => item.title), c.choices.map((choice) => CHOICE_LABELS[choice]));
      // no close affordance: VS Code adds its own Cancel (Escape, close icon), which answers undefined = deny
      assert.ok(items.every((item) => item.isCloseAffordance === false));
    });
  }

  it('the detail names the agent and tool, the folder, the command, every rule with its reason, the risk and the time limit', () => {
    const { detail } = dialogText(confirmRequest(), 42);
    assert.match(detail, /^Agent: Claude Code \(tool: Bash\)$/m);
    assert.match(detail, new RegExp(`^Folder: ${ROOT}$`, 'm'));
    assert.match(detail, /^Command: rm -rf victim$/m);
    assert.match(detail, /^• workspace\.protectedPaths\[0\] \(confirm, medium\): Deleting victim: "victim\/\*\*" is a protected path/m);
    assert.match(detail, /^Risk: medium$/m);
    assert.match(detail, /^Allow for This Session: /m);
    assert.match(detail, /^No answer within 42 s denies it\.$/m);
  });

  it('the detail of a production target says what will have to be typed, and offers no session allowance', () => {
    const { detail } = dialogText(confirmRequest({ verdict: PRODUCTION, actions: [command('kubectl --context prod-eu delete deployment api')] }), 110);
    assert.match(detail, /This targets production: to allow it you will type "prod-eu"\./);
    assert.doesNotMatch(detail, /Allow for This Session/);
  });

  it('a command run in a sub-folder says where', () => {
    const { detail } = dialogText(confirmRequest({ actions: [command('rm -rf victim', `${ROOT}/sub`)] }), 110);
    assert.match(detail, new RegExp(`^Command: rm -rf victim\\n  in ${ROOT}/sub$`, 'm'));
  });

  it('typed target: the policy\'s name first, then a reason\'s target, then the folder name for critical actions', () => {
    assert.equal(typedConfirmationTarget({ root: ROOT, verdict: PRODUCTION }), 'prod-eu');
    assert.equal(typedConfirmationTarget({ root: ROOT, verdict: { ...PRODUCTION, typedConfirmation: undefined as unknown as string } }), 'prod-eu');
    assert.equal(typedConfirmationTarget({ root: ROOT, verdict: CRITICAL }), 'app');
    assert.equal(typedConfirmationTarget({ root: ROOT, verdict: PROTECTED }), undefined);
  });

  it('agent names and one-line subjects', () => {
    assert.equal(agentName('claude'), 'Claude Code');
    assert.equal(subjectOf([command('a'), { kind: 'edit', path: '/x', op: 'delete' }, { kind: 'tool', tool: 't', summary: 's' }]), 'a\n/x\nt: s');
  });
});

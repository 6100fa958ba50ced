/**
 * "Agent Guard: Explain Command…": asks for a shell command and shows what the guard would decide about it and
 * why (every rule id and message), in a modal and in the Agent Guard log. Lets a person check a command, or the
 * policy, without an agent in the loop. Each explanation is recorded in the audit log (explainRecord.ts): who
 * asked and from where, the command, the verdict and its rule ids.
 *
 * Called with a string argument (`executeCommand('agentGuard.explainCommand', 'rm -rf /')`), it skips the input
 * box; the extension's own callers add where it was asked from (`'terminal'`, `'policy lens'`). Either way it
 * resolves to the verdict without waiting for the modal to be closed.
 */
import * as vscode from 'vscode';
import type { Verdict } from '../../core/verdict';
import type { Services } from '../services';
import { explainDecisionRecord, explainOrigin, type ExplainOrigin } from './explainRecord';

export const EXPLAIN_COMMAND_ID = 'agentGuard.explainCommand';

const SHOW_LOG = 'Show Log';

export function registerExplainCommand({ log, guards, ledger }: Services): vscode.Disposable {
  return vscode.commands.registerCommand(EXPLAIN_COMMAND_ID, async (argument?: unknown, from?: unknown): Promise<Verdict | undefined> => {
    const origin: ExplainOrigin = typeof argument === 'string' ? explainOrigin(from) : 'input box';
    const command = typeof argument === 'string' ? argument : await askForCommand();
    if (command === undefined || command.trim() === '') return undefined;
    const root = guards.roots()[0] ?? guards.home;
    const { guard, readFile } = guards.forRoot(root);
    const verdict = guard.checkCommand(command, { cwd: root, root, readFile });
    ledger.record(explainDecisionRecord({ command, origin, root, time: new Date() }, verdict));
    const text = describeVerdict(command, verdict);
    log.info(`explain (${origin}): ${command}\n${text.message}\n${text.detail}`);
    const show = verdict.decision === 'allow' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
    void show(text.message, { modal: true, detail: text.detail }, SHOW_LOG).then((choice) => {
      if (choice === SHOW_LOG) log.show(true);
    });
    return verdict;
  });
}

function askForCommand(): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Agent Guard: Explain Command',
    prompt: 'A shell command an agent might run; Agent Guard shows its decision and the rules behind it.',
    placeHolder: 'terraform destroy -auto-approve',
    ignoreFocusOut: true,
  });
}

/** The modal's text: decision and risk as the headline, then the command and one line per reason. */
export function describeVerdict(command: string, verdict: Verdict): { message: string; detail: string } {
  const headline = { allow: 'Allowed', confirm: 'Needs confirmation', deny: 'Denied' }[verdict.decision];
  const message = `${headline} (decision: ${verdict.decision}, risk: ${verdict.risk})`;
  const reasons = verdict.reasons.length === 0
    ? ['No rule matched.']
    : verdict.reasons.map((reason) => `${reason.rule} (${reason.decision}, ${reason.risk}): ${reason.message}`);
  const typed = verdict.typedConfirmation === undefined ? [] : [`To confirm, type: ${verdict.typedConfirmation}`];
  return { message, detail: [command, '', ...reasons, ...typed].join('\n') };
}

/**
 * Judges every command run in an integrated terminal with shell integration
 * (`window.onDidStartTerminalShellExecution`), with the workspace guard of the folder the command runs in, and
 * records it in the ledger (source `terminal`, outcome `observed`). For a `deny` verdict it warns and offers
 * **Stop Terminal** and **Explain**.
 *
 * The command has already started when VS Code reports it: this watch cannot prevent it, only shorten it. Stop
 * Terminal disposes the terminal rather than sending Ctrl-C: disposing ends the shell and its whole session (the
 * running command, its children, anything queued after it on the same line), whereas Ctrl-C reaches only the
 * foreground job, can be trapped or ignored by the program, and — seconds later, when the person clicks — may
 * land on a different command than the one that was judged.
 */
import * as vscode from 'vscode';
import { EXPLAIN_COMMAND_ID } from '../commands/explain';
import type { Services } from '../services';
import { deniedWarning, isJudgeable, terminalDecisionRecord, type TerminalCommand } from './terminalRecord';

const STOP_TERMINAL = 'Stop Terminal';
const EXPLAIN = 'Explain';

export function registerTerminalJudging(services: Services): vscode.Disposable {
  return vscode.window.onDidStartTerminalShellExecution((event) => {
    const config = vscode.workspace.getConfiguration('agentGuard');
    if (!config.get<boolean>('enable', true) || !config.get<boolean>('terminal.judgeCommands', true)) return;
    try {
      judge(services, event);
    } catch (error) {
      services.log.error(`terminal: could not judge a command: ${String(error)}`);
    }
  });
}

function judge({ guards, ledger, log }: Services, event: vscode.TerminalShellExecutionStartEvent): void {
  const commandLine = event.execution.commandLine.value;
  if (!isJudgeable(commandLine)) return;
  const cwdUri = event.execution.cwd ?? event.shellIntegration.cwd;
  const cwd = cwdUri?.scheme === 'file' ? cwdUri.fsPath : (guards.roots()[0] ?? guards.home);
  const root = guards.rootOf(cwd);
  const { guard, readFile } = guards.forRoot(root);
  const verdict = guard.checkCommand(commandLine, { cwd, root, readFile });
  const command: TerminalCommand = { commandLine, cwd, root, terminalName: event.terminal.name, time: new Date() };
  ledger.record(terminalDecisionRecord(command, verdict));
  log.info(`terminal "${command.terminalName}" (${event.execution.commandLine.confidence === vscode.TerminalShellExecutionCommandLineConfidence.High ? 'high' : 'low/medium'} confidence) in ${cwd}: ${commandLine} → ${verdict.decision} (${verdict.reasons.map((r) => r.rule).join(', ') || 'no rule'})`);
  if (verdict.decision !== 'deny') return;
  const terminal = event.terminal;
  void vscode.window.showWarningMessage(deniedWarning(command, verdict), STOP_TERMINAL, EXPLAIN).then((choice) => {
    if (choice === STOP_TERMINAL) {
      log.warn(`terminal "${command.terminalName}": stopped by the person after a denied command: ${commandLine}`);
      terminal.dispose();
    } else if (choice === EXPLAIN) {
      void vscode.commands.executeCommand(EXPLAIN_COMMAND_ID, commandLine, 'terminal');
    }
  });
}

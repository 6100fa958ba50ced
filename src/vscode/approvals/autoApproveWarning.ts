/**
 * Warns, once per finding per session, when VS Code's global auto-approve, a bypass permission mode or a
 * catch-all terminal rule is switched on — at start-up (after activation returns) and whenever one of those
 * settings changes — with actions to open the setting or harden the approvals. Off with
 * `agentGuard.warnOnAutoApprove`.
 */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { autoApproveFindings, WATCHED_SETTINGS } from './autoApproveFindings';
import { HARDEN_COMMAND_ID } from './hardenCommand';

const OPEN_SETTING = 'Open Setting';
const HARDEN = 'Harden Built-in Approvals';

export function registerAutoApproveWarning({ log }: Services): vscode.Disposable {
  const warned = new Set<string>();
  const check = (): void => {
    if (vscode.workspace.getConfiguration('agentGuard').get<boolean>('warnOnAutoApprove') === false) return;
    const config = vscode.workspace.getConfiguration();
    for (const finding of autoApproveFindings((key) => config.get(key))) {
      if (warned.has(finding.id)) continue;
      warned.add(finding.id);
      log.warn(`auto-approve: ${finding.message} (${finding.setting})`);
      void vscode.window.showWarningMessage(`Agent Guard: ${finding.message}`, OPEN_SETTING, HARDEN).then((choice) => {
        if (choice === OPEN_SETTING) void vscode.commands.executeCommand('workbench.action.openSettings', finding.setting);
        if (choice === HARDEN) void vscode.commands.executeCommand(HARDEN_COMMAND_ID);
      });
    }
  };
  const initial = setTimeout(check, 0);
  return vscode.Disposable.from(
    { dispose: () => clearTimeout(initial) },
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (WATCHED_SETTINGS.some((key) => e.affectsConfiguration(key)) || e.affectsConfiguration('agentGuard.warnOnAutoApprove')) check();
    }),
  );
}

/**
 * Warns, once per finding per session, when VS Code's global auto-approve, a bypass permission mode or a
 * catch-all terminal rule is switched on — at start-up (after activation returns) and whenever one of those
 * settings changes — with actions to open the setting or harden the approvals; and, once after start-up, when an
 * agent's own settings file switches its approvals off (read asynchronously, never on the activation path).
 * Off with `agentGuard.warnOnAutoApprove`.
 */

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await fs.promises.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { Services } from '../services';
import { agentBypassFindings, agentSettingsFiles } from './agentBypassFiles';
import { autoApproveFindings, WATCHED_SETTINGS } from './autoApproveFindings';
import { HARDEN_COMMAND_ID } from './hardenCommand';

const OPEN_SETTING = 'Open Setting';
const OPEN_FILE = 'Open File';
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
  const checkAgentFiles = async (): Promise<void> => {
    if (vscode.workspace.getConfiguration('agentGuard').get<boolean>('warnOnAutoApprove') === false) return;
    const folders = vscode.workspace.workspaceFolders?.filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath) ?? [];
    const files = agentSettingsFiles(os.homedir(), process.env, folders);
    const texts = await Promise.all(files.map(async (file) => ({ file, text: await readIfPresent(file) })));
    for (const finding of agentBypassFindings(texts)) {
      if (warned.has(finding.id)) continue;
      warned.add(finding.id);
      log.warn(`agent bypass mode: ${finding.message}`);
      void vscode.window.showWarningMessage(`Agent Guard: ${finding.message}`, OPEN_FILE).then((choice) => {
        if (choice === OPEN_FILE) void vscode.window.showTextDocument(vscode.Uri.file(finding.setting));
      });
    }
  };
  const initial = setTimeout(() => {
    check();
    checkAgentFiles().catch((e: unknown) => log.error(`checking agents' settings files: ${e instanceof Error ? e.message : String(e)}`));
  }, 0);
  return vscode.Disposable.from(
    { dispose: () => clearTimeout(initial) },
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (WATCHED_SETTINGS.some((key) => e.affectsConfiguration(key)) || e.affectsConfiguration('agentGuard.warnOnAutoApprove')) check();
    }),
  );
}

/**
 * Writes one of VS Code's chat approval settings. The configuration API is the right way (it knows profiles and
 * keeps comments), but a VS Code that does not know the setting yet (older than the chat tool settings) refuses
 * to write an unregistered key: then the value is merged into the settings file itself with a JSONC edit, so
 * comments and other settings stay and a VS Code that knows the setting picks it up.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { announceAgentGuardWrite } from '../protect/register';
import { setInSettingsText } from './settingsWriterText';

export type SettingsTarget = 'user' | 'workspace';

export interface WriteResult {
  /** `api`, or the settings file that was written directly. */
  readonly via: string;
}

/** User settings live two folders above this extension's global storage (`<user-data>/User/globalStorage/<id>`). */
export function userSettingsFile(context: vscode.ExtensionContext): string {
  return path.join(path.dirname(path.dirname(context.globalStorageUri.fsPath)), 'settings.json');
}

export function workspaceSettingsFile(folder: string): string {
  return path.join(folder, '.vscode', 'settings.json');
}

export async function writeSetting(context: vscode.ExtensionContext, key: string, value: unknown, target: SettingsTarget, folder: vscode.WorkspaceFolder | undefined): Promise<WriteResult> {
  const configTarget = target === 'user' ? vscode.ConfigurationTarget.Global : vscode.ConfigurationTarget.Workspace;
  const file = target === 'user' ? userSettingsFile(context) : folder === undefined ? undefined : workspaceSettingsFile(folder.uri.fsPath);
  // settings files are protected paths: this change is Agent Guard's own, not an agent's
  if (file !== undefined) announceAgentGuardWrite(file);
  try {
    await vscode.workspace.getConfiguration(undefined, folder?.uri).update(key, value, configTarget);
    return { via: 'api' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!/not a registered configuration/i.test(message) || file === undefined) throw error;
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.agent-guard-${process.pid}.tmp`;
    fs.writeFileSync(tmp, setInSettingsText(text, key, value));
    fs.renameSync(tmp, file);
    return { via: file };
  }
}

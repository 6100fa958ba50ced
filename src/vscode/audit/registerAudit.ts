/**
 * Wires the audit log: every decision the ledger records is appended to the shared log in the extension's global
 * storage (one log for all windows, each line naming its workspace root), retention runs once at start without
 * blocking activation, and the view follows the log — also when another window writes to it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerAuditCommands } from './auditCommands';
import { toAuditEntry } from './auditEntry';
import { AuditLog } from './auditLog';
import { SEGMENT_PREFIX } from './auditSegments';
import { AuditView } from './auditView';

const RETENTION_SETTING = 'agentGuard.audit.retentionDays';
const DEFAULT_RETENTION_DAYS = 90;

export function registerAuditLog({ context, log: output, ledger, guards }: Services): vscode.Disposable {
  const dir = auditDirectory(context.globalStorageUri);
  const log = new AuditLog(dir);
  const retentionDays = (): number => vscode.workspace.getConfiguration().get<number>(RETENTION_SETTING, DEFAULT_RETENTION_DAYS);
  const view = new AuditView(log, retentionDays, output);
  const windowRoot = guards.roots()[0] ?? guards.home;
  const disposables: vscode.Disposable[] = [view, registerAuditCommands(view, output)];

  disposables.push(
    ledger.onDidRecord((record) => {
      log.append(toAuditEntry(record, windowRoot, process.pid)).then(
        () => view.refresh(),
        (error: unknown) => output.error(`audit log: could not append to ${dir}: ${error instanceof Error ? error.message : String(error)}`),
      );
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(RETENTION_SETTING)) view.refresh();
    }),
  );

  // Off the activation path (fs.promises only, not awaited): create the folder, apply retention, then watch it.
  let disposed = false;
  let watcher: vscode.Disposable | undefined;
  fs.promises
    .mkdir(dir, { recursive: true, mode: 0o700 })
    .then(async () => {
      if (disposed) return;
      watcher = watchOtherWriters(dir, view);
      const removed = await log.applyRetention(retentionDays());
      output.info(`audit log: ${dir}${removed.length > 0 ? `; removed ${removed.length} day file(s) older than ${retentionDays()} days` : ''}`);
    })
    .catch((error: unknown) => output.error(`audit log: could not prepare ${dir}: ${error instanceof Error ? error.message : String(error)}`));

  return vscode.Disposable.from(...disposables, {
    dispose: () => {
      disposed = true;
      watcher?.dispose();
    },
  });
}

/** `<global storage>/audit`; a folder under the home directory when the storage is not on a local disk. */
export function auditDirectory(globalStorage: vscode.Uri): string {
  if (globalStorage.scheme === 'file') return path.join(globalStorage.fsPath, 'audit');
  return path.join(os.homedir(), '.local', 'state', 'agent-guard', 'audit');
}

/** Other windows append to the same files: refresh the view when a day file changes. */
function watchOtherWriters(dir: string, view: AuditView): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), `${SEGMENT_PREFIX}*`));
  return vscode.Disposable.from(watcher, watcher.onDidChange(() => view.refresh()), watcher.onDidCreate(() => view.refresh()), watcher.onDidDelete(() => view.refresh()));
}

/**
 * "Agent Guard: Restore Protected File…": every kept copy of a protected file, newest first, to put one back —
 * also after the notification was dismissed, or to get back the content a restore replaced (it is a copy too).
 * Called with a copy's id (`executeCommand('agentGuard.restoreProtectedFile', 12)`) it skips the list; called with
 * a file path, it restores that file's newest copy that differs from the file now (undoing the last change).
 */
import * as vscode from 'vscode';
import type { Services } from '../services';
import type { ProtectedFileWatch } from './protectedFileWatch';
import { tildePath } from './homeConfigFiles';
import { relativeToRoot } from './protectedPaths';
import { readFileState, type SnapshotEntry, type SnapshotReason } from './snapshotStore';

export const RESTORE_COMMAND_ID = 'agentGuard.restoreProtectedFile';

const REASONS: Record<SnapshotReason, string> = {
  baseline: 'as first seen',
  'before-save': 'before an editor save',
  'before-delete': 'before a delete',
  'before-rename': 'before a rename',
  'before-create': 'before being overwritten',
  saved: 'after an editor save',
  observed: 'a change not yet answered',
  'before-restore': 'replaced by a restore',
  restored: 'restored',
  kept: 'kept',
};

interface SnapshotItem extends vscode.QuickPickItem {
  readonly entry: SnapshotEntry;
}

export function registerRestoreCommand({ guards }: Services, watch: ProtectedFileWatch): vscode.Disposable {
  return vscode.commands.registerCommand(RESTORE_COMMAND_ID, async (argument?: unknown): Promise<boolean> => {
    const store = watch.store();
    const copies = store.all().filter((e) => e.hash !== null);
    let entry: SnapshotEntry | undefined;
    if (typeof argument === 'number') {
      entry = copies.find((e) => e.id === argument);
    } else if (typeof argument === 'string') {
      const now = readFileState(argument, store.limits.maxFileBytes);
      const nowHash = now.kind === 'file' ? now.hash : undefined;
      entry = copies.find((e) => e.path === argument && e.hash !== nowHash);
    } else {
      if (copies.length === 0) {
        void vscode.window.showInformationMessage('Agent Guard has no copies of protected files yet.');
        return false;
      }
      const items = copies.map((e): SnapshotItem => {
        const root = guards.rootOf(e.path);
        const now = readFileState(e.path, store.limits.maxFileBytes);
        const same = now.kind === 'file' && now.hash === e.hash;
        return {
          label: relativeToRoot(root, e.path) ?? tildePath(e.path, guards.home),
          description: `${new Date(e.time).toLocaleString()} · ${REASONS[e.reason]}`,
          detail: `${e.size} bytes · copy #${e.id}${same ? ' · same as the file now' : ''}`,
          entry: e,
        };
      });
      const picked = await vscode.window.showQuickPick(items, {
        title: 'Agent Guard: Restore Protected File',
        placeHolder: 'Pick a copy to put back (what it replaces is kept as a copy too)',
        matchOnDescription: true,
        matchOnDetail: true,
      });
      entry = picked?.entry;
    }
    if (!entry) return false;
    const root = guards.rootOf(entry.path);
    const restored = watch.restore({ path: entry.path, root, target: entry });
    if (restored) void vscode.window.showInformationMessage(`Agent Guard restored ${relativeToRoot(root, entry.path) ?? entry.path} (copy #${entry.id}). What it replaced is kept as a copy.`);
    return restored;
  });
}

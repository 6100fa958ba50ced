/**
 * The protected-file feature as `extension.ts` wires it: the watch (snapshots, notifications) and the
 * "Restore Protected File…" command. Nothing is read or searched during activation; the watch's first copies
 * are taken a moment later.
 */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { ANY } from './changeBookkeeping';
import { EDITOR_SAVE_TTL_MS, ProtectedFileWatch } from './protectedFileWatch';
import { registerRestoreCommand } from './restoreCommand';

/** The watch of this extension host, for {@link announceAgentGuardWrite}. */
let activeWatch: ProtectedFileWatch | undefined;

export function registerProtectedFiles(services: Services): vscode.Disposable {
  const watch = new ProtectedFileWatch(services);
  activeWatch = watch;
  const forget = new vscode.Disposable(() => {
    if (activeWatch === watch) activeWatch = undefined;
  });
  return vscode.Disposable.from(forget, watch, registerRestoreCommand(services, watch));
}

/**
 * Other Agent Guard features call this just before they write a protected file themselves (Harden Built-in
 * Approvals writing `.vscode/settings.json`, for one), so the person is not asked about Agent Guard's own change.
 */
export function announceAgentGuardWrite(fsPath: string, ttlMs = EDITOR_SAVE_TTL_MS): void {
  activeWatch?.expected.expect(fsPath, ANY, Date.now(), ttlMs);
}

/**
 * The protected-file feature as `extension.ts` wires it: the watch (snapshots, notifications) and the
 * "Restore Protected File…" command. Nothing is read or searched during activation; the watch's first copies
 * are taken a moment later.
 */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { ProtectedFileWatch } from './protectedFileWatch';
import { registerRestoreCommand } from './restoreCommand';

export function registerProtectedFiles(services: Services): vscode.Disposable {
  const watch = new ProtectedFileWatch(services);
  return vscode.Disposable.from(watch, registerRestoreCommand(services, watch));
}

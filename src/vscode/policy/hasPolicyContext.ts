/**
 * The `agentGuard.hasPolicy` context key: true while a workspace folder has `.vscode/agent-guard.json`. The
 * walkthrough's "Share one policy with your team" step completes on it. Looked up after activation returns
 * (a file search, not a read), then kept current by a watcher.
 */
import * as vscode from 'vscode';

export const HAS_POLICY_CONTEXT = 'agentGuard.hasPolicy';
const GLOB = '**/.vscode/agent-guard.json';

export function registerHasPolicyContext(): vscode.Disposable {
  let disposed = false;
  const update = async (): Promise<void> => {
    const found = await vscode.workspace.findFiles(GLOB, '**/node_modules/**', 1);
    if (!disposed) await vscode.commands.executeCommand('setContext', HAS_POLICY_CONTEXT, found.length > 0);
  };
  const refresh = (): void => {
    update().catch(() => undefined);
  };
  const watcher = vscode.workspace.createFileSystemWatcher(GLOB, false, true, false);
  const initial = setTimeout(refresh, 0);
  return vscode.Disposable.from(
    watcher,
    watcher.onDidCreate(refresh),
    watcher.onDidDelete(refresh),
    vscode.workspace.onDidChangeWorkspaceFolders(refresh),
    { dispose: () => { disposed = true; clearTimeout(initial); } },
  );
}

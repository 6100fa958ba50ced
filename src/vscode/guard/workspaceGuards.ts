/**
 * The guard of each workspace folder, as the CLI's hooks would build it: the built-in rules plus the user policy
 * and the folder's `.vscode/agent-guard.json`, reloaded when either file changes. Every editor feature that
 * judges something (Explain, terminals, protected files) asks here, so the editor and the hooks decide alike.
 * A policy that fails to load never means "allow everything": the loader sets `loadError` and the core asks.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Guard, ReadFile } from '../../core/api';
import { createGuard } from '../../core/index';
import { loadPolicy, userPolicyPath, WORKSPACE_POLICY, type LoadedPolicy } from '../../cli/policy/load';
import { readSmallFile } from '../../cli/readFile';

export interface WorkspaceGuard {
  readonly guard: Guard;
  readonly loaded: LoadedPolicy;
  /** The workspace folder (or, outside any folder, the home directory). */
  readonly root: string;
  /** Reads scripts a command would run, for `checkCommand({readFile})`. */
  readonly readFile: ReadFile;
}

export class WorkspaceGuards implements vscode.Disposable {
  private readonly cache = new Map<string, WorkspaceGuard>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  readonly home = os.homedir();
  /** Fires after a policy file changed (the next `forRoot` reloads). */
  readonly onDidChange = this.emitter.event;

  constructor() {
    const reset = (): void => {
      this.cache.clear();
      this.emitter.fire();
    };
    const workspacePolicies = vscode.workspace.createFileSystemWatcher(`**/${WORKSPACE_POLICY.split(path.sep).join('/')}`);
    const userPolicy = userPolicyPath(process.env, this.home);
    const userWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(userPolicy)), path.basename(userPolicy)));
    for (const watcher of [workspacePolicies, userWatcher]) {
      this.disposables.push(watcher, watcher.onDidChange(reset), watcher.onDidCreate(reset), watcher.onDidDelete(reset));
    }
    this.disposables.push(vscode.workspace.onDidGrantWorkspaceTrust(reset), vscode.workspace.onDidChangeWorkspaceFolders(reset), this.emitter);
  }

  /** Workspace folder roots, or the home directory when no folder is open. */
  roots(): string[] {
    const folders = vscode.workspace.workspaceFolders?.filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath) ?? [];
    return folders.length > 0 ? folders : [this.home];
  }

  /** The folder containing `fsPath` (deepest match), else the first root. */
  rootOf(fsPath: string): string {
    const matches = this.roots().filter((root) => fsPath === root || fsPath.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
    return matches.sort((a, b) => b.length - a.length)[0] ?? this.roots()[0] ?? this.home;
  }

  forRoot(root: string): WorkspaceGuard {
    const cached = this.cache.get(root);
    if (cached) return cached;
    const loaded = loadPolicy({ root, cwd: root, home: this.home, env: process.env, workspaceTrusted: vscode.workspace.isTrusted, report: undefined });
    const made: WorkspaceGuard = { guard: createGuard({ policy: loaded.policy, home: this.home }), loaded, root, readFile: readSmallFile };
    this.cache.set(root, made);
    return made;
  }

  /** The guard for the folder `fsPath` belongs to. */
  forPath(fsPath: string): WorkspaceGuard {
    return this.forRoot(this.rootOf(fsPath));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.cache.clear();
  }
}

/**
 * Watches whether the agent hooks the person installed still protect them, and says so: the ledger's protection
 * state (the status bar's "unprotected" look) and one notification per new problem, offering **Repair Agent
 * Hooks**. The check itself is the CLI's (src/cli/install/protection.ts), run in-process: first shortly after
 * activation (never on the activation path), then whenever a hook config, a trust setting or the install record
 * changes, the workspace folders or VS Code's hook settings change, or the window regains focus (files outside
 * the workspace may change without a watcher event).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { AGENT_IDS, type AgentId } from '../../cli/hooks/types';
import { recordPath } from '../../cli/install/installRecord';
import { checkProtection, type ProtectionReport } from '../../cli/install/protection';
import { INSTALLERS } from '../../cli/install/registry';
import { switchFiles, type EditorHookSettings } from '../../cli/install/trustSwitches';
import type { InstallContext } from '../../cli/install/types';
import { DEFAULT_CONFIRM_WAIT_SECONDS } from '../../shared/bridgeProtocol';
import type { Services } from '../services';
import { describeCheck, ProblemMemory, unprotectedDetail } from './problems';

export const REPAIR_COMMAND_ID = 'agentGuard.repairProtection';
const KNOWN_HOOKS_KEY = 'agentGuard.protection.knownHooks';

interface KnownHook {
  readonly agent: AgentId;
  readonly file: string;
}
const REPAIR = 'Repair Agent Hooks';
const DETAILS = 'Show Details';
/** Coalesces the burst of events one save or `install` produces. */
const SETTLE_MS = 300;
/** A backstop for changes no watcher reported (a folder created after its watcher was due, a remote file system). */
const RECHECK_MS = 15_000;

export class ProtectionMonitor implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly watchers = new Map<string, vscode.Disposable>();
  private readonly memory = new ProblemMemory();
  private timer: NodeJS.Timeout | undefined;
  private last: ProtectionReport | undefined;
  private disposed = false;
  /** The last "protected" line logged, to log only changes. */
  private lastSummary: string | undefined;

  constructor(private readonly services: Services, private readonly home: string) {}

  /** Starts watching and schedules the first check; call after activation returned. */
  start(): void {
    if (this.disposed) return;
    this.rewatch();
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.rewatch();
        this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('chat.useHooks') || e.affectsConfiguration('chat.hookFilesLocations')) this.schedule();
      }),
      vscode.window.onDidChangeWindowState((s) => {
        if (s.focused) this.schedule();
      }),
      // the circuit breaker's pause ends in "protected": a hook problem still stands
      this.services.ledger.onDidChange((snap) => {
        if (snap.protection.kind === 'protected' && this.last && this.last.broken.length > 0) this.publish(this.last);
      }),
    );
    const periodic = setInterval(() => this.schedule(), RECHECK_MS);
    this.disposables.push({ dispose: () => clearInterval(periodic) });
    this.schedule(0);
  }

  /** Runs the check now and publishes it (Repair calls this after writing). */
  checkNow(): ProtectionReport {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const report = checkProtection({ home: this.home, workspaces: this.roots(), env: process.env, editorSettings: editorSettings(), known: this.known() });
    this.remember(report);
    this.publish(report);
    this.watchMissing();
    return report;
  }

  get report(): ProtectionReport | undefined {
    return this.last;
  }

  roots(): string[] {
    return this.services.guards.roots();
  }

  /** Hooks this editor has seen wired (kept across sessions): installed, even when no install record says so. */
  private known(): KnownHook[] {
    return this.services.context.globalState.get<KnownHook[]>(KNOWN_HOOKS_KEY, []);
  }

  private remember(report: ProtectionReport): void {
    const before = this.known();
    const key = (h: KnownHook): string => `${h.agent}\u0000${h.file}`;
    const now = new Map(before.map((h) => [key(h), h]));
    for (const c of report.checks) {
      if (c.wired) now.set(key(c), { agent: c.agent, file: c.file });
      // uninstalled on purpose (the record says so): forget it
      else if (c.status === 'not-installed') now.delete(key(c));
    }
    const after = [...now.values()];
    if (JSON.stringify(after) !== JSON.stringify(before)) {
      void this.services.context.globalState.update(KNOWN_HOOKS_KEY, after);
    }
  }

  private schedule(delay = SETTLE_MS): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        this.checkNow();
      } catch (e) {
        this.services.log.error(`protection check failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }, delay);
  }

  private publish(report: ProtectionReport): void {
    this.last = report;
    const { ledger, log } = this.services;
    const paused = ledger.snapshot().protection.kind === 'paused';
    if (report.broken.length === 0) {
      if (!paused) ledger.setProtection({ kind: 'protected' });
      const installed = report.checks.filter((c) => c.status === 'ok').map(describeCheck);
      const summary = `protection: protected (${installed.length > 0 ? installed.join('; ') : 'no agent hooks installed here'})`;
      if (summary !== this.lastSummary) log.info(summary);
      this.lastSummary = summary;
      this.memory.next([]);
      return;
    }
    this.lastSummary = undefined;
    const detail = unprotectedDetail(report.broken);
    if (!paused) ledger.setProtection({ kind: 'unprotected', detail });
    const fresh = this.memory.next(report.broken);
    if (fresh.length === 0) return;
    for (const c of fresh) log.warn(`protection: unprotected — ${describeCheck(c)}: ${c.problems.join('; ')}`);
    const repairable = report.broken.some((c) => c.repairable);
    const buttons = repairable ? [REPAIR, DETAILS] : [DETAILS];
    void vscode.window.showWarningMessage(`Agent Guard: agents are unprotected — ${unprotectedDetail(fresh)}.`, ...buttons).then((choice) => {
      if (choice === REPAIR) void vscode.commands.executeCommand(REPAIR_COMMAND_ID);
      else if (choice === DETAILS) log.show(true);
    });
  }

  /**
   * Watchers for the files that decide whether a hook runs. In each workspace folder one recursive glob over
   * the folder's hook configs (served by the workspace watcher, which sees files and folders appear); files
   * elsewhere one watcher each from their folder once it exists — folders that do not exist yet are retried
   * after every check, so a later `install` gets watched too. The periodic check covers what a watcher misses.
   */
  private rewatch(): void {
    for (const w of this.watchers.values()) w.dispose();
    this.watchers.clear();
    this.watchMissing();
  }

  private watchMissing(): void {
    const roots = this.roots();
    const files = new Set<string>([recordPath(process.env, this.home)]);
    for (const root of roots) {
      const ctx: InstallContext = { home: this.home, workspace: root, env: process.env, platform: process.platform, command: {}, confirmWaitSeconds: DEFAULT_CONFIRM_WAIT_SECONDS };
      for (const agent of AGENT_IDS) {
        files.add(INSTALLERS[agent].configFile('user', ctx));
        files.add(INSTALLERS[agent].configFile('workspace', ctx));
      }
      for (const f of switchFiles(ctx)) files.add(f);
    }
    const onEvent = (): void => this.schedule();
    const add = (key: string, pattern: vscode.RelativePattern): void => {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      this.watchers.set(key, vscode.Disposable.from(watcher, watcher.onDidCreate(onEvent), watcher.onDidChange(onEvent), watcher.onDidDelete(onEvent)));
    };
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    const inFolder = new Map<string, string[]>();
    for (const file of files) {
      const root = folders.find((r) => file.startsWith(r + path.sep));
      if (root) inFolder.set(root, [...(inFolder.get(root) ?? []), path.relative(root, file).split(path.sep).join('/')]);
      else if (!fs.existsSync(path.dirname(file))) {
        // a watcher whose folder was deleted has stopped for good: make a new one once the folder is back
        this.watchers.get(file)?.dispose();
        this.watchers.delete(file);
      } else if (!this.watchers.has(file)) add(file, new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)));
    }
    for (const [root, relative] of inFolder) {
      const key = `folder:${root}`;
      // "**/" makes it a recursive watch: a plain relative path would watch only the folder's direct children
      if (!this.watchers.has(key)) add(key, new vscode.RelativePattern(vscode.Uri.file(root), `**/{${relative.join(',')}}`));
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const d of [...this.watchers.values(), ...this.disposables]) d.dispose();
  }
}

function editorSettings(): EditorHookSettings {
  const chat = vscode.workspace.getConfiguration('chat');
  return { useHooks: chat.get('useHooks'), hookFilesLocations: chat.get('hookFilesLocations') };
}

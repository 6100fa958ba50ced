/**
 * The protected-file watch: keeps copies of the workspace's protected files (the workspace guard's protected
 * paths) and, when one changes or disappears — through the editor or through any other process — tells the
 * person and offers **Restore**, **Show Diff** and **Keep**.
 *
 * Copies are taken: lazily after activation for the protected files that exist (found with bounded searches,
 * never a walk of the whole tree); before the editor saves, deletes, renames or overwrites one
 * (`onWill…` events); and after every accepted change (an editor save, Keep, Restore).
 *
 * Not reported: the editor's own saves (the person sees the edit in the editor, and VS Code's agent edits have
 * their own review), Agent Guard's own restores, and places that churn by themselves (see protectedPaths.ts).
 * Bursts of file events are settled first and reported in one notification.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Services } from '../services';
import { ABSENT, ANY, ChangeBatcher, classifyChange, describeKind, ExpectedWrites, type ChangeKind, type PendingChange } from './changeBookkeeping';
import { fileDecisionRecord } from './fileDecisionRecord';
import { homeConfigFiles, tildePath } from './homeConfigFiles';
import { isWatchedProtectedFile, relativeToRoot, snapshotSearchGlobs } from './protectedPaths';
import { keepFile, restoreFile } from './restoreFile';
import { registerSnapshotDocuments, snapshotUri } from './snapshotDocuments';
import { readFileState, SnapshotStore, type SnapshotEntry, type SnapshotReason } from './snapshotStore';

/** A burst is settled after this much quiet… */
const QUIET_MS = 600;
/** …or after this long, whatever happens. */
const MAX_WAIT_MS = 3_000;
/** The editor's own save of a protected file is expected for this long after `onWillSave`. */
export const EDITOR_SAVE_TTL_MS = 15_000;
/** The first copies are taken this long after activation (activation stays cheap). */
const FIRST_SCAN_DELAY_MS = 1_500;
/** At most this many protected files are copied by the first scan (per window). */
const MAX_SCAN_FILES = 500;
/** Diff editors opened at once for a burst. */
const MAX_DIFFS = 5;
const SEARCH_EXCLUDE = '{**/node_modules/**,**/.git/**}';

const RESTORE = 'Restore';
const RESTORE_ALL = 'Restore All';
const SHOW_DIFF = 'Show Diff';
const KEEP = 'Keep';
const KEEP_ALL = 'Keep All';

/** A change the person is asked about. */
export interface ProtectedChange {
  readonly path: string;
  readonly root: string;
  readonly kind: 'changed' | 'created' | 'deleted';
  /** What Restore goes back to: the accepted state before the change (undefined: the file did not exist). */
  readonly target: SnapshotEntry | undefined;
  /** The rule protecting the file (`path.secrets`, …). */
  readonly rule: string | undefined;
}

export class ProtectedFileWatch implements vscode.Disposable {
  private storeInstance: SnapshotStore | undefined;
  private readonly batcher = new ChangeBatcher(QUIET_MS, MAX_WAIT_MS);
  readonly expected = new ExpectedWrites();
  private timer: NodeJS.Timeout | undefined;
  private scanTimer: NodeJS.Timeout | undefined;
  private watchers: vscode.Disposable[] = [];
  /** Protected files outside the workspace (agents' user-level config, the user policy) being watched. */
  private homeFiles = new Set<string>();
  private homeWatchers: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private scanGeneration = 0;

  constructor(private readonly services: Services) {
    const { guards } = services;
    this.disposables.push(
      registerSnapshotDocuments(() => this.storeOrUndefined()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('agentGuard.protectedFiles.watch') || e.affectsConfiguration('agentGuard.enable')) this.restart();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.restart()),
      guards.onDidChange(() => this.scheduleScan()),
      vscode.workspace.onWillSaveTextDocument((e) => this.beforeEditorWrite(e.document.uri, 'before-save', true)),
      vscode.workspace.onDidSaveTextDocument((document) => this.afterEditorSave(document.uri)),
      vscode.workspace.onWillDeleteFiles((e) => e.files.forEach((uri) => this.beforeEditorWrite(uri, 'before-delete', false))),
      vscode.workspace.onWillRenameFiles((e) => e.files.forEach(({ oldUri }) => this.beforeEditorWrite(oldUri, 'before-rename', false))),
      vscode.workspace.onWillCreateFiles((e) => e.files.forEach((uri) => this.beforeEditorWrite(uri, 'before-create', true))),
    );
    this.restart();
  }

  private enabled(): boolean {
    const config = vscode.workspace.getConfiguration('agentGuard');
    return config.get<boolean>('enable', true) && config.get<boolean>('protectedFiles.watch', true);
  }

  /** The store, opened on first use (in the workspace's storage, else the global one). */
  store(): SnapshotStore {
    if (!this.storeInstance) {
      const base = this.services.context.storageUri ?? this.services.context.globalStorageUri;
      this.storeInstance = new SnapshotStore(path.join(base.fsPath, 'protected-files'));
    }
    return this.storeInstance;
  }

  private storeOrUndefined(): SnapshotStore | undefined {
    try {
      return this.store();
    } catch (error) {
      this.services.log.error(`protected files: cannot open the snapshot store: ${String(error)}`);
      return undefined;
    }
  }

  private restart(): void {
    for (const w of [...this.watchers, ...this.homeWatchers]) w.dispose();
    this.watchers = [];
    this.homeWatchers = [];
    this.homeFiles = new Set();
    if (!this.enabled()) {
      this.services.log.info('protected files: watch is off (agentGuard.protectedFiles.watch / agentGuard.enable)');
      return;
    }
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      // within a workspace folder this shares VS Code's own recursive watcher (files.watcherExclude applies)
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*'));
      this.watchers.push(
        watcher,
        watcher.onDidChange((uri) => this.noted(uri, 'changed')),
        watcher.onDidCreate((uri) => this.noted(uri, 'created')),
        watcher.onDidDelete((uri) => this.noted(uri, 'deleted')),
      );
    }
    this.scheduleScan();
  }

  private watched(abs: string): { root: string } | undefined {
    const { guards } = this.services;
    const root = guards.rootOf(abs);
    if (this.homeFiles.has(abs)) return { root };
    return isWatchedProtectedFile(guards.forRoot(root).guard.policy, root, abs) ? { root } : undefined;
  }

  private noted(uri: vscode.Uri, kind: ChangeKind): void {
    if (uri.scheme !== 'file') return;
    const abs = uri.fsPath;
    const paths = this.watched(abs) ? [abs] : kind === 'deleted' ? (this.storeOrUndefined()?.pathsUnder(abs) ?? []) : [];
    if (paths.length === 0) return;
    const now = Date.now();
    for (const p of paths) this.batcher.note(p, kind, now);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.timer) clearTimeout(this.timer);
    const due = this.batcher.dueAt();
    if (due === undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush(this.batcher.take(Date.now()));
      this.scheduleFlush();
    }, Math.max(0, due - Date.now()));
  }

  private flush(changes: readonly PendingChange[]): void {
    if (changes.length === 0 || !this.enabled()) return;
    const store = this.storeOrUndefined();
    if (!store) return;
    const asks: ProtectedChange[] = [];
    for (const change of changes) {
      try {
        const ask = this.settle(store, change);
        if (ask) asks.push(ask);
      } catch (error) {
        this.services.log.error(`protected files: ${change.path}: ${String(error)}`);
      }
    }
    if (asks.length > 0) void this.ask(asks);
  }

  /** Decides what a settled change means; records it; returns it when the person should be asked. */
  private settle(store: SnapshotStore, change: PendingChange): ProtectedChange | undefined {
    const { log, guards, ledger } = this.services;
    const state = readFileState(change.path, store.limits.maxFileBytes);
    if (state.kind === 'not-a-file') return undefined;
    if (state.kind === 'too-large') {
      log.warn(`protected files: ${change.path} changed and is now ${state.size} bytes, too large to keep a copy of`);
      return undefined;
    }
    const current = state.kind === 'file' ? state.hash : ABSENT;
    const baseline = store.baseline(change.path);
    const latest = baseline === undefined ? undefined : (baseline.hash ?? ABSENT);
    const expected = this.expected.consume(change.path, current, Date.now());
    const action = classifyChange({ latest, current, expected, kind: change.kind });
    if (action === 'ignore') return undefined;
    if (action === 'baseline') {
      store.record(change.path, state, expected ? 'saved' : 'baseline');
      log.info(`protected files: snapshot of ${change.path} (${expected ? 'expected write' : 'first seen'})`);
      return undefined;
    }
    if (state.kind === 'file') store.record(change.path, state, 'observed');
    const root = guards.rootOf(change.path);
    const kind = describeKind({ latest, current });
    const op = kind === 'deleted' ? 'delete' : 'write';
    const verdict = guards.forRoot(root).guard.checkEdit(change.path, op, { root });
    ledger.record(fileDecisionRecord({ path: change.path, root, op, verdict, outcome: 'observed', time: new Date() }));
    log.warn(`protected files: ${change.path} was ${kind} (${verdict.reasons.map((r) => r.rule).join(', ') || 'protected'})`);
    return { path: change.path, root, kind, target: baseline?.hash ? baseline : undefined, rule: verdict.reasons[0]?.rule };
  }

  /** One notification per burst; Show Diff opens the diffs and asks again. */
  private async ask(changes: readonly ProtectedChange[], diffShown = false): Promise<void> {
    const single = changes.length === 1 ? changes[0] : undefined;
    const message = single ? describeChange(single) : `Agent Guard: ${changes.length} protected files were changed: ${changes.map(shortName).join(', ')}.`;
    const buttons = single ? [RESTORE, ...(diffShown ? [] : [SHOW_DIFF]), KEEP] : [RESTORE_ALL, ...(diffShown ? [] : [SHOW_DIFF]), KEEP_ALL];
    const choice = await vscode.window.showWarningMessage(message, ...buttons);
    if (choice === SHOW_DIFF) {
      for (const change of changes.slice(0, MAX_DIFFS)) await showDiff(change);
      return this.ask(changes, true);
    }
    if (choice === RESTORE || choice === RESTORE_ALL) {
      for (const change of changes) this.restore(change);
    } else if (choice === KEEP || choice === KEEP_ALL) {
      for (const change of changes) this.keep(change);
    } else {
      this.services.log.info(`protected files: notification dismissed; the copies stay available through "Agent Guard: Restore Protected File…"`);
    }
  }

  /** Restores one file (copying what it replaces first) and records the person's answer. */
  restore(change: Pick<ProtectedChange, 'path' | 'root' | 'target'>): boolean {
    const { log, ledger, guards } = this.services;
    const store = this.store();
    const result = restoreFile(store, change.path, change.target, this.expected);
    if (!result.ok) {
      log.error(`protected files: ${change.path} not restored: ${result.reason}`);
      void vscode.window.showErrorMessage(`Agent Guard did not restore ${shortName(change)}: ${result.reason}.`);
      return false;
    }
    const op = change.target?.hash ? 'write' : 'delete';
    ledger.record(fileDecisionRecord({ path: change.path, root: change.root, op, verdict: guards.forRoot(change.root).guard.checkEdit(change.path, op, { root: change.root }), outcome: 'restored', time: new Date() }));
    log.info(`protected files: restored ${change.path} to snapshot #${result.restored.id}${result.replaced ? `; the replaced content is snapshot #${result.replaced.id}` : ''}`);
    return true;
  }

  private keep(change: ProtectedChange): void {
    const { log, ledger, guards } = this.services;
    const kept = keepFile(this.store(), change.path);
    const op = change.kind === 'deleted' ? 'delete' : 'write';
    ledger.record(fileDecisionRecord({ path: change.path, root: change.root, op, verdict: guards.forRoot(change.root).guard.checkEdit(change.path, op, { root: change.root }), outcome: 'kept', time: new Date() }));
    log.info(`protected files: kept ${change.path}${typeof kept === 'string' ? ` (no copy: ${kept})` : ` as snapshot #${kept.id}`}`);
  }

  /** Before the editor writes, deletes, renames or overwrites a protected file: copy what is on disk. */
  private beforeEditorWrite(uri: vscode.Uri, reason: SnapshotReason, expectWrite: boolean): void {
    if (uri.scheme !== 'file' || !this.enabled()) return;
    const store = this.storeOrUndefined();
    if (!store) return;
    const abs = uri.fsPath;
    const paths = this.watched(abs) ? [abs] : reason === 'before-delete' || reason === 'before-rename' ? store.pathsUnder(abs) : [];
    for (const p of paths) {
      try {
        // a file that was never seen is recorded as it is (or as absent) first, so there is always a state to go back to
        const entry = store.capture(p, reason);
        if (expectWrite) this.expected.expect(p, ANY, Date.now(), EDITOR_SAVE_TTL_MS);
        this.services.log.info(`protected files: ${reason} copy of ${p}${typeof entry === 'string' ? ` not kept (${entry})` : ` (#${entry.id})`}`);
      } catch (error) {
        this.services.log.error(`protected files: could not copy ${p} (${reason}): ${String(error)}`);
      }
    }
  }

  private afterEditorSave(uri: vscode.Uri): void {
    if (uri.scheme !== 'file' || !this.enabled() || !this.watched(uri.fsPath)) return;
    try {
      this.storeOrUndefined()?.capture(uri.fsPath, 'saved');
    } catch (error) {
      this.services.log.error(`protected files: could not copy ${uri.fsPath} after saving: ${String(error)}`);
    }
  }

  private scheduleScan(): void {
    if (this.scanTimer) clearTimeout(this.scanTimer);
    if (!this.enabled()) return;
    const generation = ++this.scanGeneration;
    this.scanTimer = setTimeout(() => {
      this.scanTimer = undefined;
      this.watchHomeFiles();
      this.scan(generation).catch((error: unknown) => this.services.log.error(`protected files: first snapshots failed: ${String(error)}`));
    }, FIRST_SCAN_DELAY_MS);
  }

  /**
   * Watches the protected files outside the workspace whose folder exists (one non-recursive watcher per folder;
   * an agent installed later is picked up at the next restart of the watch, e.g. a window reload).
   */
  private watchHomeFiles(): void {
    const { guards, log } = this.services;
    for (const w of this.homeWatchers) w.dispose();
    this.homeWatchers = [];
    const policy = guards.forRoot(guards.roots()[0] ?? guards.home).guard.policy;
    const files = homeConfigFiles(policy, { home: guards.home, env: process.env, platform: process.platform }).filter((f) => fs.existsSync(path.dirname(f)));
    this.homeFiles = new Set(files);
    for (const file of files) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)));
      this.homeWatchers.push(
        watcher,
        watcher.onDidChange((uri) => this.noted(uri, 'changed')),
        watcher.onDidCreate((uri) => this.noted(uri, 'created')),
        watcher.onDidDelete((uri) => this.noted(uri, 'deleted')),
      );
    }
    if (files.length > 0) log.info(`protected files: watching ${files.length} file(s) outside the workspace: ${files.map((f) => tildePath(f, guards.home)).join(', ')}`);
  }

  /** Copies the protected files that exist now (bounded), so a later change can be undone. */
  private async scan(generation: number): Promise<void> {
    const { guards, log } = this.services;
    const store = this.storeOrUndefined();
    if (!store) return;
    let copied = 0;
    let seen = 0;
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      const root = folder.uri.fsPath;
      const policy = guards.forRoot(root).guard.policy;
      for (const glob of snapshotSearchGlobs(policy)) {
        if (generation !== this.scanGeneration) return;
        if (seen >= MAX_SCAN_FILES) continue;
        const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), SEARCH_EXCLUDE, MAX_SCAN_FILES - seen);
        for (const uri of found) {
          const abs = uri.fsPath;
          // a file with an unanswered change keeps its accepted state until the person answers
          if (!isWatchedProtectedFile(policy, root, abs) || store.latest(abs)?.reason === 'observed') continue;
          seen++;
          const before = store.latest(abs);
          const entry = store.capture(abs, 'baseline');
          if (typeof entry !== 'string' && entry !== before) copied++;
        }
      }
    }
    for (const abs of this.homeFiles) {
      if (generation !== this.scanGeneration) return;
      if (store.latest(abs)?.reason === 'observed' || !fs.existsSync(abs)) continue;
      const before = store.latest(abs);
      const entry = store.capture(abs, 'baseline');
      if (typeof entry !== 'string' && entry !== before) copied++;
    }
    log.info(`protected files: watching; ${copied} new snapshot(s) of protected files`);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.scanTimer) clearTimeout(this.scanTimer);
    this.scanGeneration++;
    for (const d of [...this.watchers, ...this.homeWatchers, ...this.disposables]) d.dispose();
  }
}

function shortName(change: Pick<ProtectedChange, 'path' | 'root'>): string {
  return relativeToRoot(change.root, change.path) ?? tildePath(change.path, os.homedir());
}

export function describeChange(change: ProtectedChange): string {
  const name = shortName(change);
  const rule = change.rule === undefined ? '' : ` (${change.rule})`;
  const undo = {
    created: 'Restore removes it (a copy is kept).',
    deleted: 'Restore puts the saved copy back.',
    changed: 'Restore puts the saved copy back (the current content is kept as a copy).',
  }[change.kind];
  return `Agent Guard: the protected file ${name}${rule} was ${change.kind}. ${undo}`;
}

async function showDiff(change: ProtectedChange): Promise<void> {
  const left = snapshotUri(change.target, change.path);
  const exists = fs.existsSync(change.path);
  const right = exists ? vscode.Uri.file(change.path) : snapshotUri(undefined, change.path);
  const name = path.basename(change.path);
  await vscode.commands.executeCommand('vscode.diff', left, right, `${name} (protected copy ↔ now)`, { preview: false });
}

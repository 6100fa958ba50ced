/**
 * The analysis of every open policy document, kept current as the person types (debounced), shared by the
 * diagnostics, the hover and the code lenses so a keystroke is analysed once. Analyses are computed on demand
 * and dropped when the document closes.
 */
import * as vscode from 'vscode';
import { analysePolicyText, type PolicyAnalysis } from './analysis';
import { defaultEnvironment, policyFileContext, policyInput, type PolicyFileContext } from './policyFiles';

export interface AnalysedPolicy {
  readonly context: PolicyFileContext;
  readonly analysis: PolicyAnalysis;
  readonly version: number;
}

/** How long typing must pause before the file is analysed again. */
export const TYPING_DEBOUNCE_MS = 250;

export class PolicyDocuments implements vscode.Disposable {
  private readonly analyses = new Map<string, AnalysedPolicy>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly emitter = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly closedEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.emitter, this.closedEmitter];
  /** A policy document was (re)analysed. */
  readonly onDidAnalyse = this.emitter.event;
  /** A policy document was closed, deleted or renamed away: forget what was shown for it. */
  readonly onDidForget = this.closedEmitter.event;

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.refresh(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.forget(uri))),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach(({ oldUri }) => this.forget(oldUri))),
      // trust changes what an untrusted workspace policy may do (its allow exceptions count once trusted)
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refreshAll()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.refreshAll()),
    );
  }

  /** Analyses the documents already open (call once, off the activation path). */
  refreshAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.refresh(doc);
  }

  contextOf(doc: vscode.TextDocument): PolicyFileContext | undefined {
    if (doc.uri.scheme !== 'file') return undefined;
    return policyFileContext(doc.uri.fsPath, defaultEnvironment(roots()));
  }

  /** The current analysis of `doc` (computed now if typing has moved past the last one); undefined for other files. */
  get(doc: vscode.TextDocument): AnalysedPolicy | undefined {
    const known = this.analyses.get(doc.uri.toString());
    if (known !== undefined && known.version === doc.version) return known;
    return this.analyse(doc);
  }

  private analyse(doc: vscode.TextDocument): AnalysedPolicy | undefined {
    const context = this.contextOf(doc);
    if (context === undefined) return undefined;
    const environment = defaultEnvironment(roots());
    const analysis = analysePolicyText(policyInput(doc.getText(), context, environment, vscode.workspace.isTrusted));
    const analysed: AnalysedPolicy = { context, analysis, version: doc.version };
    this.analyses.set(doc.uri.toString(), analysed);
    return analysed;
  }

  private refresh(doc: vscode.TextDocument): void {
    if (this.analyse(doc) !== undefined) this.emitter.fire(doc);
  }

  private schedule(doc: vscode.TextDocument): void {
    if (this.contextOf(doc) === undefined) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (!doc.isClosed) this.refresh(doc);
    }, TYPING_DEBOUNCE_MS));
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.analyses.delete(key);
    this.closedEmitter.fire(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.analyses.clear();
    for (const d of this.disposables) d.dispose();
  }
}

function roots(): string[] {
  return vscode.workspace.workspaceFolders?.filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath) ?? [];
}

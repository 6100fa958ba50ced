/**
 * The "Audit Log" tree view (activity-bar container `agentGuard`): the log's entries newest first, each with a
 * verdict icon, agent/tool/rule ids and a tooltip with every field, narrowed by the current filter. It shows what
 * is on disk — entries written by this window and by every other window or process sharing the log — and reads
 * the log only while the view is open: in full the first time, then only what was appended (auditFollower.ts).
 */
import * as vscode from 'vscode';
import type { AuditEntry } from './auditEntry';
import { describeFilter, isFiltering, matchesFilter, NO_FILTER, type AuditFilter } from './auditFilter';
import type { AuditFollower } from './auditFollower';
import type { AuditLog } from './auditLog';
import { entryDescription, entryIcon, entryLabel, entryTooltip } from './auditPresentation';

export const AUDIT_VIEW_ID = 'agentGuard.auditLog';
export const FILTERED_CONTEXT_KEY = 'agentGuard.auditFiltered';
/** Entries rendered at most; older ones are summarised in one last item (Export has them all). */
export const VIEW_LIMIT = 500;

interface MoreItem {
  readonly more: number;
}
type Node = AuditEntry | MoreItem;

export class AuditView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private entries: AuditEntry[] | undefined;
  private loading: Promise<AuditEntry[]> | undefined;
  private stale = false;
  private filterValue: AuditFilter = NO_FILTER;
  private readonly follower: AuditFollower;
  private readonly changed = new vscode.EventEmitter<undefined>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<Node>;

  constructor(
    private readonly log: AuditLog,
    private readonly retentionDays: () => number,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.follower = log.follow();
    this.view = vscode.window.createTreeView(AUDIT_VIEW_ID, { treeDataProvider: this });
    this.disposables.push(this.view);
  }

  get filter(): AuditFilter {
    return this.filterValue;
  }

  setFilter(filter: AuditFilter): void {
    this.filterValue = filter;
    const filtering = isFiltering(filter);
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT_KEY, filtering);
    this.view.description = filtering ? `Filtered: ${describeFilter(filter)}` : '';
    this.changed.fire(undefined);
  }

  /** The log changed on disk (this window appended, or another one did): re-read it if anyone is looking. */
  refresh(): void {
    if (this.entries === undefined && this.loading === undefined) return; // never shown yet: read on first show
    this.stale = true;
    this.changed.fire(undefined);
  }

  /** Every entry within retention, oldest first (what was appended is read when stale). */
  async allEntries(): Promise<AuditEntry[]> {
    if (this.entries !== undefined && !this.stale) return this.entries;
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
      if (this.stale) this.changed.fire(undefined); // the log changed while it was being read
    });
    return this.loading;
  }

  /** What the view shows: matching entries, newest first. */
  async visibleEntries(): Promise<AuditEntry[]> {
    return (await this.allEntries()).filter((entry) => matchesFilter(entry, this.filterValue)).reverse();
  }

  async getChildren(element?: Node): Promise<Node[]> {
    if (element !== undefined) return [];
    const all = await this.allEntries();
    const shown = all.filter((entry) => matchesFilter(entry, this.filterValue)).reverse();
    this.view.message =
      all.length > 0 && shown.length === 0 ? `No entry matches the filter (${describeFilter(this.filterValue)}).` : '';
    const nodes: Node[] = shown.slice(0, VIEW_LIMIT);
    if (shown.length > VIEW_LIMIT) nodes.push({ more: shown.length - VIEW_LIMIT });
    return nodes;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('more' in node) {
      const item = new vscode.TreeItem(`${node.more} older entries`, vscode.TreeItemCollapsibleState.None);
      item.description = 'Export Audit Log… has them all';
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      return item;
    }
    const item = new vscode.TreeItem(entryLabel(node), vscode.TreeItemCollapsibleState.None);
    const icon = entryIcon(node);
    item.iconPath = new vscode.ThemeIcon(icon.id, icon.color === undefined ? undefined : new vscode.ThemeColor(icon.color));
    item.description = entryDescription(node, (iso) => new Date(iso).toLocaleTimeString());
    const tooltip = new vscode.MarkdownString(entryTooltip(node, (iso) => new Date(iso).toLocaleString()));
    tooltip.isTrusted = false;
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: `${node.outcome}: ${entryLabel(node)}, ${node.agent}, ${node.rules.join(', ') || 'no rule'}` };
    item.contextValue = `auditEntry.${node.outcome}`;
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private async load(): Promise<AuditEntry[]> {
    this.stale = false;
    const result = await this.follower.refresh(this.retentionDays());
    if (result.skipped > 0) this.output.warn(`audit log: skipped ${result.skipped} unreadable line(s) in ${this.log.dir}`);
    for (const error of result.errors) this.output.error(`audit log: ${error}`);
    for (const file of result.reread) this.output.info(`audit log: ${file}, read again from its start`);
    this.entries = result.entries;
    return result.entries;
  }
}

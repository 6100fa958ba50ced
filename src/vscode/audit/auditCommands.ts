/**
 * The audit log's commands: **Show Audit Log** (focus the view), **Filter Audit Log…** (decisions, outcomes and
 * agents in one multi-select quick pick, then free text), **Clear Audit Log Filter**, and **Export Audit Log…**
 * (save dialog; `.jsonl` writes JSON Lines, `.csv` writes CSV).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { DECISIONS, type Decision } from '../../core/verdict';
import type { DecisionOutcome } from '../session/decisionRecord';
import { OUTCOMES } from './auditEntry';
import { exportAuditLog, formatForPath } from './auditExport';
import { isFiltering, NO_FILTER, type AuditFilter } from './auditFilter';
import { AUDIT_VIEW_ID, type AuditView } from './auditView';

export const SHOW_AUDIT_LOG = 'agentGuard.showAuditLog';
export const FILTER_AUDIT_LOG = 'agentGuard.filterAuditLog';
export const CLEAR_AUDIT_FILTER = 'agentGuard.clearAuditFilter';
export const EXPORT_AUDIT_LOG = 'agentGuard.exportAuditLog';

type FilterPick = vscode.QuickPickItem &
  ({ field: 'decisions'; value: Decision } | { field: 'outcomes'; value: DecisionOutcome } | { field: 'agents'; value: string });

export function registerAuditCommands(view: AuditView, output: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(SHOW_AUDIT_LOG, () => vscode.commands.executeCommand(`${AUDIT_VIEW_ID}.focus`)),
    vscode.commands.registerCommand(FILTER_AUDIT_LOG, () => pickFilter(view)),
    vscode.commands.registerCommand(CLEAR_AUDIT_FILTER, () => view.setFilter(NO_FILTER)),
    // An optional Uri skips the save dialog (for keybindings and tests); the format follows its extension.
    vscode.commands.registerCommand(EXPORT_AUDIT_LOG, (target?: unknown) => exportLog(view, output, target instanceof vscode.Uri ? target : undefined)),
  );
}

async function pickFilter(view: AuditView): Promise<void> {
  const current = view.filter;
  const agents = [...new Set((await view.allEntries()).map((entry) => entry.agent))].sort();
  const separator = (label: string): vscode.QuickPickItem => ({ label, kind: vscode.QuickPickItemKind.Separator });
  const items: Array<FilterPick | vscode.QuickPickItem> = [
    separator('Decision'),
    ...DECISIONS.map((value): FilterPick => ({ label: value, description: 'decision', field: 'decisions', value, picked: current.decisions.includes(value) })),
    separator('Outcome'),
    ...OUTCOMES.map((value): FilterPick => ({ label: value, description: 'outcome', field: 'outcomes', value, picked: current.outcomes.includes(value) })),
    separator('Agent'),
    ...agents.map((value): FilterPick => ({ label: value, description: 'agent', field: 'agents', value, picked: current.agents.includes(value) })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Agent Guard: Filter Audit Log',
    placeHolder: 'Show only entries with these decisions, outcomes and agents (none checked: all)',
    canPickMany: true,
    ignoreFocusOut: true,
  });
  if (picked === undefined) return;
  const chosen = picked.filter((item): item is FilterPick => 'field' in item);
  const text = await vscode.window.showInputBox({
    title: 'Agent Guard: Filter Audit Log',
    prompt: 'Text the command, path, rule id, agent or folder must contain (empty: any)',
    value: current.text,
    ignoreFocusOut: true,
  });
  if (text === undefined) return;
  const filter: AuditFilter = {
    decisions: chosen.flatMap((item) => (item.field === 'decisions' ? [item.value] : [])),
    outcomes: chosen.flatMap((item) => (item.field === 'outcomes' ? [item.value] : [])),
    agents: chosen.flatMap((item) => (item.field === 'agents' ? [item.value] : [])),
    text,
  };
  view.setFilter(filter);
  await vscode.commands.executeCommand(`${AUDIT_VIEW_ID}.focus`);
}

async function exportLog(view: AuditView, output: vscode.LogOutputChannel, target: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const filtered = isFiltering(view.filter);
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      title: filtered ? 'Export Audit Log (filtered entries)' : 'Export Audit Log',
      saveLabel: 'Export',
      defaultUri: vscode.Uri.file(path.join(os.homedir(), `agent-guard-audit-${new Date().toISOString().slice(0, 10)}.jsonl`)),
      filters: { 'JSON Lines': ['jsonl'], CSV: ['csv'] },
    }));
  if (uri === undefined) return undefined;
  // Oldest first, as the log itself; the view's filter applies, so what is exported is what is seen.
  const entries = (await view.visibleEntries()).reverse();
  const format = formatForPath(uri.path);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(exportAuditLog(entries, format)));
  output.info(`audit log: exported ${entries.length} entries as ${format} to ${uri.toString(true)}`);
  void vscode.window.showInformationMessage(
    `Agent Guard: exported ${entries.length} audit ${entries.length === 1 ? 'entry' : 'entries'}${filtered ? ' (filtered)' : ''} to ${path.basename(uri.path)}.`,
  );
  return uri;
}

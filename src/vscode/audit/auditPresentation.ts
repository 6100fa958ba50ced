/**
 * How one audit entry looks in the tree view: the command or path as the label, agent/tool/rule ids as the
 * description, a ThemeIcon chosen by what happened (outcome) coloured by the verdict (decision), and a Markdown
 * tooltip with every field. Pure (icon and colour are ids), so the choice is unit-tested without VS Code.
 */
import type { Decision } from '../../core/verdict';
import type { DecisionOutcome } from '../session/decisionRecord';
import { escapeMarkdown, oneLine } from '../status/markdownText';
import type { AuditEntry } from './auditEntry';

export interface EntryIcon {
  /** Codicon id for `new ThemeIcon(id, color)`. */
  readonly id: string;
  /** Theme colour id, `undefined` for the default foreground. */
  readonly color: string | undefined;
}

const OUTCOME_ICONS: Record<DecisionOutcome, string> = {
  denied: 'circle-slash',
  held: 'question',
  allowed: 'pass',
  observed: 'eye',
  restored: 'history',
  kept: 'check',
  explained: 'info',
};

export const DECISION_COLORS: Record<Decision, string | undefined> = {
  deny: 'errorForeground',
  confirm: 'editorWarning.foreground',
  allow: undefined,
};

export function entryIcon(entry: Pick<AuditEntry, 'outcome' | 'decision'>): EntryIcon {
  return { id: OUTCOME_ICONS[entry.outcome], color: DECISION_COLORS[entry.decision] };
}

export function entryLabel(entry: AuditEntry): string {
  return oneLine(entry.subject, 120) || `(${entry.tool})`;
}

/** `claude · Bash · iac.terraform-destroy · 14:02:11` (time formatted by the caller's locale). */
export function entryDescription(entry: AuditEntry, formatTime: (iso: string) => string): string {
  const rules = entry.rules.length === 0 ? 'no rule' : entry.rules.join(', ');
  return [entry.agent, entry.tool, rules, formatTime(entry.time)].join(' · ');
}

/** Every field, for the tooltip (trusted Markdown: the agent's text is escaped). */
export function entryTooltip(entry: AuditEntry, formatDateTime: (iso: string) => string): string {
  const rows: Array<[string, string | undefined]> = [
    ['Time', formatDateTime(entry.time)],
    ['Verdict', `${entry.decision} (risk ${entry.risk})`],
    ['Outcome', entry.outcome],
    ['Confirmed by', entry.confirmedBy],
    ['Rules', entry.rules.length === 0 ? 'none' : entry.rules.join(', ')],
    ['Agent', `${entry.agent} · ${entry.tool} (${entry.source})`],
    ['Folder', entry.cwd],
    ['Workspace', entry.root],
    ['Window', `extension host ${entry.pid}`],
  ];
  const subject = entry.subject.split('\n').map((line) => escapeMarkdown(line)).join('  \n');
  const table = rows
    .filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '')
    .map(([name, value]) => `**${name}:** ${escapeMarkdown(value)}`)
    .join('  \n');
  const explained = entry.outcome === 'explained' ? '\n\n_Explained on request: the guard judged it, nothing ran._' : '';
  return `${subject}${explained}\n\n---\n\n${table}${entry.truncated ? '\n\n_Some long text was shortened when it was written._' : ''}`;
}

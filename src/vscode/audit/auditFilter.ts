/**
 * What the audit view shows: entries matching every chosen decision, outcome and agent (any of the chosen values
 * within one kind) and containing the free text (case-insensitive, in the command or path, the rule ids, the
 * agent, the tool, the folder or who confirmed). Pure.
 */
import type { Decision } from '../../core/verdict';
import type { DecisionOutcome } from '../session/decisionRecord';
import type { AuditEntry } from './auditEntry';

export interface AuditFilter {
  readonly decisions: readonly Decision[];
  readonly outcomes: readonly DecisionOutcome[];
  readonly agents: readonly string[];
  readonly text: string;
}

export const NO_FILTER: AuditFilter = { decisions: [], outcomes: [], agents: [], text: '' };

export function isFiltering(filter: AuditFilter): boolean {
  return filter.decisions.length > 0 || filter.outcomes.length > 0 || filter.agents.length > 0 || filter.text.trim() !== '';
}

export function matchesFilter(entry: AuditEntry, filter: AuditFilter): boolean {
  if (filter.decisions.length > 0 && !filter.decisions.includes(entry.decision)) return false;
  if (filter.outcomes.length > 0 && !filter.outcomes.includes(entry.outcome)) return false;
  if (filter.agents.length > 0 && !filter.agents.includes(entry.agent)) return false;
  const needle = filter.text.trim().toLowerCase();
  if (needle === '') return true;
  const haystack = [entry.subject, ...entry.rules, entry.agent, entry.tool, entry.cwd ?? '', entry.root, entry.confirmedBy ?? ''];
  return haystack.some((field) => field.toLowerCase().includes(needle));
}

/** One line for the view's description: `deny, denied · claude · "terraform"`. */
export function describeFilter(filter: AuditFilter): string {
  const parts = [
    [...filter.decisions, ...filter.outcomes].join(', '),
    filter.agents.join(', '),
    filter.text.trim() === '' ? '' : `"${filter.text.trim()}"`,
  ];
  return parts.filter((part) => part !== '').join(' · ');
}

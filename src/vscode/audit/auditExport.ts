/**
 * Export formats of the audit log. JSON Lines is the lossless one (the log's own lines, oldest first); CSV is for
 * spreadsheets: RFC 4180 quoting, and a cell an agent could have written that starts like a formula (`=`, `+`,
 * `-`, `@`, tab, carriage return) is prefixed with `'` so a spreadsheet shows it instead of evaluating it. Pure.
 */
import { serializeAuditEntry, type AuditEntry } from './auditEntry';

export type ExportFormat = 'jsonl' | 'csv';

export const CSV_COLUMNS = ['time', 'source', 'agent', 'tool', 'subject', 'cwd', 'decision', 'risk', 'rules', 'outcome', 'confirmedBy', 'root', 'pid'] as const;

export function exportAuditLog(entries: readonly AuditEntry[], format: ExportFormat): string {
  return format === 'csv' ? toCsv(entries) : entries.map(serializeAuditEntry).join('');
}

/** The format a save-dialog path asks for (by extension), JSON Lines unless it ends in `.csv`. */
export function formatForPath(filePath: string): ExportFormat {
  return /\.csv$/i.test(filePath) ? 'csv' : 'jsonl';
}

export function toCsv(entries: readonly AuditEntry[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const entry of entries) {
    rows.push(CSV_COLUMNS.map((column) => csvCell(column === 'rules' ? entry.rules.join(' ') : entry[column])).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}

export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

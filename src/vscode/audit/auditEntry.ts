/**
 * One line of the audit log: a {@link DecisionRecord} plus where it was written from (the workspace root and the
 * extension host's process id), serialised as one JSON object on one line. Pure: no I/O, no `vscode`, so the
 * writer, the reader, the view and the unit tests share exactly one definition of a valid line.
 */
import { DECISIONS, RISKS } from '../../core/verdict';
import type { DecisionOutcome, DecisionRecord, DecisionSource } from '../session/decisionRecord';

export interface AuditEntry extends DecisionRecord {
  /** Workspace root the action belongs to (the record's own root, else the writing window's first root). */
  readonly root: string;
  /** Process id of the extension host that wrote the line: tells windows apart in a shared log. */
  readonly pid: number;
  /** Set when a field was shortened to keep the line within {@link MAX_LINE_BYTES}. */
  readonly truncated?: true;
}

/**
 * Upper bound of one serialised line, newline included. Each line is written with a single `write(2)` on a file
 * opened with `O_APPEND`; Linux keeps such a write to a local regular file whole (the inode stays locked for the
 * write), but POSIX only promises atomicity for pipe writes of at most PIPE_BUF bytes (4096 on Linux) and a
 * very large write may come back short. Staying within one PIPE_BUF-sized page keeps every line far inside what
 * every local filesystem writes in one piece, and a short write is detected by the writer, not hidden.
 */
export const MAX_LINE_BYTES = 4096;

const SOURCES: readonly DecisionSource[] = ['hook', 'terminal', 'file', 'explain'];
export const OUTCOMES: readonly DecisionOutcome[] = ['allowed', 'denied', 'held', 'observed', 'restored', 'kept', 'explained'];

export function toAuditEntry(record: DecisionRecord, windowRoot: string, pid: number): AuditEntry {
  return { ...record, root: record.root ?? windowRoot, pid };
}

/** The entry as one line ending in `\n`, at most {@link MAX_LINE_BYTES} bytes (long texts are shortened). */
export function serializeAuditEntry(entry: AuditEntry): string {
  const line = JSON.stringify(ordered(entry)) + '\n';
  if (byteLength(line) <= MAX_LINE_BYTES) return line;
  // Shorten the free texts, longest first, until the line fits; ids and the verdict are never cut.
  let shortened: AuditEntry = { ...entry, truncated: true };
  for (let budget = 1024; budget >= 16; budget = Math.floor(budget / 2)) {
    shortened = {
      ...shortened,
      subject: clip(entry.subject, budget * 2),
      ...(entry.cwd === undefined ? {} : { cwd: clip(entry.cwd, budget) }),
      ...(entry.confirmedBy === undefined ? {} : { confirmedBy: clip(entry.confirmedBy, budget) }),
      root: clip(entry.root, budget),
      rules: clipRules(entry.rules, budget),
    };
    const candidate = JSON.stringify(ordered(shortened)) + '\n';
    if (byteLength(candidate) <= MAX_LINE_BYTES) return candidate;
  }
  return JSON.stringify(ordered({ ...shortened, agent: clip(entry.agent, 64), tool: clip(entry.tool, 64) })) + '\n';
}

/** A line back into an entry; `undefined` for anything that is not a complete, well-formed entry (a torn write, garbage). */
export function parseAuditLine(line: string): AuditEntry | undefined {
  const text = line.trim();
  if (text === '' || !text.startsWith('{') || !text.endsWith('}')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return isAuditEntry(value) ? value : undefined;
}

export interface ParsedAuditText {
  readonly entries: AuditEntry[];
  /** Lines that were not valid entries (torn or garbage), skipped rather than failing the whole log. */
  readonly skipped: number;
}

export function parseAuditText(text: string): ParsedAuditText {
  const entries: AuditEntry[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const entry = parseAuditLine(line);
    if (entry) entries.push(entry);
    else skipped++;
  }
  return { entries, skipped };
}

function isAuditEntry(value: unknown): value is AuditEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.time === 'string' && !Number.isNaN(Date.parse(v.time)) &&
    SOURCES.includes(v.source as DecisionSource) &&
    typeof v.agent === 'string' && typeof v.tool === 'string' && typeof v.subject === 'string' &&
    DECISIONS.includes(v.decision as never) && RISKS.includes(v.risk as never) &&
    Array.isArray(v.rules) && v.rules.every((rule) => typeof rule === 'string') &&
    OUTCOMES.includes(v.outcome as DecisionOutcome) &&
    typeof v.root === 'string' && typeof v.pid === 'number' &&
    optionalString(v.cwd) && optionalString(v.confirmedBy) &&
    (v.truncated === undefined || v.truncated === true)
  );
}

function optionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

/** A stable key order, so lines read the same whoever wrote them. */
function ordered(entry: AuditEntry): AuditEntry {
  const { time, source, agent, tool, subject, cwd, decision, risk, rules, outcome, confirmedBy, root, pid, truncated } = entry;
  return {
    time, source, agent, tool, subject,
    ...(cwd === undefined ? {} : { cwd }),
    decision, risk, rules, outcome,
    ...(confirmedBy === undefined ? {} : { confirmedBy }),
    root, pid,
    ...(truncated === undefined ? {} : { truncated }),
  };
}

function clip(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, maxChars)}… [${text.length - maxChars} more characters]`;
}

function clipRules(rules: readonly string[], budget: number): string[] {
  const kept = rules.slice(0, Math.max(1, Math.floor(budget / 32))).map((rule) => clip(rule, 128));
  return kept.length < rules.length ? [...kept, `… ${rules.length - kept.length} more`] : kept;
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

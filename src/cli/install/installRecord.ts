/**
 * What the person installed: one entry per agent and config file, written by `install`, marked removed by
 * `uninstall`. Without it a deleted hook file looks exactly like an agent that was never set up, so `doctor` and
 * the extension could not tell "unprotected" from "not installed". It also keeps the options the hook was
 * installed with (command prefix, auto-approve, trusted tools, confirmation wait), so a check compares the config
 * with what `install` would write for the same person, and a repair writes that again.
 *
 * Lives with the user policy (`$XDG_CONFIG_HOME/agent-guard/`, a protected path), written atomically.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { isAgentId, type AgentId } from '../hooks/types';
import type { Scope } from './types';

export const RECORD_FILE_NAME = 'installed-hooks.json';

export interface InstallRecordEntry {
  readonly agent: AgentId;
  readonly scope: Scope;
  /** Absolute path of the config file written. */
  readonly file: string;
  /** The workspace folder, for workspace scope. */
  readonly workspace?: string;
  /** The command prefix that starts the CLI, as written into the hook command line. */
  readonly prefix: string;
  readonly autoApprove: boolean;
  readonly trustedTools: readonly string[];
  readonly confirmWaitSeconds: number;
  readonly installedAt: string;
  /** Set by `uninstall`: the person removed it on purpose, so its absence is not a problem. */
  readonly removedAt?: string;
}

export interface InstallRecord {
  readonly version: 1;
  readonly entries: readonly InstallRecordEntry[];
}

export function recordPath(env: Readonly<Record<string, string | undefined>>, home: string): string {
  const xdg = env['XDG_CONFIG_HOME'];
  const base = xdg !== undefined && isAbsolute(xdg) ? xdg : join(home, '.config');
  return join(base, 'agent-guard', RECORD_FILE_NAME);
}

function isEntry(v: unknown): v is InstallRecordEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    typeof e['agent'] === 'string' && isAgentId(e['agent']) && (e['scope'] === 'user' || e['scope'] === 'workspace') &&
    typeof e['file'] === 'string' && typeof e['prefix'] === 'string' && typeof e['autoApprove'] === 'boolean' &&
    Array.isArray(e['trustedTools']) && typeof e['confirmWaitSeconds'] === 'number' && typeof e['installedAt'] === 'string'
  );
}

/** The record, empty when there is none; entries that do not parse are skipped. */
export function readRecord(file: string): InstallRecord {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { version: 1, entries: [] };
  }
  try {
    const v = JSON.parse(text) as { entries?: unknown };
    return { version: 1, entries: Array.isArray(v.entries) ? v.entries.filter(isEntry) : [] };
  } catch {
    return { version: 1, entries: [] };
  }
}

function sameTarget(a: { agent: AgentId; file: string }, b: { agent: AgentId; file: string }): boolean {
  return a.agent === b.agent && a.file === b.file;
}

/** The entry for an agent's config file that is still installed, if any. */
export function activeEntry(record: InstallRecord, agent: AgentId, file: string): InstallRecordEntry | undefined {
  return record.entries.find((e) => sameTarget(e, { agent, file }) && e.removedAt === undefined);
}

/** Entries that replace older ones for the same agent and file (install) or mark them removed (uninstall). */
export function updateRecord(file: string, installed: readonly InstallRecordEntry[], removed: ReadonlyArray<{ agent: AgentId; file: string; scope: Scope }>, now: Date = new Date()): void {
  if (installed.length === 0 && removed.length === 0) return;
  const current = readRecord(file);
  const at = now.toISOString();
  let entries = current.entries.filter((e) => !installed.some((n) => sameTarget(n, e)));
  entries = entries.map((e) => (e.removedAt === undefined && removed.some((r) => sameTarget(r, e)) ? { ...e, removedAt: at } : e));
  // an uninstall of a hook installed without a record (an editor remembers it) leaves a tombstone
  for (const r of removed) {
    if (!entries.some((e) => sameTarget(e, r))) entries.push({ agent: r.agent, scope: r.scope, file: r.file, prefix: '', autoApprove: false, trustedTools: [], confirmWaitSeconds: 0, installedAt: at, removedAt: at });
  }
  entries.push(...installed);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ version: 1, entries }, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
}

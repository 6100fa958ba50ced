/**
 * Every file a patch touches, with what it does to it. Two formats: the `*** Begin Patch` format of Codex,
 * VS Code and Copilot (`*** Add File:`, `*** Update File:` + optional `*** Move to:`, `*** Delete File:`), and
 * unified diffs (`--- a/x` / `+++ b/y`, `/dev/null`, `rename from` / `rename to`).
 */
import type { EditOp } from '../../core/policy/types';

export interface PatchTarget {
  readonly path: string;
  readonly op: EditOp;
  /** For writes: the lines the patch adds to this file (without their `+`), joined — what the file will say. */
  readonly added?: string;
}

/** Collects each written file's added lines, in document order; a file may appear in several sections. */
function withAdded(targets: PatchTarget[], added: ReadonlyMap<number, string[]>): PatchTarget[] {
  return targets.map((t, i) => {
    const lines = added.get(i);
    return lines && lines.length > 0 && t.op === 'write' ? { ...t, added: lines.join('\n') } : t;
  });
}

const BEGIN_PATCH = /^\s*\*\*\*\s*Begin Patch\b/m;
const HEADER = /^\s*\*\*\*\s*(Add File|Update File|Delete File|Move to):\s*(.+?)\s*$/;

export function looksLikePatch(text: string): boolean {
  return BEGIN_PATCH.test(text) || /^(---|\+\+\+) \S/m.test(text) || /^diff --git /m.test(text);
}

function stripDiffPrefix(p: string): string {
  const unquoted = p.startsWith('"') && p.endsWith('"') && p.length >= 2 ? p.slice(1, -1) : p;
  const noTab = unquoted.split('\t')[0] ?? unquoted;
  return /^[ab]\//.test(noTab) ? noTab.slice(2) : noTab;
}

function parseBeginPatch(lines: readonly string[]): PatchTarget[] {
  const out: PatchTarget[] = [];
  const added = new Map<number, string[]>();
  let lastUpdate: number | undefined;
  let current: number | undefined;
  for (const line of lines) {
    const m = HEADER.exec(line);
    if (!m || !m[2]) {
      if (current !== undefined && line.startsWith('+')) added.set(current, [...(added.get(current) ?? []), line.slice(1)]);
      else if (/^\s*\*\*\*\s*End Patch/.test(line)) current = undefined;
      continue;
    }
    const kind = m[1];
    const p = m[2];
    if (kind === 'Add File') { current = out.length; out.push({ path: p, op: 'write' }); lastUpdate = undefined; }
    else if (kind === 'Delete File') { current = undefined; out.push({ path: p, op: 'delete' }); lastUpdate = undefined; }
    else if (kind === 'Update File') { lastUpdate = out.length; current = out.length; out.push({ path: p, op: 'write' }); }
    else if (kind === 'Move to') {
      // the updated file disappears under its old name and appears under the new one
      if (lastUpdate !== undefined) {
        const source = out[lastUpdate];
        if (source) out[lastUpdate] = { path: source.path, op: 'rename' };
      }
      // the hunks that follow belong to the file under its new name
      if (lastUpdate !== undefined && added.has(lastUpdate)) {
        added.set(out.length, added.get(lastUpdate) ?? []);
        added.delete(lastUpdate);
      }
      current = out.length;
      out.push({ path: p, op: 'write' });
      lastUpdate = undefined;
    }
  }
  return withAdded(out, added);
}

function parseUnifiedDiff(lines: readonly string[]): PatchTarget[] {
  const out: PatchTarget[] = [];
  const added = new Map<number, string[]>();
  let from: string | undefined;
  let renameFrom: string | undefined;
  let current: number | undefined;
  for (const line of lines) {
    if (line.startsWith('diff --git ')) current = undefined;
    else if (current !== undefined && line.startsWith('+') && !line.startsWith('+++ ')) added.set(current, [...(added.get(current) ?? []), line.slice(1)]);
    if (line.startsWith('rename from ')) renameFrom = line.slice('rename from '.length).trim();
    else if (line.startsWith('rename to ') && renameFrom !== undefined) {
      out.push({ path: renameFrom, op: 'rename' }, { path: line.slice('rename to '.length).trim(), op: 'write' });
      current = out.length - 1;
      renameFrom = undefined;
    } else if (line.startsWith('--- ')) from = stripDiffPrefix(line.slice(4).trim());
    else if (line.startsWith('+++ ') && from !== undefined) {
      const to = stripDiffPrefix(line.slice(4).trim());
      if (to === '/dev/null') out.push({ path: from, op: 'delete' });
      else if (from === '/dev/null' || from === to) out.push({ path: to, op: 'write' });
      else out.push({ path: from, op: 'rename' }, { path: to, op: 'write' });
      current = to === '/dev/null' ? undefined : out.length - 1;
      from = undefined;
    }
  }
  return withAdded(out, added);
}

/** The targets of a patch in document order, duplicates (same path and op) merged (their added lines too). */
export function patchTargets(text: string): PatchTarget[] {
  const lines = text.split(/\r?\n/);
  const raw = BEGIN_PATCH.test(text) ? parseBeginPatch(lines) : parseUnifiedDiff(lines);
  const merged = new Map<string, PatchTarget>();
  for (const t of raw) {
    const key = t.op + '\u0000' + t.path;
    const prior = merged.get(key);
    if (!prior) merged.set(key, t);
    else if (t.added !== undefined) merged.set(key, { ...prior, added: prior.added !== undefined ? `${prior.added}\n${t.added}` : t.added });
  }
  return [...merged.values()];
}

/**
 * Every file a patch touches, with what it does to it. Two formats: the `*** Begin Patch` format of Codex,
 * VS Code and Copilot (`*** Add File:`, `*** Update File:` + optional `*** Move to:`, `*** Delete File:`), and
 * unified diffs (`--- a/x` / `+++ b/y`, `/dev/null`, `rename from` / `rename to`).
 */
import type { EditOp } from '../../core/policy/types';

export interface PatchTarget {
  readonly path: string;
  readonly op: EditOp;
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
  let lastUpdate: number | undefined;
  for (const line of lines) {
    const m = HEADER.exec(line);
    if (!m || !m[2]) continue;
    const kind = m[1];
    const p = m[2];
    if (kind === 'Add File') { out.push({ path: p, op: 'write' }); lastUpdate = undefined; }
    else if (kind === 'Delete File') { out.push({ path: p, op: 'delete' }); lastUpdate = undefined; }
    else if (kind === 'Update File') { lastUpdate = out.length; out.push({ path: p, op: 'write' }); }
    else if (kind === 'Move to') {
      // the updated file disappears under its old name and appears under the new one
      if (lastUpdate !== undefined) {
        const source = out[lastUpdate];
        if (source) out[lastUpdate] = { path: source.path, op: 'rename' };
      }
      out.push({ path: p, op: 'write' });
      lastUpdate = undefined;
    }
  }
  return out;
}

function parseUnifiedDiff(lines: readonly string[]): PatchTarget[] {
  const out: PatchTarget[] = [];
  let from: string | undefined;
  let renameFrom: string | undefined;
  for (const line of lines) {
    if (line.startsWith('rename from ')) renameFrom = line.slice('rename from '.length).trim();
    else if (line.startsWith('rename to ') && renameFrom !== undefined) {
      out.push({ path: renameFrom, op: 'rename' }, { path: line.slice('rename to '.length).trim(), op: 'write' });
      renameFrom = undefined;
    } else if (line.startsWith('--- ')) from = stripDiffPrefix(line.slice(4).trim());
    else if (line.startsWith('+++ ') && from !== undefined) {
      const to = stripDiffPrefix(line.slice(4).trim());
      if (to === '/dev/null') out.push({ path: from, op: 'delete' });
      else if (from === '/dev/null' || from === to) out.push({ path: to, op: 'write' });
      else out.push({ path: from, op: 'rename' }, { path: to, op: 'write' });
      from = undefined;
    }
  }
  return out;
}

/** The targets of a patch in document order, duplicates (same path and op) removed. */
export function patchTargets(text: string): PatchTarget[] {
  const lines = text.split(/\r?\n/);
  const raw = BEGIN_PATCH.test(text) ? parseBeginPatch(lines) : parseUnifiedDiff(lines);
  const seen = new Set<string>();
  return raw.filter((t) => {
    const key = t.op + '\u0000' + t.path;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

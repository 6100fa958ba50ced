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

/** Appends in place: copying the list for every line made a patch of 200 000 lines take minutes. */
function addLine(added: Map<number, string[]>, target: number, line: string): void {
  const lines = added.get(target);
  if (lines) lines.push(line);
  else added.set(target, [line]);
}

/** Collects each written file's added lines, in document order; a file may appear in several sections. */
function withAdded(targets: PatchTarget[], added: ReadonlyMap<number, string[]>): PatchTarget[] {
  return targets.map((t, i) => {
    const lines = added.get(i);
    return lines && lines.length > 0 && t.op === 'write' ? { ...t, added: lines.join('\n') } : t;
  });
}

const BEGIN_PATCH = /^\s*\*\*\*\s*Begin Patch\b/m;
const HEADER = /^\s*\*\*\*\s*(Add File|Update File|Delete File|Move to):\s*(\S.*?)\s*$/;

export function looksLikePatch(text: string): boolean {
  return BEGIN_PATCH.test(text) || /^(---|\+\+\+) \S/m.test(text) || /^diff --git /m.test(text);
}

function stripDiffPrefix(p: string): string {
  const unquoted = p.startsWith('"') && p.endsWith('"') && p.length >= 2 ? p.slice(1, -1) : p;
  const noTab = unquoted.split('\t')[0] ?? unquoted;
  return /^[ab]\//.test(noTab) ? noTab.slice(2) : noTab;
}

/** `***` lines of the format that name no file. */
const MARKER = /^\s*\*\*\*\s*(Begin Patch|End Patch|End of File)\s*$/;

function parseBeginPatch(lines: readonly string[]): PatchTarget[] | 'unreadable' {
  const out: PatchTarget[] = [];
  const added = new Map<number, string[]>();
  let lastUpdate: number | undefined;
  let current: number | undefined;
  let inPatch = false;
  for (const line of lines) {
    if (/^\s*\*\*\*\s*Begin Patch/.test(line)) inPatch = true;
    const m = HEADER.exec(line);
    if (!m || !m[2]) {
      // a header this parser does not know (`*** Update  File:`, `*** add file:`, an empty path) may name a file
      // a more lenient applier writes: the patch is unreadable rather than judged without it
      if (inPatch && /^\s*\*\*\*/.test(line) && !MARKER.test(line)) return 'unreadable';
      if (current !== undefined && line.startsWith('+')) addLine(added, current, line.slice(1));
      else if (/^\s*\*\*\*\s*End Patch/.test(line)) {
        current = undefined;
        inPatch = false;
      }
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

/**
 * The new path of a `diff --git a/X b/Y` header: git writes it even when no `---`/`+++` lines follow (an empty new
 * file, a mode change, a copy). Quoted paths, and unquoted ones with spaces (the two halves are equal unless renamed).
 */
function gitHeaderPaths(rest: string): { readonly from: string; readonly to: string } | undefined {
  const quoted = /^"((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)"$/.exec(rest);
  if (quoted) return { from: stripDiffPrefix(quoted[1] ?? ''), to: stripDiffPrefix(quoted[2] ?? '') };
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest.slice(2, half) === rest.slice(half + 3)) return { from: stripDiffPrefix(rest.slice(0, half)), to: stripDiffPrefix(rest.slice(half + 1)) };
  const split = rest.lastIndexOf(' b/');
  return split > 0 ? { from: stripDiffPrefix(rest.slice(0, split)), to: stripDiffPrefix(rest.slice(split + 1)) } : undefined;
}

function parseUnifiedDiff(lines: readonly string[]): PatchTarget[] {
  const out: PatchTarget[] = [];
  const added = new Map<number, string[]>();
  let from: string | undefined;
  let renameFrom: string | undefined;
  let current: number | undefined;
  // a `diff --git` section that names its file only in its header (an empty new file, a deleted empty file, a mode
  // change) still touches it: added when the section ends without a ---/+++ or rename line of its own
  let section: { readonly to: string; readonly from: string; readonly start: number; deleted: boolean } | undefined;
  const endSection = (): void => {
    if (section !== undefined && out.length === section.start) out.push(section.deleted ? { path: section.from, op: 'delete' } : { path: section.to, op: 'write' });
    section = undefined;
  };
  for (const line of lines) {
    if (line.startsWith('diff --git ')) {
      endSection();
      current = undefined;
      const header = gitHeaderPaths(line.slice('diff --git '.length).trim());
      if (header) section = { ...header, start: out.length, deleted: false };
    } else if (current !== undefined && line.startsWith('+') && !line.startsWith('+++ ')) addLine(added, current, line.slice(1));
    if (line.startsWith('copy to ')) out.push({ path: line.slice('copy to '.length).trim(), op: 'write' });
    if (line.startsWith('deleted file mode') && section !== undefined) section.deleted = true;
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
  endSection();
  return withAdded(out, added);
}

/**
 * The targets of a patch in document order, duplicates (same path and op) merged (their added lines too);
 * 'unreadable' when the patch has a header that may name a file but cannot be read.
 */
export function patchTargets(text: string): PatchTarget[] | 'unreadable' {
  const lines = text.split(/\r?\n/);
  const raw = BEGIN_PATCH.test(text) ? parseBeginPatch(lines) : parseUnifiedDiff(lines);
  if (raw === 'unreadable') return raw;
  const merged = new Map<string, PatchTarget>();
  for (const t of raw) {
    const key = t.op + '\u0000' + t.path;
    const prior = merged.get(key);
    if (!prior) merged.set(key, t);
    else if (t.added !== undefined) merged.set(key, { ...prior, added: prior.added !== undefined ? `${prior.added}\n${t.added}` : t.added });
  }
  return [...merged.values()];
}

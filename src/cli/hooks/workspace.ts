/**
 * Where a tool call runs and which workspace root it belongs to. Agents say this differently (Claude's cwd and
 * CLAUDE_PROJECT_DIR, Cursor's and Cline's workspace roots, VS Code's cwd only when configured), so this picks
 * the most specific trustworthy answer and falls back to the nearest folder that looks like a project.
 */
import { existsSync } from 'node:fs';
import { homeDirectory } from '../homeDirectory';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Location {
  readonly cwd: string;
  readonly root: string;
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function absolute(p: string | undefined): string | undefined {
  if (!p) return undefined;
  const plain = p.startsWith('file://') ? safeFileUrl(p) : p;
  return plain && isAbsolute(plain) ? resolve(plain) : undefined;
}

function safeFileUrl(u: string): string | undefined {
  try {
    return fileURLToPath(u);
  } catch {
    return undefined;
  }
}

/** Nearest ancestor (below home and `/`) that holds `.git` or `.vscode`; undefined when none. */
function projectAncestor(start: string, home: string): string | undefined {
  let dir = start;
  for (let i = 0; i < 64; i++) {
    if (dir === home || dirname(dir) === dir) return undefined;
    if (existsSync(join(dir, '.git')) || existsSync(join(dir, '.vscode'))) return dir;
    dir = dirname(dir);
  }
  return undefined;
}

export function resolveLocation(
  payloadCwd: string | undefined,
  roots: readonly string[],
  envRoot: string | undefined,
  processCwd: string = process.cwd(),
  home: string = homeDirectory(),
): Location {
  const rootList = roots.map(absolute).filter((r): r is string => r !== undefined);
  const projectDir = absolute(envRoot);
  const givenCwd = absolute(payloadCwd) ?? (payloadCwd && (projectDir ?? rootList[0]) ? resolve(projectDir ?? rootList[0] ?? processCwd, payloadCwd) : undefined);
  const cwd = givenCwd ?? projectDir ?? rootList[0] ?? processCwd;
  const containing = rootList.filter((r) => isInside(cwd, r)).sort((a, b) => b.length - a.length)[0];
  const root = (projectDir && isInside(cwd, projectDir) ? projectDir : undefined) ?? containing ?? projectDir ?? rootList[0] ?? projectAncestor(cwd, home) ?? cwd;
  return { cwd, root };
}

/** An absolute path for what the agent named: file URLs, `~/`, and paths relative to the call's cwd. */
export function absoluteTarget(p: string, cwd: string, home: string = homeDirectory()): string {
  if (p.startsWith('file://')) return safeFileUrl(p) ?? resolve(cwd, p);
  if (p === '~') return home;
  if (p.startsWith('~/')) return join(home, p.slice(2));
  return resolve(cwd, p);
}

/** Like absoluteTarget, but without normalising `..` and `.` (realTarget takes them after the links before them). */
export function joinedTarget(p: string, cwd: string, home: string = homeDirectory()): string {
  if (p.startsWith('file://')) return safeFileUrl(p) ?? join(cwd, p);
  if (p === '~') return home;
  if (p.startsWith('~/')) return `${home}/${p.slice(2)}`;
  return isAbsolute(p) ? p : `${cwd}/${p}`;
}

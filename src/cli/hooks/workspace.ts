/**
 * Where a tool call runs and which workspace root it belongs to. Agents say this differently (Claude's cwd and
 * CLAUDE_PROJECT_DIR, Cursor's and Cline's workspace roots, VS Code's cwd only when configured), so this picks
 * the most specific trustworthy answer and falls back to the nearest folder that looks like a project.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Location {
  readonly cwd: string;
  readonly root: string;
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function absolute(p: string | undefined): string | undefined {
  if (!p) return undefined;
  const plain = p.startsWith('file://') ? safeFileUrl(p) : p;
  return plain && path.isAbsolute(plain) ? path.resolve(plain) : undefined;
}

function safeFileUrl(u: string): string | undefined {
  try {
    return fileURLToPath(u);
  } catch {
    return undefined;
  }
}

/** Nearest ancestor (below home and `/`) that holds `.git` or `.vscode`; undefined when none. */
function projectAncestor(start: string): string | undefined {
  const home = os.homedir();
  let dir = start;
  for (let i = 0; i < 64; i++) {
    if (dir === home || path.dirname(dir) === dir) return undefined;
    if (fs.existsSync(path.join(dir, '.git')) || fs.existsSync(path.join(dir, '.vscode'))) return dir;
    dir = path.dirname(dir);
  }
  return undefined;
}

export function resolveLocation(payloadCwd: string | undefined, roots: readonly string[], envRoot: string | undefined, processCwd: string = process.cwd()): Location {
  const rootList = roots.map(absolute).filter((r): r is string => r !== undefined);
  const projectDir = absolute(envRoot);
  const givenCwd = absolute(payloadCwd) ?? (payloadCwd && (projectDir ?? rootList[0]) ? path.resolve(projectDir ?? rootList[0] ?? processCwd, payloadCwd) : undefined);
  const cwd = givenCwd ?? projectDir ?? rootList[0] ?? processCwd;
  const containing = rootList.filter((r) => isInside(cwd, r)).sort((a, b) => b.length - a.length)[0];
  const root = (projectDir && isInside(cwd, projectDir) ? projectDir : undefined) ?? containing ?? projectDir ?? rootList[0] ?? projectAncestor(cwd) ?? cwd;
  return { cwd, root };
}

/** An absolute path for what the agent named: file URLs, `~/`, and paths relative to the call's cwd. */
export function absoluteTarget(p: string, cwd: string, home: string = os.homedir()): string {
  if (p.startsWith('file://')) return safeFileUrl(p) ?? path.resolve(cwd, p);
  if (p === '~') return home;
  if (p.startsWith('~/')) return path.join(home, p.slice(2));
  return path.resolve(cwd, p);
}

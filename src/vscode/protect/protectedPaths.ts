/**
 * Which files the protected-file watch looks after: exactly the workspace guard's protected paths (the built-in
 * defaults, the agents' own config files and the team's `protectedPaths`), minus places that change all the time
 * on their own (git internals, the guard's runtime files, installed packages). Watching those would snapshot and
 * notify on every `git commit` or `npm install`; the hooks still guard them, this only decides what is snapshotted.
 *
 * No `vscode` here, so the choice is unit-tested against real compiled policies.
 */
import * as path from 'node:path';
import type { Policy, ProtectedPath } from '../../core/policy/types';

/** Path segments under which nothing is watched: they churn by themselves. */
const VOLATILE_SEGMENTS = new Set(['.git', 'node_modules']);

/** The guard's own runtime places (bridge files, audit log): written by the guard itself all the time. */
const VOLATILE_RUNTIME = [
  ['.cache', 'agent-guard'],
  ['.local', 'state', 'agent-guard'],
  ['.local', 'share', 'agent-guard'],
  ['Library', 'Caches', 'agent-guard'],
] as const;

function segmentsOf(p: string): string[] {
  return p.split(/[\\/]+/).filter((s) => s !== '');
}

function containsRun(segments: readonly string[], run: readonly string[]): boolean {
  for (let i = 0; i + run.length <= segments.length; i++) {
    if (run.every((s, j) => segments[i + j] === s)) return true;
  }
  return false;
}

/** True for paths (or globs) in places that change on their own and are therefore not watched. */
export function isVolatilePath(p: string): boolean {
  const segments = segmentsOf(p);
  if (segments.some((s) => VOLATILE_SEGMENTS.has(s))) return true;
  if (p.startsWith('/run/user/')) return true;
  return VOLATILE_RUNTIME.some((run) => containsRun(segments, run));
}

/** `abs` relative to `root` with `/` separators, or undefined when outside it. */
export function relativeToRoot(root: string, abs: string): string | undefined {
  const rel = path.relative(root, abs);
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/** The policy entry protecting `abs` against being written or deleted, or undefined. */
export function protectionOf(policy: Policy, root: string, abs: string): ProtectedPath | undefined {
  const rel = relativeToRoot(root, abs);
  return policy.protectedPaths.find((p) => (p.ops.includes('write') || p.ops.includes('delete')) && p.matches(rel, abs));
}

/** Whether the watch snapshots `abs` and tells the person when it changes. */
export function isWatchedProtectedFile(policy: Policy, root: string, abs: string): boolean {
  const rel = relativeToRoot(root, abs);
  if (rel === undefined || rel === '') return false;
  if (isVolatilePath(rel)) return false;
  return protectionOf(policy, root, abs) !== undefined;
}

/**
 * Workspace-relative globs to find the protected files that exist now (for the first snapshots), without walking
 * the whole tree: each protected glob that lives in the workspace, plus `glob/**` because a protected directory
 * covers what is inside it. Globs for the home directory or absolute places are skipped (not in the workspace).
 */
export function snapshotSearchGlobs(policy: Policy): string[] {
  const globs = new Set<string>();
  for (const p of policy.protectedPaths) {
    if (!p.ops.includes('write') && !p.ops.includes('delete')) continue;
    const g = p.glob;
    if (g.startsWith('/') || g.startsWith('~')) continue;
    if (isVolatilePath(g)) continue;
    globs.add(g);
    if (!g.endsWith('**')) globs.add(`${g}/**`);
  }
  return [...globs];
}

/**
 * When a payload says nothing about where the call runs (VS Code without a configured hook `cwd` starts hooks
 * in the home folder), the running editors know their workspaces: pick the one that holds the files the call
 * touches, or the only one there is.
 */
import { isAbsolute, relative } from 'node:path';
import { listRuntimeFiles } from '../bridge/runtimeFile';
import type { Classification } from './catalogue';

function inside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export function rootFromEditors(classification: Classification, runtimeDirectory?: string): string | undefined {
  const roots = listRuntimeFiles(...(runtimeDirectory !== undefined ? [runtimeDirectory] : []))
    .map((f) => f.file?.root)
    .filter((r): r is string => typeof r === 'string' && isAbsolute(r));
  if (roots.length === 0) return undefined;
  const paths = classification.kind === 'actions' ? classification.edits.map((e) => e.path).filter((p) => isAbsolute(p)) : [];
  if (paths.length > 0) {
    const holding = roots.filter((r) => paths.every((p) => inside(p, r))).sort((a, b) => b.length - a.length);
    return holding[0];
  }
  return roots.length === 1 ? roots[0] : undefined;
}

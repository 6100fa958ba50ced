/**
 * One validated policy file → the compiled rules the evaluator runs (protected paths, team command rules,
 * allow exceptions). Layering several files is `layers.ts`.
 */
import type { Risk } from '../verdict';
import type { PolicyDocument } from './document';
import type { ProtectedPath, RuleSource, TeamCommandRule } from './types';
import { compilePathGlob } from './globs';
import { compileCommandMatch } from './commandMatcher';
import { relativeTo } from './posixPath';

export type PolicyLayer = 'user' | 'workspace';

export interface CompiledLayer {
  readonly protectedPaths: readonly ProtectedPath[];
  readonly commandRules: readonly TeamCommandRule[];
  readonly allowRules: readonly TeamCommandRule[];
}

export interface CompileOptions {
  /** Home directory for `~/` globs. */
  readonly home?: string | undefined;
  /**
   * The workspace root the file belongs to (the folder holding `.vscode/`). When known, relative globs are
   * matched against paths relative to it, even if the caller's root is a sub-folder or a parent.
   */
  readonly root?: string | undefined;
}

function defaultRisk(decision: 'confirm' | 'deny'): Risk {
  return decision === 'deny' ? 'high' : 'medium';
}

/** `.vscode/agent-guard.json line 12`, for messages. */
export function describeSource(source: RuleSource): string {
  const where = source.file ?? (source.layer === 'builtin' ? 'built-in defaults' : `${source.layer} policy`);
  return source.line === undefined ? where : `${where} line ${source.line}`;
}

export function compileLayer(doc: PolicyDocument, layer: PolicyLayer, options: CompileOptions = {}): CompiledLayer {
  const root = options.root;
  const sourceAt = (line: number): RuleSource => ({ layer, file: doc.file, line });
  const protectedPaths = doc.protectedPaths.map((spec): ProtectedPath => {
    const glob = compilePathGlob(spec.glob, { home: options.home });
    const source = sourceAt(spec.line);
    return {
      id: spec.id ?? `${layer}.${spec.path}`,
      glob: spec.glob,
      ops: spec.ops,
      decision: spec.decision,
      risk: spec.risk ?? defaultRisk(spec.decision),
      message: spec.reason ?? `"${spec.glob}" is a protected path in the ${layer} policy (${describeSource(source)}); changing it needs a person's approval.`,
      source,
      matches: (rel, abs) => glob.match(root === undefined ? rel : relativeTo(root, abs), abs) !== undefined,
    };
  });
  const commandRules = doc.commands.map((spec): TeamCommandRule => ({
    id: spec.id ?? `${layer}.${spec.path}`,
    decision: spec.decision,
    risk: spec.risk ?? defaultRisk(spec.decision),
    message: spec.reason,
    source: sourceAt(spec.line),
    matches: compileCommandMatch(spec, 'tighten'),
  }));
  const allowRules = doc.allow.map((spec): TeamCommandRule => ({
    id: spec.id ?? `${layer}.${spec.path}`,
    decision: 'allow',
    risk: 'none',
    message: spec.reason,
    source: sourceAt(spec.line),
    matches: compileCommandMatch(spec, 'loosen'),
  }));
  return { protectedPaths, commandRules, allowRules };
}

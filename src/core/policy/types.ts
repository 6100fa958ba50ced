/**
 * The compiled policy the evaluator consumes. Produced from built-in defaults, the user policy and the
 * workspace policy (see `policy/` for loading, validation and layering). Everything here is pure data
 * plus matchers compiled once; the evaluator calls them on the hot path.
 */
import type { Decision, Risk } from '../verdict';
import type { Invocation } from '../invocation';

export type EditOp = 'write' | 'delete' | 'rename';
export const EDIT_OPS: readonly EditOp[] = ['write', 'delete', 'rename'];

/** Where a rule came from, for messages ("from .vscode/agent-guard.json line 12"). */
export interface RuleSource {
  readonly layer: 'builtin' | 'user' | 'workspace';
  readonly file?: string;
  readonly line?: number;
}

export interface ProtectedPath {
  /** e.g. `path.protected` for defaults, `policy.protectedPaths[2]` for policy entries. */
  readonly id: string;
  readonly glob: string;
  readonly ops: readonly EditOp[];
  readonly decision: Decision;
  readonly risk: Risk;
  readonly message: string;
  readonly source: RuleSource;
  /**
   * `rel` is the path relative to the workspace root with `/` separators (undefined when outside it);
   * `abs` the absolute path. Globs without a leading `/` or `~` match `rel`; others match `abs`.
   */
  matches(rel: string | undefined, abs: string): boolean;
  /**
   * Lives only in per-user folders (home, XDG, the runtime directory): a recursive delete inside the workspace
   * reaches it only by naming its folder, so `rm -rf node_modules/.cache` does not count as deleting the guard's
   * `~/.cache/agent-guard`.
   */
  readonly perUser?: boolean;
}

export interface TeamCommandRule {
  readonly id: string;
  readonly decision: Decision;
  readonly risk: Risk;
  readonly message: string;
  readonly source: RuleSource;
  matches(inv: Invocation): boolean;
}

export interface ProductionMatcher {
  /**
   * The production target this invocation acts on (kube context, AWS profile, …), or undefined.
   * `root` is the absolute workspace root that relative production `paths` are taken from; when absent,
   * the root the policy was loaded for is used.
   */
  target(inv: Invocation, root?: string): string | undefined;
}

export interface Policy {
  readonly protectedPaths: readonly ProtectedPath[];
  /** Team rules for commands: add findings. */
  readonly commandRules: readonly TeamCommandRule[];
  /** Team exceptions: a matching invocation loses its non-critical findings. */
  readonly allowRules: readonly TeamCommandRule[];
  readonly production: ProductionMatcher;
  /** Built-in rule ids switched off or re-levelled are not supported on purpose: use `allow` exceptions. */
  /**
   * Set when a policy file could not be loaded: the guard then asks for confirmation of every write,
   * delete and every command that is not read-only, with this message as the reason.
   */
  readonly loadError: string | undefined;
}

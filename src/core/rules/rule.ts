/**
 * A rule pack is data plus a small matcher. Each rule has a stable id, a decision, a risk, a message a
 * person understands, the programs it applies to (for fast dispatch) and examples both ways
 * (`match` / `notMatch`) that the table-driven tests run through the whole pipeline.
 */
import type { Decision, Risk } from '../verdict';
import type { Invocation } from '../invocation';
import type { RuleContext } from './context';

/** What a matcher may say beyond "yes": a more specific message, a different level, a target to type. */
export interface RuleHit {
  /** Replaces the rule's message (keep it a full sentence). */
  readonly message?: string;
  readonly decision?: Decision;
  readonly risk?: Risk;
  /** Name a person must type to confirm (production resource, the directory being wiped). */
  readonly target?: string;
}

export interface CommandRule {
  /** Stable id: `<pack>.<what>`, e.g. `git.force-push-protected-branch`. Never rename: policies refer to it. */
  readonly id: string;
  /** Program names this rule looks at (basename); `*` for every program. */
  readonly programs: readonly string[];
  readonly decision: Decision;
  readonly risk: Risk;
  /** What happens and why it is risky, in one or two sentences; may suggest a safer alternative. */
  readonly message: string;
  readonly match: (inv: Invocation, ctx: RuleContext) => boolean | RuleHit | undefined;
  /**
   * `machine`: the rule judges this machine's own state (processes, disks, accounts, services, paths it resolves
   * itself), which a command in a new container (`docker run`, Invocation.mounts) cannot reach; it is skipped
   * there. Rules about remote effects (a push, a cloud API, a database server) apply everywhere; so do rules that
   * judge paths through the container's mounts themselves (hostPath), like the interpreter rules.
   */
  readonly scope?: 'machine';
  /** Whole command lines (as an agent would send them, cwd = workspace root) that must trigger this rule. */
  readonly examples: {
    readonly match: readonly string[];
    readonly notMatch: readonly string[];
  };
}

export interface RulePack {
  /** Pack name, the prefix of every rule id in it. */
  readonly name: string;
  readonly description: string;
  readonly rules: readonly CommandRule[];
}

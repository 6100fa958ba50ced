/**
 * The one verdict type and the one way to combine verdicts: strictest wins.
 * allow < confirm < deny; risk none < low < medium < high < critical.
 */

export type Decision = 'allow' | 'confirm' | 'deny';
export type Risk = 'none' | 'low' | 'medium' | 'high' | 'critical';

export const DECISIONS: readonly Decision[] = ['allow', 'confirm', 'deny'];
export const RISKS: readonly Risk[] = ['none', 'low', 'medium', 'high', 'critical'];

/** Why a verdict is what it is: always names a rule id and the sub-command that triggered it. */
export interface Reason {
  /** Stable rule id, e.g. `git.force-push-protected-branch`. */
  readonly rule: string;
  /** A sentence a person understands. */
  readonly message: string;
  /** The (sub-)command or path that triggered the rule. */
  readonly command: string;
  readonly decision: Decision;
  readonly risk: Risk;
  /** Set when the action targets production (or another critical target): the name a person must type. */
  readonly target?: string;
  /** 1-based line in a script file or multi-line command that triggered the rule. */
  readonly line?: number;
  /** The file the line is in, when the reason comes from a script the command runs. */
  readonly file?: string;
}

export interface Verdict {
  readonly decision: Decision;
  readonly risk: Risk;
  readonly reasons: readonly Reason[];
  /**
   * When set, a person must type this exact text to confirm (critical actions, production targets).
   * Only meaningful for `confirm`.
   */
  readonly typedConfirmation?: string;
}

export const ALLOW: Verdict = Object.freeze({ decision: 'allow', risk: 'none', reasons: Object.freeze([]) });

export function decisionRank(d: Decision): number {
  return d === 'allow' ? 0 : d === 'confirm' ? 1 : 2;
}

export function riskRank(r: Risk): number {
  return RISKS.indexOf(r);
}

export function stricterDecision(a: Decision, b: Decision): Decision {
  return decisionRank(a) >= decisionRank(b) ? a : b;
}

export function higherRisk(a: Risk, b: Risk): Risk {
  return riskRank(a) >= riskRank(b) ? a : b;
}

/** One level up, capped at critical. */
export function raiseRisk(r: Risk): Risk {
  return RISKS[Math.min(RISKS.length - 1, riskRank(r) + 1)] ?? 'critical';
}

/**
 * Combine reasons into a verdict: the strictest decision and the highest risk over all reasons win.
 * Reasons are deduplicated (same rule on the same command) and ordered strictest first.
 */
export function verdictFromReasons(reasons: readonly Reason[]): Verdict {
  if (reasons.length === 0) return ALLOW;
  let decision: Decision = 'allow';
  let risk: Risk = 'none';
  let typed: string | undefined;
  const seen = new Set<string>();
  const unique: Reason[] = [];
  for (const r of reasons) {
    const key = r.rule + '\u0000' + r.command + '\u0000' + (r.file ?? '') + '\u0000' + String(r.line ?? '');
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(r);
    decision = stricterDecision(decision, r.decision);
    risk = higherRisk(risk, r.risk);
    if (r.target !== undefined && typed === undefined && r.decision !== 'allow') typed = r.target;
  }
  unique.sort((a, b) => decisionRank(b.decision) - decisionRank(a.decision) || riskRank(b.risk) - riskRank(a.risk));
  if (decision === 'allow') return { decision, risk, reasons: unique };
  return typed !== undefined && decision === 'confirm'
    ? { decision, risk, reasons: unique, typedConfirmation: typed }
    : { decision, risk, reasons: unique };
}

/** Strictest-wins over verdicts (e.g. every path of a multi-file patch). */
export function combineVerdicts(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.length === 1 && verdicts[0]) return verdicts[0];
  return verdictFromReasons(verdicts.flatMap((v) => v.reasons));
}

/**
 * The code lenses above the policy file's entries: for each `tests` entry the verdict it yields now (✓/✗), and
 * for each rule the file adds (a command rule, an allow exception, a protected path) what it decides and how
 * many of the file's tests exercise it — so an untested rule is visible at a glance.
 */
import type { PolicyAnalysis } from './analysis';

export interface LensContent {
  /** Zero-based line of the entry. */
  readonly line: number;
  readonly title: string;
  readonly tooltip: string;
  /** A command line to explain when the lens is clicked. */
  readonly explain?: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function policyLenses(analysis: PolicyAnalysis, trusted: boolean): LensContent[] {
  const { document, policy, testResults } = analysis;
  if (document === undefined || policy === undefined) return [];
  const hits = (ruleId: string): number => testResults.filter((r) => r.actual?.reasons.some((reason) => reason.rule === ruleId) === true).length;
  const tested = (ruleId: string): string => {
    const n = hits(ruleId);
    return n === 0 ? 'no test exercises it' : `exercised by ${plural(n, 'test')}`;
  };
  const lenses: LensContent[] = [];
  for (const spec of document.protectedPaths) {
    const compiled = policy.protectedPaths.find((p) => p.source.layer !== 'builtin' && p.source.line === spec.line && p.glob === spec.glob);
    const id = compiled?.id ?? spec.path;
    lenses.push({ line: spec.line - 1, title: `${spec.decision} on ${spec.ops.join(', ')} · ${compiled?.risk ?? 'medium'} · ${tested(id)}`, tooltip: `${id}: ${compiled?.message ?? ''}` });
  }
  for (const spec of document.commands) {
    const compiled = policy.commandRules.find((r) => r.source.line === spec.line);
    const id = compiled?.id ?? spec.path;
    lenses.push({ line: spec.line - 1, title: `${spec.decision} · ${compiled?.risk ?? ''} · ${id} · ${tested(id)}`, tooltip: spec.reason });
  }
  for (const spec of document.allow) {
    const compiled = policy.allowRules.find((r) => r.source.line === spec.line);
    const id = compiled?.id ?? spec.id ?? spec.path;
    lenses.push(trusted
      ? { line: spec.line - 1, title: `allow exception · ${id} · ${tested(id)}`, tooltip: `${spec.reason} (drops non-critical findings; never overrides a critical rule or a deny)` }
      : { line: spec.line - 1, title: `ignored: this workspace is not trusted · ${id}`, tooltip: 'An untrusted workspace policy may only tighten the rules; trust the workspace to use this exception.' });
  }
  for (const result of testResults) {
    const mark = result.passed ? '✓' : '✗';
    const rule = result.actual?.reasons[0]?.rule;
    const title = `${mark} ${result.actual?.decision ?? 'error'}${rule === undefined ? '' : ` (${rule})`}${result.passed ? '' : ` — expected ${result.test.expect}`}`;
    const explain = result.test.kind === 'command' ? { explain: result.test.command } : {};
    lenses.push({ line: result.test.line - 1, title, tooltip: `${result.subject}: ${result.message}`, ...explain });
  }
  return lenses.sort((a, b) => a.line - b.line);
}

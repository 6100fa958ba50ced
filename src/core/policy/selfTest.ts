/**
 * A policy's `tests`: examples it must decide a given way, checked whenever it loads so that a change
 * which breaks its own examples is reported instead of shipped. The guard is passed in (the evaluator
 * lives elsewhere), which also lets each file be checked against built-ins plus itself only.
 */
import type { Guard, GuardOptions } from '../api';
import type { Verdict } from '../verdict';
import type { Policy } from './types';
import type { PolicyTest } from './document';
import type { PolicyDiagnostic } from './diagnostics';
import { normalizePosix } from './posixPath';

export type GuardFactory = (options: GuardOptions) => Guard;

export interface PolicyTestOptions {
  /** Absolute workspace root: commands run here, edit paths are relative to it. */
  readonly root: string;
  readonly home?: string | undefined;
  /** The policy file the tests come from, for messages. */
  readonly file: string;
}

export interface PolicyTestResult {
  readonly test: PolicyTest;
  readonly file: string;
  readonly passed: boolean;
  /** Undefined when the guard threw. */
  readonly actual: Verdict | undefined;
  /** `terraform destroy` or `write infra/prod/main.tf`. */
  readonly subject: string;
  /** One line: what was expected, what happened and, on failure, the deciding reason. */
  readonly message: string;
}

function subjectOf(test: PolicyTest): string {
  return test.kind === 'command' ? test.command : `${test.op} ${test.edit}`;
}

function explain(v: Verdict): string {
  const r = v.reasons[0];
  return r === undefined ? 'no rule matched' : `${r.rule}: ${r.message}`;
}

export function runPolicyTests(policy: Policy, tests: readonly PolicyTest[], guardFactory: GuardFactory, options: PolicyTestOptions): PolicyTestResult[] {
  const guard = guardFactory(options.home === undefined ? { policy } : { policy, home: options.home });
  const root = normalizePosix(options.root);
  return tests.map((test) => {
    const subject = subjectOf(test);
    let actual: Verdict;
    try {
      if (test.kind === 'command') {
        const cwd = test.cwd === undefined ? root : normalizePosix(test.cwd.startsWith('/') ? test.cwd : `${root}/${test.cwd}`);
        actual = guard.checkCommand(test.command, test.env === undefined ? { cwd, root } : { cwd, root, env: test.env });
      } else {
        actual = guard.checkEdit(test.edit, test.op, { root });
      }
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return { test, file: options.file, passed: false, actual: undefined, subject, message: `expected ${test.expect}, but checking it failed: ${why}` };
    }
    const passed = actual.decision === test.expect;
    const message = passed ? `${actual.decision} as expected` : `expected ${test.expect}, got ${actual.decision} (${explain(actual)})`;
    return { test, file: options.file, passed, actual, subject, message };
  });
}

/** Failing examples as diagnostics at the line of the example. */
export function testFailureDiagnostics(results: readonly PolicyTestResult[]): PolicyDiagnostic[] {
  return results
    .filter((r) => !r.passed)
    .map((r) => ({
      severity: 'warning',
      file: r.file,
      line: r.test.line,
      column: 1,
      offset: 0,
      length: 0,
      path: r.test.path,
      message: `policy test failed: \`${r.subject}\` ${r.message}.`,
    }));
}

/**
 * `agent-guard test [--policy FILE] [--root DIR] [--cwd DIR] [--no-user] [--json]`
 *
 * Loads the policy (like `check` does) and runs each file's `tests`, printing PASS/FAIL per example.
 * Exit 0 when every example passes; 1 on any failure, on a policy that does not load, or when there is
 * no policy to test.
 */
import { resolve } from 'node:path';
import { createGuard } from '../../core/index';
import { formatDiagnostic } from '../../core/policy/diagnostics';
import type { GuardFactory, PolicyTestResult } from '../../core/policy/selfTest';
import { loadPolicy, WORKSPACE_POLICY } from '../policy/load';

interface TestArgs {
  readonly policyFile: string | undefined;
  readonly root: string | undefined;
  readonly cwd: string | undefined;
  readonly includeUser: boolean;
  readonly json: boolean;
  readonly help: boolean;
  readonly problem: string | undefined;
}

const USAGE = `usage: agent-guard test [--policy FILE] [--root DIR] [--cwd DIR] [--no-user] [--json]
Runs the examples under "tests" in the policy files and prints PASS/FAIL for each.
  --policy FILE  test this file (alone, without the user policy) instead of the ${WORKSPACE_POLICY} found from --root/--cwd
  --no-user      leave out the user policy (~/.config/agent-guard/policy.json)
  --json         print the results as JSON
Exit status: 0 all passed, 1 a failure, a policy that does not load, or nothing to test.
`;

function parseArgs(argv: readonly string[]): TestArgs {
  let policyFile: string | undefined;
  let root: string | undefined;
  let cwd: string | undefined;
  let includeUser = true;
  let json = false;
  let help = false;
  let problem: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string | undefined => (eq > 0 ? a.slice(eq + 1) : argv[++i]);
    if (flag === '--policy' || flag === '--root' || flag === '--cwd') {
      const v = value();
      if (v === undefined || v === '') problem = `${flag} needs a value`;
      else if (flag === '--policy') policyFile = v;
      else if (flag === '--root') root = v;
      else cwd = v;
    } else if (a === '--no-user') includeUser = false;
    else if (a === '--json') json = true;
    else if (a === '--help' || a === '-h') help = true;
    else problem = `unknown argument "${a}"`;
  }
  return { policyFile, root, cwd, includeUser: includeUser && policyFile === undefined, json, help, problem };
}

function line(r: PolicyTestResult): string {
  return `  ${r.passed ? 'PASS' : 'FAIL'}  line ${r.test.line}  ${r.subject} → ${r.message}`;
}

/** The command with the guard factory injectable, for tests of the command itself. */
export function runTests(argv: readonly string[], guardFactory: GuardFactory): number {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.problem !== undefined) {
    process.stderr.write(`agent-guard test: ${args.problem}\n${USAGE}`);
    return 1;
  }
  const loaded = loadPolicy({ policyFile: args.policyFile, root: args.root, cwd: args.cwd, includeUser: args.includeUser, guardFactory, report: undefined });
  const problems = loaded.fileDiagnostics;
  for (const d of problems) process.stderr.write(formatDiagnostic(d) + '\n');
  const loadFailed = loaded.policy.loadError !== undefined;

  if (args.json) {
    process.stdout.write(
      JSON.stringify(
        {
          ok: !loadFailed && loaded.testResults.every((r) => r.passed) && loaded.layers.length > 0,
          loadError: loaded.policy.loadError ?? null,
          diagnostics: problems,
          results: loaded.testResults.map((r) => ({ file: r.file, line: r.test.line, subject: r.subject, expect: r.test.expect, actual: r.actual?.decision ?? null, passed: r.passed, message: r.message })),
        },
        null,
        2,
      ) + '\n',
    );
  }
  if (loaded.layers.length === 0) {
    if (!args.json) process.stderr.write(`agent-guard test: no policy found (looked for ${WORKSPACE_POLICY} from ${resolve(args.root ?? args.cwd ?? '.')} upwards). Create one with \`agent-guard init\`.\n`);
    return 1;
  }
  if (!args.json) {
    for (const layer of loaded.layers) {
      const results = loaded.testResults.filter((r) => r.file === layer.file);
      process.stdout.write(`${layer.file}\n`);
      if (layer.document === undefined) process.stdout.write('  FAIL  the policy does not load (see the errors above); its examples were not run\n');
      else if (results.length === 0) process.stdout.write('  (no tests: add examples under "tests" so changes that break them are caught)\n');
      for (const r of results) process.stdout.write(line(r) + '\n');
    }
    const failed = loaded.testResults.filter((r) => !r.passed).length;
    const total = loaded.testResults.length;
    process.stdout.write(`${total} example${total === 1 ? '' : 's'}: ${total - failed} passed, ${failed} failed${loadFailed ? '; the policy did not load' : ''}\n`);
  }
  if (loadFailed) process.stderr.write(`agent-guard test: the policy did not load: ${loaded.policy.loadError ?? ''}\n`);
  return loadFailed || loaded.testResults.some((r) => !r.passed) ? 1 : 0;
}

export function run(argv: readonly string[]): Promise<number> {
  return Promise.resolve(runTests(argv, createGuard));
}

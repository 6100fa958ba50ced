/**
 * Finds and reads the policy files for the CLI and hands them to the pure core:
 * - workspace policy: `--policy FILE`, else `.vscode/agent-guard.json` found walking up from `--root`/`--cwd`;
 * - user policy: `$XDG_CONFIG_HOME/agent-guard/policy.json`, else `~/.config/agent-guard/policy.json`.
 * A file that fails to load never means "allow everything": the result's `policy.loadError` is set (the
 * evaluator then asks before every write, delete and non-read-only command) and the problem is printed
 * loudly on stderr.
 */
import { readFileSync, statSync } from 'node:fs';
import { homeDirectory } from '../homeDirectory';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Policy } from '../../core/policy/types';
import { writeStderr } from '../output';
import { buildPolicy, type LayerReport, type PolicyText } from '../../core/policy/layers';
import { formatDiagnostic, type PolicyDiagnostic } from '../../core/policy/diagnostics';
import { runPolicyTests, testFailureDiagnostics, type GuardFactory, type PolicyTestResult } from '../../core/policy/selfTest';

export const WORKSPACE_POLICY = join('.vscode', 'agent-guard.json');

export interface LoadPolicyOptions {
  /** Directory the command runs in; the search for `.vscode/agent-guard.json` starts at `root`, else here. */
  readonly cwd?: string | undefined;
  /** Workspace root given on the command line. */
  readonly root?: string | undefined;
  /** `--policy FILE`: use this file as the workspace policy instead of searching. */
  readonly policyFile?: string | undefined;
  /** Read the user policy too (default true). */
  readonly includeUser?: boolean;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly home?: string;
  /** VS Code workspace trust as far as the caller knows it (default: trusted). */
  readonly workspaceTrusted?: boolean;
  /** When given, each file's `tests` run on load and failures are reported. */
  readonly guardFactory?: GuardFactory | undefined;
  /** Where loud messages go (default: stderr); `undefined` to stay silent. */
  readonly report?: ((line: string) => void) | undefined;
  /** Also print warnings (failing self-tests, untrusted-workspace notices), not only errors. Default true. */
  readonly reportWarnings?: boolean;
  /** Policy files inside this directory are named relative to it in messages (default: the process's cwd). */
  readonly displayBase?: string;
}

export interface LoadedPolicy {
  readonly policy: Policy;
  /** The workspace root relative globs are taken from. */
  readonly root: string;
  readonly workspaceFile: string | undefined;
  readonly userFile: string | undefined;
  /** Every problem and notice: the files' own, then failing self-tests. */
  readonly diagnostics: readonly PolicyDiagnostic[];
  /** The files' own problems and notices only (no self-test results). */
  readonly fileDiagnostics: readonly PolicyDiagnostic[];
  readonly layers: readonly LayerReport[];
  /** Results of the files' own tests (empty without a guard factory). */
  readonly testResults: readonly PolicyTestResult[];
}

/** Nearest `.vscode/agent-guard.json` at or above `start`. */
export function findWorkspacePolicy(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, WORKSPACE_POLICY);
    if (isFile(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isFile(p: string): boolean {
  try {
    // without throwing for the usual answer, "no such file": an exception costs more than the stat
    return statSync(p, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}

export function userPolicyPath(env: Readonly<Record<string, string | undefined>>, home: string): string {
  const xdg = env['XDG_CONFIG_HOME'];
  const base = xdg !== undefined && isAbsolute(xdg) ? xdg : join(home, '.config');
  return join(base, 'agent-guard', 'policy.json');
}

/** The workspace a policy file belongs to: the folder holding its `.vscode/`, else the file's folder. */
export function rootOfPolicyFile(file: string): string {
  const dir = dirname(resolve(file));
  return basename(dir) === '.vscode' ? dirname(dir) : dir;
}

/** Short, clickable name for messages: relative to the current directory (or `base`) when inside it. */
export function displayPath(file: string, base: string = process.cwd()): string {
  const rel = relative(base, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

type ReadResult = { kind: 'text'; text: string } | { kind: 'absent' } | { kind: 'unreadable'; message: string };

function readPolicy(file: string): ReadResult {
  try {
    // most users have no user policy: a stat that does not throw tells so more cheaply than a failing read
    if (statSync(file, { throwIfNoEntry: false }) === undefined) return { kind: 'absent' };
    return { kind: 'text', text: readFileSync(file, 'utf8') };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return { kind: 'absent' };
    return { kind: 'unreadable', message: err.code === 'EISDIR' ? 'it is a directory' : err.message };
  }
}

export function loadPolicy(options: LoadPolicyOptions = {}): LoadedPolicy {
  const env = options.env ?? process.env;
  const home = options.home ?? homeDirectory();
  const report = 'report' in options ? options.report : (line: string) => writeStderr(line + '\n');
  const cwd = resolve(options.cwd ?? process.cwd());
  const displayBase = options.displayBase ?? process.cwd();
  const unreadable: { file: string; message: string; layer: 'user' | 'workspace' }[] = [];

  let workspaceFile: string | undefined;
  let workspace: PolicyText | undefined;
  if (options.policyFile !== undefined) {
    workspaceFile = resolve(cwd, options.policyFile);
    const r = readPolicy(workspaceFile);
    if (r.kind === 'text') workspace = { file: displayPath(workspaceFile, displayBase), text: r.text };
    else unreadable.push({ file: displayPath(workspaceFile, displayBase), message: r.kind === 'absent' ? 'no such file' : r.message, layer: 'workspace' });
  } else {
    workspaceFile = findWorkspacePolicy(options.root !== undefined ? resolve(cwd, options.root) : cwd);
    if (workspaceFile !== undefined) {
      const r = readPolicy(workspaceFile);
      if (r.kind === 'text') workspace = { file: displayPath(workspaceFile, displayBase), text: r.text };
      else if (r.kind === 'unreadable') unreadable.push({ file: displayPath(workspaceFile, displayBase), message: r.message, layer: 'workspace' });
    }
  }
  const root =
    options.policyFile !== undefined && options.root !== undefined
      ? resolve(cwd, options.root)
      : workspaceFile !== undefined
        ? rootOfPolicyFile(workspaceFile)
        : resolve(cwd, options.root ?? '.');

  const userFile = userPolicyPath(env, home);
  let user: PolicyText | undefined;
  if (options.includeUser !== false) {
    const r = readPolicy(userFile);
    if (r.kind === 'text') user = { file: userFile, text: r.text };
    else if (r.kind === 'unreadable') unreadable.push({ file: userFile, message: r.message, layer: 'user' });
  }

  const built = buildPolicy({ user, workspace, workspaceTrusted: options.workspaceTrusted ?? true, home, root, userPolicyFile: userFile, unreadable });
  const testResults: PolicyTestResult[] = [];
  if (options.guardFactory !== undefined) {
    for (const layer of built.layers) {
      if (layer.policy === undefined || layer.document === undefined) continue;
      testResults.push(...runPolicyTests(layer.policy, layer.document.tests, options.guardFactory, { root, home, file: layer.file }));
    }
  }
  const diagnostics = [...built.diagnostics, ...testFailureDiagnostics(testResults)];

  if (report !== undefined) {
    const shown = diagnostics.filter((d) => d.severity === 'error' || (options.reportWarnings !== false && d.severity === 'warning'));
    for (const d of shown) report(`agent-guard: ${formatDiagnostic(d)}`);
    if (built.policy.loadError !== undefined) {
      report('agent-guard: POLICY NOT LOADED — falling back to the built-in rules, and until the file is fixed every file write or delete and every command that is not read-only needs confirmation.');
    }
  }
  return {
    policy: built.policy,
    root,
    workspaceFile,
    userFile: user === undefined ? undefined : userFile,
    diagnostics,
    fileDiagnostics: built.diagnostics,
    layers: built.layers,
    testResults,
  };
}

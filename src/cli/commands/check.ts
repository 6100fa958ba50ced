/**
 * `agent-guard check` — the CLI contract (keep it stable):
 *   check [--policy FILE] [--cwd DIR] [--root DIR] [--env K=V]… [--json] -- "<command>"
 *   check --edit write|delete|rename [--root DIR] [--policy FILE] [--json] PATH
 *   check --jsonl            (JSON lines on stdin, one verdict line per input, same order, same id)
 * Exit status: 0 allow, 1 confirm, 2 deny, 3 error (for --jsonl: the strictest verdict seen, 3 on bad usage).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import type { Guard } from '../../core/api';
import { createGuard } from '../../core/index';
import type { EditOp } from '../../core/policy/types';
import { decisionRank, type Decision, type Verdict } from '../../core/verdict';
import { loadPolicy } from '../policy/load';
import { readSmallFile } from '../readFile';
import { formatVerdict } from '../format';

export const EXIT: Readonly<Record<Decision, number>> = { allow: 0, confirm: 1, deny: 2 };
export const EXIT_ERROR = 3;

interface CheckArgs {
  json: boolean;
  jsonl: boolean;
  policy: string | undefined;
  cwd: string | undefined;
  root: string | undefined;
  edit: EditOp | undefined;
  env: Record<string, string>;
  rest: string[];
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): CheckArgs {
  const a: CheckArgs = { json: false, jsonl: false, policy: undefined, cwd: undefined, root: undefined, edit: undefined, env: {}, rest: [] };
  const value = (i: number, name: string): string => {
    const v = argv[i + 1];
    if (v === undefined) throw new UsageError(`${name} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      a.rest.push(...argv.slice(i + 1));
      break;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const take = (): string => {
      if (inline !== undefined) return inline;
      const v = value(i, name);
      i++;
      return v;
    };
    switch (name) {
      case '--json': a.json = true; break;
      case '--jsonl': a.jsonl = true; break;
      case '--policy': a.policy = take(); break;
      case '--cwd': a.cwd = take(); break;
      case '--root': a.root = take(); break;
      case '--edit': {
        const op = take();
        if (op !== 'write' && op !== 'delete' && op !== 'rename') throw new UsageError(`--edit takes write, delete or rename, not '${op}'`);
        a.edit = op;
        break;
      }
      case '--env': {
        const kv = take();
        const k = kv.indexOf('=');
        if (k <= 0) throw new UsageError(`--env takes NAME=VALUE, not '${kv}'`);
        a.env[kv.slice(0, k)] = kv.slice(k + 1);
        break;
      }
      default:
        if (arg.startsWith('-') && a.rest.length === 0 && arg.length > 1) throw new UsageError(`unknown option ${arg} (put the command after --)`);
        a.rest.push(arg);
    }
  }
  return a;
}

/** Guards per workspace root (a policy file is found by walking up from the root). */
class Guards {
  private readonly byRoot = new Map<string, { guard: Guard; root: string }>();
  private readonly home = os.homedir();

  constructor(private readonly policyFile: string | undefined) {}

  get(cwd: string, root: string | undefined): { guard: Guard; root: string } {
    const key = (root ?? '') + '\u0000' + cwd;
    let g = this.byRoot.get(key);
    if (!g) {
      const loaded = loadPolicy({
        cwd,
        root,
        policyFile: this.policyFile,
        home: this.home,
        guardFactory: createGuard,
      });
      g = { guard: createGuard({ policy: loaded.policy, home: this.home }), root: root ?? cwd };
      this.byRoot.set(key, g);
    }
    return g;
  }
}

function print(v: Verdict, json: boolean, subject: string): void {
  process.stdout.write(json ? JSON.stringify(v) + '\n' : formatVerdict(v, subject, process.stdout.isTTY === true));
}

export async function run(argv: readonly string[]): Promise<number> {
  let args: CheckArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`agent-guard check: ${e.message}\n`);
    return EXIT_ERROR;
  }
  const guards = new Guards(args.policy);
  if (args.jsonl) return runJsonl(guards);
  const cwd = path.resolve(args.cwd ?? process.cwd());
  if (args.edit !== undefined) {
    const file = args.rest[0];
    if (file === undefined || args.rest.length > 1) {
      process.stderr.write('agent-guard check --edit: give exactly one PATH\n');
      return EXIT_ERROR;
    }
    const root = path.resolve(cwd, args.root ?? '.');
    const { guard } = guards.get(root, root);
    const v = guard.checkEdit(path.resolve(root, file), args.edit, { root });
    print(v, args.json, `${args.edit} ${file}`);
    return EXIT[v.decision];
  }
  if (args.rest.length === 0) {
    process.stderr.write('agent-guard check: give the command after --, e.g. agent-guard check -- "rm -rf dist"\n');
    return EXIT_ERROR;
  }
  const command = args.rest.join(' ');
  const root = args.root === undefined ? undefined : path.resolve(cwd, args.root);
  const g = guards.get(cwd, root);
  const v = g.guard.checkCommand(command, { cwd, root: g.root, env: args.env, readFile: readSmallFile });
  print(v, args.json, command);
  return EXIT[v.decision];
}

interface JsonlRequest {
  id?: unknown;
  command?: unknown;
  cwd?: unknown;
  root?: unknown;
  env?: unknown;
  edit?: unknown;
}

function stringRecord(v: unknown): Record<string, string> | undefined {
  if (v === undefined) return {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) {
    if (typeof x !== 'string') return undefined;
    out[k] = x;
  }
  return out;
}

/** One request line → one verdict object (or an error object); never throws. */
function answerLine(line: string, guards: Guards): Record<string, unknown> {
  let req: JsonlRequest;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { id: null, error: 'each line must be a JSON object' };
    req = parsed;
  } catch (e) {
    return { id: null, error: `not JSON: ${(e as Error).message}` };
  }
  const id = req.id ?? null;
  const cwdIn = req.cwd ?? (typeof req.root === 'string' ? req.root : undefined);
  if (cwdIn !== undefined && typeof cwdIn !== 'string') return { id, error: '"cwd" must be a string' };
  if (req.root !== undefined && typeof req.root !== 'string') return { id, error: '"root" must be a string' };
  const cwd = path.resolve(cwdIn ?? process.cwd());
  const root = typeof req.root === 'string' ? path.resolve(cwd, req.root) : undefined;
  if (req.edit !== undefined) {
    const e = req.edit as { path?: unknown; op?: unknown };
    if (typeof e !== 'object' || e === null || typeof e.path !== 'string' || (e.op !== 'write' && e.op !== 'delete' && e.op !== 'rename')) {
      return { id, error: '"edit" must be {"path": string, "op": "write"|"delete"|"rename"}' };
    }
    const r = root ?? cwd;
    const { guard } = guards.get(r, r);
    return { id, ...guard.checkEdit(path.resolve(r, e.path), e.op, { root: r }) };
  }
  if (typeof req.command !== 'string') return { id, error: 'a line needs "command" (string) or "edit"' };
  const env = stringRecord(req.env);
  if (env === undefined) return { id, error: '"env" must be an object of strings' };
  const g = guards.get(cwd, root);
  return { id, ...g.guard.checkCommand(req.command, { cwd, root: g.root, env, readFile: readSmallFile }) };
}

async function runJsonl(guards: Guards): Promise<number> {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let worst = -1;
  for await (const line of rl) {
    if (line.trim() === '') continue;
    let out: Record<string, unknown>;
    try {
      out = answerLine(line, guards);
    } catch (e) {
      out = { id: null, error: `internal error: ${(e as Error).message}` };
    }
    process.stdout.write(JSON.stringify(out) + '\n');
    const d = out['decision'];
    if (typeof d === 'string') worst = Math.max(worst, decisionRank(d as Decision));
  }
  return worst < 0 ? 0 : worst;
}

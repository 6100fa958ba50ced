/**
 * `agent-guard check` — the CLI contract (keep it stable):
 *   check [--policy FILE] [--cwd DIR] [--root DIR] [--env K=V]… [--json] -- "<command>"
 *   check --edit write|delete|rename [--root DIR] [--policy FILE] [--json] PATH
 *   check --jsonl            (JSON lines on stdin, one verdict line per input, same order, same id)
 * Exit status: 0 allow, 1 confirm, 2 deny, 3 error (for --jsonl: the strictest verdict seen, 3 on bad usage).
 */
import { homeDirectory } from '../homeDirectory';
import { resolve } from 'node:path';
import type { Guard } from '../../core/api';
import { createGuard } from '../../core/index';
import type { EditOp } from '../../core/policy/types';
import type { Decision, Verdict } from '../../core/verdict';
import { loadPolicy } from '../policy/load';
import { readSmallFile } from '../readFile';
import { formatVerdict } from '../format';
import { stdoutIsTerminal, writeStderr, writeStdout } from '../output';

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

/** One guard per (root, cwd), each with the policy found walking up from there; shared with `--jsonl`. */
export class Guards {
  private readonly byRoot = new Map<string, { guard: Guard; root: string }>();
  private readonly home = homeDirectory();

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
  writeStdout(json ? JSON.stringify(v) + '\n' : formatVerdict(v, subject, stdoutIsTerminal()));
}

export async function run(argv: readonly string[]): Promise<number> {
  let args: CheckArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    writeStderr(`agent-guard check: ${e.message}\n`);
    return EXIT_ERROR;
  }
  const guards = new Guards(args.policy);
  // --jsonl lives in its own module: a single `check` does not load readline or the stdin stream
  if (args.jsonl) return (await import('./checkJsonl')).runJsonl(guards);
  const cwd = resolve(args.cwd ?? process.cwd());
  if (args.edit !== undefined) {
    const file = args.rest[0];
    if (file === undefined || args.rest.length > 1) {
      writeStderr('agent-guard check --edit: give exactly one PATH\n');
      return EXIT_ERROR;
    }
    const root = resolve(cwd, args.root ?? '.');
    const { guard } = guards.get(root, root);
    const v = guard.checkEdit(resolve(root, file), args.edit, { root });
    print(v, args.json, `${args.edit} ${file}`);
    return EXIT[v.decision];
  }
  if (args.rest.length === 0) {
    writeStderr('agent-guard check: give the command after --, e.g. agent-guard check -- "rm -rf dist"\n');
    return EXIT_ERROR;
  }
  const command = args.rest.join(' ');
  const root = args.root === undefined ? undefined : resolve(cwd, args.root);
  const g = guards.get(cwd, root);
  const v = g.guard.checkCommand(command, { cwd, root: g.root, env: args.env, readFile: readSmallFile });
  print(v, args.json, command);
  return EXIT[v.decision];
}

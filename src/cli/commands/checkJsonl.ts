/**
 * `agent-guard check --jsonl`: one JSON request per stdin line, one verdict line per request, in order, with the
 * request's `id`; a malformed line gets `{"id":…,"error":"…"}` and the stream goes on.
 */
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { decisionRank, type Decision } from '../../core/verdict';
import { writeStdout } from '../output';
import { readSmallFile } from '../readFile';
import type { Guards } from './check';

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
  const cwd = resolve(cwdIn ?? process.cwd());
  const root = typeof req.root === 'string' ? resolve(cwd, req.root) : undefined;
  if (req.edit !== undefined) {
    const e = req.edit as { path?: unknown; op?: unknown };
    if (typeof e !== 'object' || e === null || typeof e.path !== 'string' || (e.op !== 'write' && e.op !== 'delete' && e.op !== 'rename')) {
      return { id, error: '"edit" must be {"path": string, "op": "write"|"delete"|"rename"}' };
    }
    const r = root ?? cwd;
    const { guard } = guards.get(r, r);
    return { id, ...guard.checkEdit(resolve(r, e.path), e.op, { root: r }) };
  }
  if (typeof req.command !== 'string') return { id, error: 'a line needs "command" (string) or "edit"' };
  const env = stringRecord(req.env);
  if (env === undefined) return { id, error: '"env" must be an object of strings' };
  const g = guards.get(cwd, root);
  return { id, ...g.guard.checkCommand(req.command, { cwd, root: g.root, env, readFile: readSmallFile }) };
}

export async function runJsonl(guards: Guards): Promise<number> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let worst = -1;
  for await (const line of rl) {
    if (line.trim() === '') continue;
    let out: Record<string, unknown>;
    try {
      out = answerLine(line, guards);
    } catch (e) {
      out = { id: null, error: `internal error: ${(e as Error).message}` };
    }
    writeStdout(JSON.stringify(out) + '\n');
    const d = out['decision'];
    if (typeof d === 'string') worst = Math.max(worst, decisionRank(d as Decision));
  }
  return worst < 0 ? 0 : worst;
}

/**
 * The judge service (`agent-guard serve`): a long-lived process that runs hooks for the short-lived hook processes
 * agents start, so each of those does not have to load and warm the whole judge (see ARCHITECTURE.md, "The judge
 * service"). This file is what both sides agree on; the loader bundles it, so it stays small.
 *
 * One connection per hook call. The hook sends one request line; the service answers with one answer line and
 * closes, after an acceptance line that carries the deadline it will answer by when the answer takes longer than
 * one turn of its event loop (a call that waits for a person). Anything else — no service, a refused
 * or dropped connection, a line that does not parse, no answer by the deadline — and the hook judges by itself.
 */
import { join } from 'node:path';
import { MAX_SOCKET_PATH, privateTempDir } from '../bridge/runtimeDir';
import { BUILD } from '../version';

export const SERVICE_PROTOCOL = 1;

export interface ServiceRequest {
  readonly v: typeof SERVICE_PROTOCOL;
  /** `hook` arguments after `hook`: `<agent> [options]`. */
  readonly argv: readonly string[];
  /** The hook process's environment, working directory and home: the call is judged as if there. */
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  readonly home: string;
  /** When the hook process started (ms since the epoch): the agent's timeout counts from then. */
  readonly startedAt: number;
  /** The payload the agent wrote on the hook's stdin. */
  readonly input: string;
}

export interface ServiceAccepted {
  readonly v: typeof SERVICE_PROTOCOL;
  /** The time (ms since the epoch) by which the answer comes; past it, the hook stops waiting. */
  readonly deadline: number;
}

export interface ServiceAnswer {
  readonly v: typeof SERVICE_PROTOCOL;
  /** Exactly what the hook process would have written and the status it would have exited with. */
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

/**
 * The service's socket in the runtime folder, one per build of the CLI (`BUILD`, fixed at build time, so a hook finds
 * it without looking at any file): a hook only ever talks to a service running its own code. When that path would
 * be too long for a socket (a deep home folder), a private folder in the temp dir, `agent-guard-<uid>`, named after
 * the runtime folder too.
 */
export function serviceSocketPath(runtimeDirectory: string, env: Readonly<Record<string, string | undefined>> = process.env, build: string = BUILD): string {
  const name = shortHash(build);
  const preferred = join(runtimeDirectory, `judge-${name}.sock`);
  if (Buffer.byteLength(preferred) <= MAX_SOCKET_PATH) return preferred;
  return join(privateTempDir(env), `judge-${shortHash(runtimeDirectory)}-${name}.sock`);
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable name (socket paths are limited to ~100 bytes), not a secret. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringRecord(v: unknown): v is Record<string, string> {
  return isObject(v) && Object.values(v).every((x) => typeof x === 'string');
}

export function parseRequest(line: string): ServiceRequest | undefined {
  try {
    const v: unknown = JSON.parse(line);
    if (!isObject(v) || v['v'] !== SERVICE_PROTOCOL) return undefined;
    const { argv, env, cwd, home, startedAt, input } = v;
    if (!Array.isArray(argv) || !argv.every((a) => typeof a === 'string')) return undefined;
    if (!isStringRecord(env) || typeof cwd !== 'string' || typeof home !== 'string' || typeof input !== 'string') return undefined;
    if (typeof startedAt !== 'number' || !Number.isFinite(startedAt)) return undefined;
    return { v: SERVICE_PROTOCOL, argv, env, cwd, home, startedAt, input };
  } catch {
    return undefined;
  }
}

export function parseAccepted(line: string): ServiceAccepted | undefined {
  try {
    const v: unknown = JSON.parse(line);
    if (!isObject(v) || v['v'] !== SERVICE_PROTOCOL || typeof v['deadline'] !== 'number' || !Number.isFinite(v['deadline'])) return undefined;
    return { v: SERVICE_PROTOCOL, deadline: v['deadline'] };
  } catch {
    return undefined;
  }
}

export function parseAnswer(line: string): ServiceAnswer | undefined {
  try {
    const v: unknown = JSON.parse(line);
    if (!isObject(v) || v['v'] !== SERVICE_PROTOCOL) return undefined;
    const { stdout, stderr, code } = v;
    if (typeof stdout !== 'string' || typeof stderr !== 'string' || typeof code !== 'number' || !Number.isInteger(code)) return undefined;
    return { v: SERVICE_PROTOCOL, stdout, stderr, code };
  } catch {
    return undefined;
  }
}

/**
 * The hook's side of the editor bridge: find the runtime file of the workspace, connect, send one request with
 * the token, and wait for one answer until a deadline. Every failure is reported as an outcome (absent or
 * timeout), never thrown, so the hook can fall back by itself.
 */
import { randomBytes } from 'node:crypto';
import {
  BRIDGE_PROTOCOL_VERSION,
  type BridgeOutcome,
  type ConfirmRequest,
  type GuardedAction,
  type PongResponse,
  type RuntimeFile,
} from '../../shared/bridgeProtocol';
import type { Verdict } from '../../core/verdict';
import { exchange } from './exchange';
import { findRuntimeFile } from './runtimeFile';

export interface ConfirmArgs {
  readonly root: string;
  readonly agent: string;
  readonly tool: string;
  readonly actions: readonly GuardedAction[];
  readonly verdict: Verdict;
  /** Epoch ms: stop waiting then. */
  readonly deadline: number;
  /** Runtime directory override (tests, doctor). */
  readonly runtimeDir?: string;
}

function newId(): string {
  return randomBytes(8).toString('hex');
}

/** Asks the editor of `root` to let a person confirm; resolves by `deadline` at the latest. */
export async function askEditor(args: ConfirmArgs): Promise<BridgeOutcome> {
  const lookup = findRuntimeFile(args.root, ...(args.runtimeDir !== undefined ? [args.runtimeDir] : []));
  if (!lookup.file) return { kind: 'absent', detail: lookup.detail };
  if (Date.now() >= args.deadline) return { kind: 'timeout' };
  const id = newId();
  const request: ConfirmRequest = {
    type: 'confirm',
    version: BRIDGE_PROTOCOL_VERSION,
    token: lookup.file.token,
    id,
    agent: args.agent,
    tool: args.tool,
    root: lookup.file.root,
    actions: args.actions,
    verdict: args.verdict,
    deadline: args.deadline,
  };
  const result = await exchange(lookup.file.socket, request, args.deadline);
  if (result.kind === 'timeout') return { kind: 'timeout' };
  if (result.kind === 'failed') return { kind: 'absent', detail: result.detail };
  const r = result.response;
  if (r.type === 'error') return { kind: 'absent', detail: `the editor refused the request: ${r.error}` };
  if (r.type !== 'answer' || r.id !== id) return { kind: 'absent', detail: 'the editor answered another request' };
  if (r.answer === 'allow') return { kind: 'allow' };
  if (r.answer === 'deny') return r.message ? { kind: 'deny', message: r.message } : { kind: 'deny' };
  return { kind: 'absent', detail: 'the editor sent an unknown answer' };
}

export type PingResult = { readonly ok: true; readonly pong: PongResponse; readonly ms: number } | { readonly ok: false; readonly detail: string };

/** Checks that the editor behind a runtime file answers (for `doctor`). */
export async function pingEditor(file: RuntimeFile, timeoutMs = 2000): Promise<PingResult> {
  const started = Date.now();
  const id = newId();
  const result = await exchange(file.socket, { type: 'ping', version: BRIDGE_PROTOCOL_VERSION, token: file.token, id }, started + timeoutMs);
  if (result.kind === 'timeout') return { ok: false, detail: `no answer within ${timeoutMs} ms` };
  if (result.kind === 'failed') return { ok: false, detail: result.detail };
  const r = result.response;
  if (r.type === 'pong' && r.id === id) return { ok: true, pong: r, ms: Date.now() - started };
  if (r.type === 'error') return { ok: false, detail: `the editor refused: ${r.error}` };
  return { ok: false, detail: 'unexpected answer to ping' };
}

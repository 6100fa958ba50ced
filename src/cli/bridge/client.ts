/**
 * The hook's side of the editor bridge: find the runtime file of the workspace, connect, send one request with
 * the token, and wait for one answer until a deadline. Every failure is reported as an outcome (absent or
 * timeout), never thrown, so the hook can fall back by itself.
 */
import * as net from 'node:net';
import { randomBytes } from 'node:crypto';
import {
  BRIDGE_PROTOCOL_VERSION,
  MAX_MESSAGE_BYTES,
  REPORT_BUDGET_MS,
  type BridgeOutcome,
  type BridgeResponse,
  type ConfirmRequest,
  type GuardedAction,
  type PongResponse,
  type ReportedAnswer,
  type ReportRequest,
  type RuntimeFile,
} from '../../shared/bridgeProtocol';
import type { Verdict } from '../../core/verdict';
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

type Exchange = { readonly kind: 'response'; readonly response: BridgeResponse } | { readonly kind: 'timeout' } | { readonly kind: 'failed'; readonly detail: string };

function isResponse(v: unknown): v is BridgeResponse {
  if (typeof v !== 'object' || v === null) return false;
  const t = (v as { type?: unknown }).type;
  return t === 'answer' || t === 'pong' || t === 'error' || t === 'ack';
}

/** Sends one line and resolves with the first line received, or timeout / failure. */
function exchange(socketPath: string, message: object, deadline: number): Promise<Exchange> {
  return new Promise((resolve) => {
    let settled = false;
    let buffer = '';
    const socket = net.createConnection(socketPath);
    const finish = (result: Exchange): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ kind: 'timeout' }), Math.max(0, deadline - Date.now()));
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(JSON.stringify(message) + '\n'));
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      if (buffer.length > MAX_MESSAGE_BYTES) return finish({ kind: 'failed', detail: 'the editor sent an oversized answer' });
      const newline = buffer.indexOf('\n');
      if (newline < 0) return;
      try {
        const parsed: unknown = JSON.parse(buffer.slice(0, newline));
        finish(isResponse(parsed) ? { kind: 'response', response: parsed } : { kind: 'failed', detail: 'the editor sent an answer this CLI does not understand' });
      } catch {
        finish({ kind: 'failed', detail: 'the editor sent malformed JSON' });
      }
    });
    socket.on('error', (e: NodeJS.ErrnoException) => finish({ kind: 'failed', detail: `cannot reach the editor (${e.code ?? e.message})` }));
    socket.on('close', () => finish({ kind: 'failed', detail: 'the editor closed the connection without answering' }));
  });
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

export interface ReportArgs {
  readonly root: string;
  readonly agent: string;
  readonly tool: string;
  readonly actions: readonly GuardedAction[];
  readonly verdict: Verdict;
  readonly answer: ReportedAnswer;
  readonly detail?: string;
  /** Runtime directory override (tests). */
  readonly runtimeDir?: string;
  /** Give up after this many milliseconds ({@link REPORT_BUDGET_MS} by default). */
  readonly budgetMs?: number;
}

/** Why a report did not reach the editor's ledger, or `acknowledged`. Never throws. */
export type ReportResult = 'acknowledged' | 'no editor' | 'refused' | 'timeout' | 'failed';

/** Tells the editor of `root` about a decision the hook made without a dialog. */
export async function reportToEditor(args: ReportArgs): Promise<ReportResult> {
  const deadline = Date.now() + (args.budgetMs ?? REPORT_BUDGET_MS);
  const lookup = findRuntimeFile(args.root, ...(args.runtimeDir !== undefined ? [args.runtimeDir] : []));
  if (!lookup.file) return 'no editor';
  const id = newId();
  const request: ReportRequest = {
    type: 'report',
    version: BRIDGE_PROTOCOL_VERSION,
    token: lookup.file.token,
    id,
    agent: args.agent,
    tool: args.tool,
    root: lookup.file.root,
    actions: args.actions,
    verdict: args.verdict,
    answer: args.answer,
    ...(args.detail !== undefined ? { detail: args.detail } : {}),
  };
  const result = await exchange(lookup.file.socket, request, deadline);
  if (result.kind !== 'response') return result.kind;
  return result.response.type === 'ack' && result.response.id === id ? 'acknowledged' : 'refused';
}

/**
 * The editor's side of the bridge, for the extension to reuse (Node only, no `vscode`): listen on a socket in
 * the per-user runtime directory, publish the runtime file, check the token of every request in constant
 * time, and hand confirm requests to a callback that shows the dialog. The callback's AbortSignal fires when
 * the hook stops waiting (its deadline passed or it hung up), so the dialog can close itself. Reports (decisions
 * a hook made without a dialog) are acknowledged at once and handed to `onReport` for the ledger.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { Socket, createServer } from 'node:net';
import { join } from 'node:path';
import {
  BRIDGE_PROTOCOL_VERSION,
  MAX_MESSAGE_BYTES,
  RUNTIME_DIR_MODE,
  type BridgeResponse,
  type ConfirmRequest,
  type ReportRequest,
} from '../../shared/bridgeProtocol';
import { MAX_SOCKET_PATH, privateTempDir, runtimeDir as defaultRuntimeDir } from './runtimeDir';
import { newToken, removeRuntimeFile, rootKey, writeRuntimeFile } from './runtimeFile';

export interface ConfirmAnswer {
  readonly answer: 'allow' | 'deny';
  readonly message?: string;
}

export type ConfirmHandler = (request: ConfirmRequest, signal: AbortSignal) => Promise<ConfirmAnswer>;

/** Called after the report was acknowledged; its result and errors do not reach the hook. */
export type ReportHandler = (request: ReportRequest) => void;

export interface BridgeServerOptions {
  readonly root: string;
  readonly onConfirm: ConfirmHandler;
  /** Without it, reports are refused (`unknown request`) as by a server that predates them. */
  readonly onReport?: ReportHandler;
  /** Shown by `agent-guard doctor`, e.g. `Visual Studio Code 1.100.3`. */
  readonly editor?: string;
  readonly runtimeDir?: string;
}

export interface BridgeServer {
  readonly runtimeFile: string;
  readonly socket: string;
  /**
   * Writes the runtime file again when it is gone: with the same folder open in two windows the newer one's file
   * replaces the older one's, and closing the newer window removes it. True when it had to be written.
   */
  republishIfMissing(): boolean;
  close(): Promise<void>;
}

function socketPath(dir: string, root: string): string {
  const name = `${rootKey(root)}-${randomBytes(4).toString('hex')}.sock`;
  if (process.platform === 'win32') return `\\\\.\\pipe\\agent-guard-${name}`;
  const preferred = join(dir, name);
  if (Buffer.byteLength(preferred) <= MAX_SOCKET_PATH) return preferred;
  // too long for a socket: a private folder under the temp dir
  const fallback = privateTempDir();
  mkdirSync(fallback, { recursive: true, mode: RUNTIME_DIR_MODE });
  chmodSync(fallback, RUNTIME_DIR_MODE);
  return join(fallback, name);
}

function sameToken(a: unknown, b: string): boolean {
  if (typeof a !== 'string') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function isVerdict(v: unknown): boolean {
  return typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)['decision'] === 'string' && Array.isArray((v as Record<string, unknown>)['reasons']);
}

function isConfirm(m: Record<string, unknown>): boolean {
  return m['type'] === 'confirm' && typeof m['id'] === 'string' && Array.isArray(m['actions']) && typeof m['verdict'] === 'object' && typeof m['deadline'] === 'number';
}

const REPORTED_ANSWERS: ReadonlySet<unknown> = new Set(['defer', 'allow', 'ask', 'deny']);

function isReport(m: Record<string, unknown>): boolean {
  return m['type'] === 'report' && typeof m['id'] === 'string' && typeof m['agent'] === 'string' && typeof m['tool'] === 'string' &&
    typeof m['root'] === 'string' && Array.isArray(m['actions']) && isVerdict(m['verdict']) && REPORTED_ANSWERS.has(m['answer']);
}

export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const dir = options.runtimeDir ?? defaultRuntimeDir();
  mkdirSync(dir, { recursive: true, mode: RUNTIME_DIR_MODE });
  if (process.platform !== 'win32') chmodSync(dir, RUNTIME_DIR_MODE);
  const token = newToken();
  const sock = socketPath(dir, options.root);
  const sockets = new Set<Socket>();

  const serve = (socket: Socket): void => {
    sockets.add(socket);
    const controller = new AbortController();
    let buffer = '';
    let handled = false;
    const reply = (r: BridgeResponse): void => {
      if (!socket.destroyed) socket.end(JSON.stringify(r) + '\n');
    };
    socket.on('close', () => {
      sockets.delete(socket);
      controller.abort();
    });
    socket.on('error', () => controller.abort());
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      if (handled) return;
      buffer += chunk;
      if (buffer.length > MAX_MESSAGE_BYTES) return void socket.destroy();
      const nl = buffer.indexOf('\n');
      if (nl < 0) return;
      handled = true;
      let msg: Record<string, unknown>;
      try {
        const parsed: unknown = JSON.parse(buffer.slice(0, nl));
        if (typeof parsed !== 'object' || parsed === null) throw new Error('not an object');
        msg = parsed as Record<string, unknown>;
      } catch {
        return reply({ type: 'error', error: 'malformed request' });
      }
      const id = typeof msg['id'] === 'string' ? msg['id'] : undefined;
      if (!sameToken(msg['token'], token)) return reply({ type: 'error', ...(id !== undefined ? { id } : {}), error: 'bad token' });
      if (msg['type'] === 'ping' && id !== undefined) {
        return reply({ type: 'pong', id, version: BRIDGE_PROTOCOL_VERSION, ...(options.editor !== undefined ? { editor: options.editor } : {}) });
      }
      if (options.onReport && id !== undefined && isReport(msg)) {
        reply({ type: 'ack', id });
        try {
          options.onReport(msg as unknown as ReportRequest);
        } catch {
          /* a recording problem is the editor's, never the hook's */
        }
        return;
      }
      if (!isConfirm(msg) || id === undefined) return reply({ type: 'error', ...(id !== undefined ? { id } : {}), error: 'unknown request' });
      const request = msg as unknown as ConfirmRequest;
      const timer = setTimeout(() => controller.abort(), Math.max(0, request.deadline - Date.now()));
      options.onConfirm(request, controller.signal).then(
        (a) => reply({ type: 'answer', id, answer: a.answer, ...(a.message !== undefined ? { message: a.message } : {}) }),
        (e: unknown) => reply({ type: 'error', id, error: e instanceof Error ? e.message : String(e) }),
      ).finally(() => clearTimeout(timer));
    });
  };

  const server = createServer(serve);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(sock, () => {
      server.off('error', reject);
      resolve();
    });
  });
  if (process.platform !== 'win32') chmodSync(sock, 0o600);
  const publish = (): string =>
    writeRuntimeFile(
      { version: BRIDGE_PROTOCOL_VERSION, root: options.root, socket: sock, token, pid: process.pid, createdAt: new Date().toISOString(), ...(options.editor !== undefined ? { editor: options.editor } : {}) },
      dir,
    );
  const runtimeFile = publish();
  let closed = false;
  return {
    runtimeFile,
    socket: sock,
    republishIfMissing: () => {
      if (closed || existsSync(runtimeFile)) return false;
      publish();
      return true;
    },
    close: async () => {
      closed = true;
      removeRuntimeFile(options.root, token, dir);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (process.platform !== 'win32') rmSync(sock, { force: true });
    },
  };
}

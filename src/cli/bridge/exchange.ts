/**
 * One request, one answer over the bridge socket: send a JSON line, resolve with the first line received, or
 * with timeout / failure. Never throws. No `node:crypto` here (see runtimeLookup.ts).
 */
import { createConnection } from 'node:net';
import { MAX_MESSAGE_BYTES, type BridgeResponse } from '../../shared/bridgeProtocol';

export type Exchange = { readonly kind: 'response'; readonly response: BridgeResponse } | { readonly kind: 'timeout' } | { readonly kind: 'failed'; readonly detail: string };

function isResponse(v: unknown): v is BridgeResponse {
  if (typeof v !== 'object' || v === null) return false;
  const t = (v as { type?: unknown }).type;
  return t === 'answer' || t === 'pong' || t === 'error' || t === 'ack';
}

/** Sends one line and resolves with the first line received, or timeout / failure. */
export function exchange(socketPath: string, message: object, deadline: number): Promise<Exchange> {
  return new Promise((resolve) => {
    let settled = false;
    let buffer = '';
    const socket = createConnection(socketPath);
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


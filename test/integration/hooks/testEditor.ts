/**
 * A minimal editor for tests, written from the protocol description alone (src/shared/bridgeProtocol.ts):
 * publishes its runtime file (0700 directory, 0600 file, name from the root's SHA-256) and answers confirm
 * requests yes, no, or never. Reports (decisions a hook made without a dialog) are kept apart in `reports` and
 * acknowledged, or left unanswered when `ackReports` is false.
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { BRIDGE_PROTOCOL_VERSION, ROOT_KEY_LENGTH } from '../../../src/shared/bridgeProtocol';

export type Mode = 'yes' | 'no' | 'never';

/** A minimal editor: publishes its runtime file and answers confirm requests as told. */
export class TestEditor {
  /** Confirm and ping requests, in order. */
  readonly received: Array<Record<string, unknown>> = [];
  /** Report requests, in order. */
  readonly reports: Array<Record<string, unknown>> = [];
  ackReports = true;
  readonly token = randomBytes(32).toString('hex');
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  readonly dir: string;
  readonly socketPath: string;
  readonly file: string;

  constructor(runtimeBase: string, readonly root: string, public mode: Mode, private readonly acceptToken?: string) {
    this.dir = path.join(runtimeBase, 'agent-guard');
    const key = createHash('sha256').update(path.resolve(root), 'utf8').digest('hex').slice(0, ROOT_KEY_LENGTH);
    this.socketPath = path.join(this.dir, `${key}.sock`);
    this.file = path.join(this.dir, `${key}.json`);
  }

  async start(fileMode = 0o600, socket?: string): Promise<void> {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    fs.chmodSync(this.dir, 0o700);
    this.server = net.createServer((sock) => this.serve(sock));
    await new Promise<void>((resolve) => this.server!.listen(this.socketPath, resolve));
    const runtime = { version: BRIDGE_PROTOCOL_VERSION, root: this.root, socket: socket ?? this.socketPath, token: this.token, pid: process.pid, createdAt: new Date().toISOString(), editor: 'test editor' };
    fs.writeFileSync(this.file, JSON.stringify(runtime), { mode: fileMode });
    fs.chmodSync(this.file, fileMode);
  }

  private serve(sock: net.Socket): void {
    this.sockets.add(sock);
    sock.on('close', () => this.sockets.delete(sock));
    sock.on('error', () => undefined);
    let buffer = '';
    sock.setEncoding('utf8').on('data', (d: string) => {
      buffer += d;
      const nl = buffer.indexOf('\n');
      if (nl < 0) return;
      const msg = JSON.parse(buffer.slice(0, nl)) as Record<string, unknown>;
      if (msg['type'] === 'report') {
        this.reports.push(msg);
        if (this.ackReports) sock.end(JSON.stringify({ type: 'ack', id: msg['id'] }) + '\n');
        return;
      }
      this.received.push(msg);
      if (msg['token'] !== (this.acceptToken ?? this.token)) {
        sock.end(JSON.stringify({ type: 'error', id: msg['id'], error: 'bad token' }) + '\n');
        return;
      }
      if (msg['type'] === 'ping') {
        sock.end(JSON.stringify({ type: 'pong', id: msg['id'], version: BRIDGE_PROTOCOL_VERSION, editor: 'test editor' }) + '\n');
        return;
      }
      if (this.mode === 'yes') sock.end(JSON.stringify({ type: 'answer', id: msg['id'], answer: 'allow' }) + '\n');
      else if (this.mode === 'no') sock.end(JSON.stringify({ type: 'answer', id: msg['id'], answer: 'deny', message: 'not on a Friday' }) + '\n');
      // never: keep the connection open without answering
    });
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

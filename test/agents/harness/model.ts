/**
 * The scripted model server for one agent run: an HTTP server on a free loopback port that answers in one wire
 * format from a script of tool calls, and logs every request it gets (what the agent showed the model,
 * including the reason a hook gave for a denied call).
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ModelRequest, ScriptedCall, WireFormat } from './wire/types';

export class ScriptedModel {
  readonly requests: ModelRequest[] = [];
  private server: http.Server | undefined;

  constructor(
    private readonly wire: WireFormat,
    private readonly script: readonly ScriptedCall[],
    /** Every request is also appended here as one JSON line, for a person reading a failed run. */
    private readonly logFile: string,
  ) {}

  /** Starts listening on 127.0.0.1 and resolves the port. */
  start(): Promise<number> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (d: Buffer) => chunks.push(d));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(body);
        } catch {
          json = undefined;
        }
        const logged: ModelRequest = { method: req.method ?? '', url: req.url ?? '', body, json };
        this.requests.push(logged);
        fs.appendFileSync(this.logFile, JSON.stringify({ method: logged.method, url: logged.url, body }) + '\n');
        try {
          this.wire.answer(logged, this.script, res);
        } catch (e) {
          res.writeHead(500);
          res.end(String(e));
        }
      });
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  }

  /** The tool results of the most complete conversation turn the agent sent: result i belongs to script call i. */
  toolResults(): string[] {
    let best: string[] = [];
    for (const r of this.requests) {
      const results = this.wire.toolResults(r);
      if (results && results.length > best.length) best = results;
    }
    return best;
  }

  close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return Promise.resolve();
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  }
}

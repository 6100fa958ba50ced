/**
 * Several processes (as several VS Code windows would) append to one audit log at the same moment while another
 * one keeps applying retention and reading: afterwards every line parses and no entry is lost or duplicated.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAuditLine, serializeAuditEntry } from '../../../../src/vscode/audit/auditEntry';
import { AuditLog } from '../../../../src/vscode/audit/auditLog';
import { auditEntry } from './fixtures';

const WORKER = path.join(__dirname, 'appendWorker.ts');
const WRITERS = 4;
const PER_WRITER = 400;

interface Exit {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(args: readonly string[]): { done: Promise<Exit> } {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { done: new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr }))) };
}

describe('audit log under concurrent writers', function () {
  this.timeout(120_000);
  let scratch: string;
  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-guard-audit-concurrency-'));
  });
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it(`${WRITERS} processes × ${PER_WRITER} appends while another applies retention: every line parses, none lost`, async () => {
    const dir = path.join(scratch, 'audit');
    fs.mkdirSync(dir, { recursive: true });
    const expired = ['audit-2020-01-01.jsonl', 'audit-2020-01-02.jsonl'];
    for (const name of expired) fs.writeFileSync(path.join(dir, name), serializeAuditEntry(auditEntry({ time: '2020-01-01T00:00:00.000Z' })));
    const go = path.join(scratch, 'go');
    const stop = path.join(scratch, 'stop');

    const writers = Array.from({ length: WRITERS }, (_, worker) => run([dir, go, 'append', String(worker), String(PER_WRITER)]));
    const retention = run([dir, go, 'retention', stop]);
    fs.writeFileSync(go, '');
    const writerExits = await Promise.all(writers.map((w) => w.done));
    fs.writeFileSync(stop, '');
    const retentionExit = await retention.done;

    for (const exit of [...writerExits, retentionExit]) assert.equal(exit.code, 0, exit.stderr);
    assert.ok((JSON.parse(retentionExit.stdout) as { passes: number }).passes >= 1);
    for (const name of expired) assert.ok(!fs.existsSync(path.join(dir, name)), `${name} survived retention`);

    const lines = fs
      .readdirSync(dir)
      .flatMap((name) => fs.readFileSync(path.join(dir, name), 'utf8').split('\n'))
      .filter((line) => line !== '');
    const unparsed = lines.filter((line) => parseAuditLine(line) === undefined);
    assert.deepEqual(unparsed.map((line) => line.slice(0, 120)), [], 'torn or interleaved lines');
    const seen = new Map<string, number>();
    for (const line of lines) {
      const id = /^worker-\d+-seq-\d+/.exec(parseAuditLine(line)!.subject)?.[0] ?? '';
      seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    const missing: string[] = [];
    for (let worker = 0; worker < WRITERS; worker++) {
      for (let seq = 0; seq < PER_WRITER; seq++) if (seen.get(`worker-${worker}-seq-${seq}`) !== 1) missing.push(`worker-${worker}-seq-${seq}`);
    }
    assert.deepEqual(missing, [], 'lost or duplicated entries');
    assert.equal(lines.length, WRITERS * PER_WRITER);

    const read = await new AuditLog(dir).read(90);
    assert.equal(read.entries.length, WRITERS * PER_WRITER);
    assert.equal(read.skipped, 0);
  });
});

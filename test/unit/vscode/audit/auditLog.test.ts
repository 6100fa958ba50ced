import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_LINE_BYTES, serializeAuditEntry } from '../../../../src/vscode/audit/auditEntry';
import { AuditLog } from '../../../../src/vscode/audit/auditLog';
import { auditEntry } from './fixtures';

describe('audit log on disk', () => {
  let scratch: string;
  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-guard-audit-'));
  });
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  const at = (iso: string) => () => new Date(iso);

  it('appends one line per entry to the day file, in order, in a private folder and file', async () => {
    const dir = path.join(scratch, 'audit');
    const log = new AuditLog(dir, at('2026-11-27T10:00:00.000Z'));
    await Promise.all(['one', 'two', 'three'].map((subject) => log.append(auditEntry({ subject }))));
    const file = path.join(dir, 'audit-2026-11-27.jsonl');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    assert.deepEqual(lines.map((line) => (line === '' ? '' : (JSON.parse(line) as { subject: string }).subject)), ['one', 'two', 'three', '']);
    assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
  });

  it('reads every day file oldest first, drops entries out of retention, skips garbage lines and stray files, leaves a line still being written', async () => {
    const dir = path.join(scratch, 'audit');
    fs.mkdirSync(dir);
    const write = (name: string, text: string): void => fs.writeFileSync(path.join(dir, name), text);
    write('audit-2026-11-26.jsonl', serializeAuditEntry(auditEntry({ subject: 'yesterday', time: '2026-11-26T09:00:00.000Z' })) + '{"time":"2026-11-26T0');
    write('audit-2026-11-27.jsonl', serializeAuditEntry(auditEntry({ subject: 'today', time: '2026-11-27T09:00:00.000Z' })) + 'garbage\n');
    write('audit-2026-08-29.jsonl', serializeAuditEntry(auditEntry({ subject: 'too old', time: '2026-08-29T11:00:00.000Z' })) + serializeAuditEntry(auditEntry({ subject: 'just kept', time: '2026-08-29T13:00:00.000Z' })));
    write('notes.txt', 'not a log\n');
    const log = new AuditLog(dir, at('2026-11-27T12:00:00.000Z'));
    const result = await log.read(90);
    assert.deepEqual(result.entries.map((e) => e.subject), ['just kept', 'yesterday', 'today']);
    assert.equal(result.skipped, 1, 'the garbage line; the last line of 11-26 has no newline yet: not an entry, not garbage');
    assert.deepEqual(result.errors, []);
    assert.equal((await log.read()).entries.length, 4, 'without a retention everything is read');
  });

  it('reads an absent folder as an empty log', async () => {
    assert.deepEqual(await new AuditLog(path.join(scratch, 'nothing')).read(90), { entries: [], skipped: 0, errors: [], reread: [] });
  });

  it('retention deletes only day files entirely out of retention', async () => {
    const dir = path.join(scratch, 'audit');
    fs.mkdirSync(dir);
    for (const name of ['audit-2026-08-27.jsonl', 'audit-2026-08-28.jsonl', 'audit-2026-08-29.jsonl', 'audit-2026-11-27.jsonl', 'keep.me']) fs.writeFileSync(path.join(dir, name), '');
    const log = new AuditLog(dir, at('2026-11-27T12:00:00.000Z'));
    assert.deepEqual(await log.applyRetention(90), ['audit-2026-08-27.jsonl', 'audit-2026-08-28.jsonl']);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['audit-2026-08-29.jsonl', 'audit-2026-11-27.jsonl', 'keep.me']);
    assert.deepEqual(await log.applyRetention(90), [], 'a second pass has nothing left to do');
  });

  it('a huge entry is still written as one line within the limit', async () => {
    const dir = path.join(scratch, 'audit');
    const log = new AuditLog(dir, at('2026-11-27T10:00:00.000Z'));
    await log.append(auditEntry({ subject: 'y'.repeat(50_000) }));
    const text = fs.readFileSync(path.join(dir, 'audit-2026-11-27.jsonl'), 'utf8');
    assert.ok(Buffer.byteLength(text) <= MAX_LINE_BYTES);
    const { entries } = await log.read();
    assert.equal(entries[0]?.truncated, true);
  });

  it('a failed write rejects that append and later appends still work', async () => {
    const blocked = path.join(scratch, 'file-not-folder');
    fs.writeFileSync(blocked, '');
    const log = new AuditLog(path.join(blocked, 'audit'));
    await assert.rejects(log.append(auditEntry()));
    await assert.rejects(log.append(auditEntry()), 'still failing, but not stuck');
    const good = new AuditLog(path.join(scratch, 'ok'));
    await good.append(auditEntry());
    assert.equal((await good.read()).entries.length, 1);
  });
});

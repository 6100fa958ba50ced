import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { serializeAuditEntry } from '../../../../src/vscode/audit/auditEntry';
import { AuditFollower } from '../../../../src/vscode/audit/auditFollower';
import { AuditLog } from '../../../../src/vscode/audit/auditLog';
import { auditEntry } from './fixtures';

const TODAY = 'audit-2026-11-27.jsonl';
const YESTERDAY = 'audit-2026-11-26.jsonl';
const NOW = (): Date => new Date('2026-11-27T12:00:00.000Z');

/** One serialised line for `subject`, at `time` (today by default). */
function line(subject: string, time = '2026-11-27T10:00:00.000Z'): string {
  return serializeAuditEntry(auditEntry({ subject, time }));
}

describe('audit follower: reading only what was appended, on real files', () => {
  let dir: string;
  let follower: AuditFollower;
  const file = (name = TODAY): string => path.join(dir, name);
  const subjects = async (): Promise<string[]> => (await follower.refresh()).entries.map((entry) => entry.subject);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-guard-follow-'));
    follower = new AuditFollower(dir, NOW);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('appends: each refresh adds the lines written since the last one, in order', async () => {
    fs.writeFileSync(file(), line('one') + line('two'));
    assert.deepEqual(await subjects(), ['one', 'two']);
    fs.appendFileSync(file(), line('three'));
    assert.deepEqual(await subjects(), ['one', 'two', 'three']);
    assert.deepEqual(await subjects(), ['one', 'two', 'three'], 'nothing new: the same entries, none twice');
  });

  it('reads only the appended bytes: a change to an earlier line of the same size goes unseen, a full read sees it', async () => {
    fs.writeFileSync(file(), line('one') + line('two'));
    await follower.refresh();
    const text = fs.readFileSync(file(), 'utf8').replace('"one"', '"ONE"'); // same length, same last byte
    fs.writeFileSync(file(), text);
    fs.appendFileSync(file(), line('three'));
    assert.deepEqual(await subjects(), ['one', 'two', 'three']);
    assert.deepEqual((await new AuditFollower(dir, NOW).refresh()).entries.map((e) => e.subject), ['ONE', 'two', 'three']);
  });

  it('a partial last line is kept until its newline arrives, then read once, and is never counted as unreadable', async () => {
    const third = line('three');
    fs.writeFileSync(file(), line('one') + third.slice(0, 25));
    const first = await follower.refresh();
    assert.deepEqual(first.entries.map((e) => e.subject), ['one']);
    assert.equal(first.skipped, 0);
    fs.appendFileSync(file(), third.slice(25, 40));
    assert.deepEqual(await subjects(), ['one']);
    fs.appendFileSync(file(), third.slice(40) + line('four'));
    const done = await follower.refresh();
    assert.deepEqual(done.entries.map((e) => e.subject), ['one', 'three', 'four']);
    assert.equal(done.skipped, 0);
  });

  it('a multi-byte character split between two appends is read whole', async () => {
    const text = line('echo ✓ “done” 😀');
    const bytes = Buffer.from(text, 'utf8');
    const cut = bytes.indexOf(Buffer.from('😀', 'utf8')) + 2; // inside the 4-byte character
    fs.writeFileSync(file(), bytes.subarray(0, cut));
    assert.deepEqual(await subjects(), []);
    fs.appendFileSync(file(), bytes.subarray(cut));
    assert.deepEqual(await subjects(), ['echo ✓ “done” 😀']);
  });

  it('rotation: another file under the same name (new inode) is read from its start', async () => {
    fs.writeFileSync(file(), line('old one') + line('old two'));
    await follower.refresh();
    fs.renameSync(file(), path.join(dir, 'rotated.jsonl.1'));
    fs.writeFileSync(file(), line('new one') + line('new two') + line('new three'));
    const after = await follower.refresh();
    assert.deepEqual(after.entries.map((e) => e.subject), ['new one', 'new two', 'new three']);
    assert.deepEqual(after.reread, [`${TODAY}: replaced`]);
  });

  it('truncation: a file shorter than what was read is read from its start', async () => {
    fs.writeFileSync(file(), line('one') + line('two') + line('three'));
    await follower.refresh();
    fs.truncateSync(file(), 0);
    fs.appendFileSync(file(), line('after'));
    const after = await follower.refresh();
    assert.deepEqual(after.entries.map((e) => e.subject), ['after']);
    assert.deepEqual(after.reread, [`${TODAY}: truncated`]);
  });

  it('truncation followed by more writes than before (the file grew past the old end) is still told and read anew', async () => {
    fs.writeFileSync(file(), line('one'));
    await follower.refresh();
    fs.truncateSync(file(), 0);
    fs.appendFileSync(file(), line('a much longer command written after the truncation') + line('b'));
    const after = await follower.refresh();
    assert.deepEqual(after.entries.map((e) => e.subject), ['a much longer command written after the truncation', 'b']);
    assert.deepEqual(after.reread, [`${TODAY}: rewritten`]);
  });

  it('a new day file is read, a day file deleted by retention is forgotten', async () => {
    fs.writeFileSync(file(YESTERDAY), line('yesterday', '2026-11-26T10:00:00.000Z'));
    assert.deepEqual(await subjects(), ['yesterday']);
    fs.writeFileSync(file(), line('today'));
    assert.deepEqual(await subjects(), ['yesterday', 'today']);
    fs.unlinkSync(file(YESTERDAY));
    assert.deepEqual(await subjects(), ['today']);
  });

  it('garbage lines are counted once, when read, not again on later refreshes', async () => {
    fs.writeFileSync(file(), line('one') + 'garbage\n');
    assert.equal((await follower.refresh()).skipped, 1);
    fs.appendFileSync(file(), line('two'));
    const later = await follower.refresh();
    assert.equal(later.skipped, 0);
    assert.deepEqual(later.entries.map((e) => e.subject), ['one', 'two']);
  });

  it('entries come out oldest first across files and writers, and retention applies at every refresh', async () => {
    fs.writeFileSync(file(YESTERDAY), line('late yesterday', '2026-11-26T23:59:59.000Z'));
    fs.writeFileSync(file(), line('b', '2026-11-27T10:00:02.000Z') + line('a', '2026-11-27T10:00:01.000Z'));
    assert.deepEqual(await subjects(), ['late yesterday', 'a', 'b']);
    fs.writeFileSync(file('audit-2026-08-29.jsonl'), line('too old', '2026-08-29T11:00:00.000Z') + line('just kept', '2026-08-29T13:00:00.000Z'));
    assert.deepEqual((await follower.refresh(90)).entries.map((e) => e.subject), ['just kept', 'late yesterday', 'a', 'b']);
    assert.equal((await follower.refresh()).entries.length, 5, 'without a retention everything is kept');
  });

  it('refreshes asked for at once run one after another: no line is read twice', async () => {
    fs.writeFileSync(file(), line('one'));
    const first = follower.refresh();
    fs.appendFileSync(file(), line('two'));
    const [a, b, c] = await Promise.all([first, follower.refresh(), follower.refresh()]);
    // the first may or may not have seen the append (its read races with it), but never a line twice
    assert.ok(['one', 'one,two'].includes(a.entries.map((e) => e.subject).join(',')), a.entries.map((e) => e.subject).join(','));
    assert.deepEqual(b.entries.map((e) => e.subject), ['one', 'two']);
    assert.deepEqual(c.entries.map((e) => e.subject), ['one', 'two']);
  });

  it("follows AuditLog's own appends", async () => {
    const log = new AuditLog(dir, NOW);
    const following = log.follow();
    await log.append(auditEntry({ subject: 'first' }));
    assert.deepEqual((await following.refresh()).entries.map((e) => e.subject), ['first']);
    await Promise.all(['second', 'third'].map((subject) => log.append(auditEntry({ subject }))));
    assert.deepEqual((await following.refresh()).entries.map((e) => e.subject), ['first', 'second', 'third']);
  });

  it('an absent folder is an empty log, and a folder that appears later is read', async () => {
    const later = new AuditFollower(path.join(dir, 'not-yet'), NOW);
    assert.deepEqual(await later.refresh(), { entries: [], skipped: 0, errors: [], reread: [] });
    fs.mkdirSync(path.join(dir, 'not-yet'));
    fs.writeFileSync(path.join(dir, 'not-yet', TODAY), line('now'));
    assert.deepEqual((await later.refresh()).entries.map((e) => e.subject), ['now']);
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readFileState, sha256, SnapshotStore, type SnapshotReason, type StoreLimits } from '../../../../src/vscode/protect/snapshotStore';

/** Bytes that are not valid UTF-8 (0xff, 0xfe, a lone continuation byte) and a NUL, to catch any text decoding. */
const BINARY = Buffer.from([0x41, 0xff, 0xfe, 0x00, 0x80, 0x0a, 0x42]);

describe('snapshot store', () => {
  let scratch: string;
  let work: string;
  let storeDir: string;

  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-snapshots-'));
    work = path.join(scratch, 'ws');
    storeDir = path.join(scratch, 'store');
    fs.mkdirSync(work);
  });
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  function file(name: string, bytes: Uint8Array | string, mode = 0o644): string {
    const abs = path.join(work, name);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, bytes);
    fs.chmodSync(abs, mode);
    return abs;
  }

  function blobs(): string[] {
    const dir = path.join(storeDir, 'blobs');
    return fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => !n.endsWith('.tmp')).sort() : [];
  }

  it('copies bytes exactly (non-UTF-8, NUL) with the permission bits, and reads them back checked against the hash', () => {
    const abs = file('.env', BINARY, 0o640);
    const store = new SnapshotStore(storeDir);
    const entry = store.capture(abs, 'baseline');
    assert.ok(typeof entry !== 'string');
    assert.equal(entry.hash, sha256(BINARY));
    assert.equal(entry.mode, 0o640);
    assert.equal(entry.size, BINARY.length);
    assert.deepEqual(store.read(entry), BINARY);
    assert.deepEqual(blobs(), [sha256(BINARY)]);
  });

  it('stores each content once, and an unchanged file adds no entry', () => {
    const a = file('a/.env', 'SECRET=1\n');
    const b = file('b/.env', 'SECRET=1\n');
    const store = new SnapshotStore(storeDir);
    const first = store.capture(a, 'baseline');
    assert.equal(store.capture(a, 'before-save'), first, 'same content, same entry');
    store.capture(b, 'baseline');
    assert.equal(store.all().length, 2);
    assert.equal(blobs().length, 1);
  });

  it('survives a restart: the index is read back, ids keep increasing', () => {
    const abs = file('.env', 'one');
    const first = new SnapshotStore(storeDir);
    const e1 = first.capture(abs, 'baseline');
    fs.writeFileSync(abs, 'two');
    const second = new SnapshotStore(storeDir);
    assert.deepEqual(second.latest(abs), e1);
    const e2 = second.capture(abs, 'saved');
    assert.ok(typeof e1 !== 'string' && typeof e2 !== 'string');
    assert.ok(e2.id > e1.id);
    assert.deepEqual(second.read(e2), Buffer.from('two'));
  });

  it('an unreadable index is set aside, not trusted and not deleted', () => {
    fs.mkdirSync(storeDir, { recursive: true });
    fs.writeFileSync(path.join(storeDir, 'index.json'), '{ not json');
    const store = new SnapshotStore(storeDir);
    assert.equal(store.all().length, 0);
    assert.ok(fs.readdirSync(storeDir).some((n) => n.startsWith('index.json.unreadable-')));
  });

  it('a damaged copy reads as missing rather than as wrong bytes', () => {
    const abs = file('.env', 'good');
    const store = new SnapshotStore(storeDir);
    const entry = store.capture(abs, 'baseline');
    assert.ok(typeof entry !== 'string' && entry.hash);
    fs.writeFileSync(path.join(storeDir, 'blobs', entry.hash), 'evil');
    assert.equal(store.read(entry), undefined);
  });

  const states: Array<{ name: string; make: (abs: string) => void; kind: string }> = [
    { name: 'a file', make: (abs) => fs.writeFileSync(abs, 'x'), kind: 'file' },
    { name: 'nothing', make: () => undefined, kind: 'absent' },
    { name: 'a folder', make: (abs) => fs.mkdirSync(abs), kind: 'not-a-file' },
    { name: 'a file over the size bound', make: (abs) => fs.writeFileSync(abs, Buffer.alloc(11)), kind: 'too-large' },
    { name: 'a path under a file (ENOTDIR)', make: () => undefined, kind: 'absent' },
  ];
  for (const s of states) {
    it(`readFileState of ${s.name} → ${s.kind}`, () => {
      const abs = s.name.includes('ENOTDIR') ? path.join(file('plain', 'p'), 'child') : path.join(work, 'target');
      s.make(abs);
      assert.equal(readFileState(abs, 10).kind, s.kind);
    });
  }

  it('records an absence, and what is too large or not a file is not copied', () => {
    const store = new SnapshotStore(storeDir, { maxFileBytes: 4, maxVersionsPerFile: 5, maxTotalBytes: 100 });
    const gone = path.join(work, 'gone');
    const absent = store.capture(gone, 'kept');
    assert.ok(typeof absent !== 'string');
    assert.equal(absent.hash, null);
    assert.equal(store.read(absent), undefined);
    assert.equal(store.capture(file('big', '12345'), 'baseline'), 'too-large');
    fs.mkdirSync(path.join(work, 'dir'));
    assert.equal(store.capture(path.join(work, 'dir'), 'baseline'), 'not-a-file');
  });

  it('the accepted state ignores unanswered changes and the copies a restore replaced', () => {
    const abs = file('.env', 'v1');
    const store = new SnapshotStore(storeDir);
    const base = store.capture(abs, 'baseline');
    fs.writeFileSync(abs, 'v2');
    store.capture(abs, 'observed');
    store.capture(abs, 'before-restore');
    assert.equal(store.baseline(abs), base);
    assert.equal(store.latest(abs)?.reason, 'observed', 'before-restore of the same content adds nothing');
    const kept = store.capture(abs, 'kept');
    assert.ok(typeof kept !== 'string');
    assert.equal(kept.reason, 'kept', 'keeping the observed content makes it the accepted state');
    assert.equal(store.baseline(abs), kept);
  });

  const bounds: Array<{ name: string; limits: StoreLimits; writes: Array<[string, string, SnapshotReason]>; left: string[] }> = [
    {
      name: 'versions per file: the oldest go first',
      limits: { maxFileBytes: 100, maxVersionsPerFile: 2, maxTotalBytes: 1000 },
      writes: [['a', '1', 'baseline'], ['a', '2', 'saved'], ['a', '3', 'saved'], ['b', '4', 'baseline']],
      left: ['a:2', 'a:3', 'b:4'],
    },
    {
      name: 'versions per file: the accepted state stays while newer unanswered changes pile up',
      limits: { maxFileBytes: 100, maxVersionsPerFile: 2, maxTotalBytes: 1000 },
      writes: [['a', '1', 'baseline'], ['a', '2', 'observed'], ['a', '3', 'observed']],
      left: ['a:1', 'a:3'],
    },
    {
      name: 'total bytes: the oldest non-newest versions go first, across files',
      limits: { maxFileBytes: 100, maxVersionsPerFile: 10, maxTotalBytes: 12 },
      writes: [['a', 'aaaa', 'baseline'], ['b', 'bbbb', 'baseline'], ['a', 'AAAA', 'saved'], ['b', 'BBBB', 'saved']],
      left: ['a:AAAA', 'b:bbbb', 'b:BBBB'],
    },
    {
      name: 'total bytes: when only newest versions are left, the oldest file goes',
      limits: { maxFileBytes: 100, maxVersionsPerFile: 10, maxTotalBytes: 8 },
      writes: [['a', 'aaaa', 'baseline'], ['b', 'bbbb', 'baseline'], ['c', 'cccc', 'baseline']],
      left: ['b:bbbb', 'c:cccc'],
    },
    {
      name: 'a content shared by two files counts once',
      limits: { maxFileBytes: 100, maxVersionsPerFile: 10, maxTotalBytes: 4 },
      writes: [['a', 'same', 'baseline'], ['b', 'same', 'baseline']],
      left: ['a:same', 'b:same'],
    },
  ];
  for (const c of bounds) {
    it(`bounds — ${c.name}`, () => {
      const store = new SnapshotStore(storeDir, c.limits);
      for (const [name, content, reason] of c.writes) {
        const abs = file(name, content);
        store.capture(abs, reason);
      }
      const left = store.all().reverse().map((e) => `${path.basename(e.path)}:${store.read(e)?.toString() ?? '?'}`);
      assert.deepEqual(left.sort(), [...c.left].sort());
      assert.ok(store.totalBytes() <= c.limits.maxTotalBytes);
      const live = new Set(store.all().map((e) => e.hash));
      assert.deepEqual(blobs(), [...live].filter((h): h is string => h !== null).sort(), 'copies nobody refers to are deleted');
    });
  }
});

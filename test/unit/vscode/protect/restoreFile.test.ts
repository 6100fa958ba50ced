import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ExpectedWrites } from '../../../../src/vscode/protect/changeBookkeeping';
import { keepFile, restoreFile } from '../../../../src/vscode/protect/restoreFile';
import { sha256, SnapshotStore, type SnapshotEntry } from '../../../../src/vscode/protect/snapshotStore';

const ORIGINAL = Buffer.from([0x53, 0x45, 0x43, 0x52, 0x45, 0x54, 0x3d, 0xff, 0xfe, 0x00, 0x0a]);
const CHANGED = Buffer.from('SECRET=leaked-by-agent\n');

describe('restoring a protected file', () => {
  let scratch: string;
  let abs: string;
  let store: SnapshotStore;
  let original: SnapshotEntry;

  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-restore-'));
    abs = path.join(scratch, 'ws', 'config', '.env');
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, ORIGINAL, { mode: 0o600 });
    fs.chmodSync(abs, 0o600);
    store = new SnapshotStore(path.join(scratch, 'store'));
    const entry = store.capture(abs, 'baseline');
    assert.ok(typeof entry !== 'string');
    original = entry;
  });
  afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

  const damage: Array<{ name: string; act: () => void; replaced: Buffer | undefined }> = [
    { name: 'deleted', act: () => fs.rmSync(abs), replaced: undefined },
    { name: 'changed', act: () => fs.writeFileSync(abs, CHANGED), replaced: CHANGED },
    { name: 'changed and made world-readable', act: () => { fs.writeFileSync(abs, CHANGED); fs.chmodSync(abs, 0o644); }, replaced: CHANGED },
    { name: 'its folder removed', act: () => fs.rmSync(path.dirname(abs), { recursive: true }), replaced: undefined },
    { name: 'replaced by a symlink target change (content differs)', act: () => { fs.rmSync(abs); fs.writeFileSync(`${abs}.other`, CHANGED); fs.symlinkSync(`${abs}.other`, abs); }, replaced: CHANGED },
  ];
  for (const d of damage) {
    it(`${d.name} → restored byte-identical with its mode, and the replaced content is kept`, () => {
      d.act();
      const expected = new ExpectedWrites();
      const result = restoreFile(store, abs, original, expected, 1000);
      assert.ok(result.ok, result.ok ? '' : result.reason);
      assert.deepEqual(fs.readFileSync(abs), ORIGINAL);
      assert.equal(fs.statSync(abs).mode & 0o7777, 0o600);
      assert.equal(result.restored.hash, original.hash);
      assert.equal(store.baseline(abs)?.hash, original.hash, 'the restored content is the accepted state again');
      if (d.replaced) {
        assert.ok(result.replaced);
        assert.deepEqual(store.read(result.replaced), d.replaced, 'nothing is lost: the replaced content is a copy');
      } else {
        assert.equal(result.replaced, undefined);
      }
      assert.equal(expected.consume(abs, sha256(ORIGINAL), 1001), true, 'the restore is announced as our own write');
    });
  }

  it('restoring the copy a restore replaced gets the change back (undo of the undo)', () => {
    fs.writeFileSync(abs, CHANGED);
    const first = restoreFile(store, abs, original, new ExpectedWrites());
    assert.ok(first.ok && first.replaced);
    const back = restoreFile(store, abs, first.replaced, new ExpectedWrites());
    assert.ok(back.ok);
    assert.deepEqual(fs.readFileSync(abs), CHANGED);
  });

  it('a file that did not exist before is removed, keeping a copy', () => {
    const created = path.join(scratch, 'ws', '.env.production');
    fs.writeFileSync(created, CHANGED);
    const expected = new ExpectedWrites();
    const result = restoreFile(store, created, undefined, expected, 0);
    assert.ok(result.ok && result.replaced);
    assert.equal(fs.existsSync(created), false);
    assert.deepEqual(store.read(result.replaced), CHANGED);
    assert.equal(store.baseline(created)?.hash, null, 'recorded as absent');
    assert.equal(expected.consume(created, 'absent', 1), true);
  });

  const refusals: Array<{ name: string; act: () => void; reason: RegExp }> = [
    { name: 'the current content is too large to copy', act: () => fs.writeFileSync(abs, Buffer.alloc(2 * 1024 * 1024 + 1)), reason: /too large/ },
    { name: 'a folder now stands at the path', act: () => { fs.rmSync(abs); fs.mkdirSync(abs); }, reason: /folder/ },
    { name: 'the saved copy is damaged', act: () => fs.writeFileSync(path.join(scratch, 'store', 'blobs', original.hash!), 'x'), reason: /missing or damaged/ },
  ];
  for (const r of refusals) {
    it(`refuses when ${r.name}, and leaves the file alone`, () => {
      r.act();
      const before = fs.statSync(abs).isFile() ? fs.readFileSync(abs) : undefined;
      const result = restoreFile(store, abs, original, new ExpectedWrites());
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.reason, r.reason);
      if (before) assert.deepEqual(fs.readFileSync(abs), before);
    });
  }

  it('Keep makes the current content (or absence) the accepted state', () => {
    fs.writeFileSync(abs, CHANGED);
    const kept = keepFile(store, abs);
    assert.ok(typeof kept !== 'string');
    assert.equal(store.baseline(abs)?.hash, sha256(CHANGED));
    fs.rmSync(abs);
    const gone = keepFile(store, abs);
    assert.ok(typeof gone !== 'string');
    assert.equal(gone.hash, null);
  });
});

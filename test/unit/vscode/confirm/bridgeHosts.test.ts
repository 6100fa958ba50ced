/**
 * The bridge hosts with real sockets and runtime files in a scratch runtime directory, reached through the real
 * hook-side client (src/cli/bridge/client.ts).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { askEditor, pingEditor } from '../../../../src/cli/bridge/client';
import { reportToEditor } from '../../../../src/cli/bridge/reportClient';
import { findRuntimeFile, runtimeFilePath } from '../../../../src/cli/bridge/runtimeFile';
import type { ConfirmRequest, ReportRequest } from '../../../../src/shared/bridgeProtocol';
import { BridgeHosts } from '../../../../src/vscode/confirm/bridgeHosts';
import { PROTECTED } from './fixtures';

describe('bridge hosts: one server per workspace folder', function () {
  this.timeout(20_000);
  let scratch: string;
  let runtime: string;
  let a: string;
  let b: string;
  const confirms: ConfirmRequest[] = [];
  const reports: ReportRequest[] = [];
  let hosts: BridgeHosts;

  beforeEach(() => {
    scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ag-hosts-')));
    runtime = path.join(scratch, 'run', 'agent-guard');
    a = path.join(scratch, 'a');
    b = path.join(scratch, 'b');
    confirms.length = 0;
    reports.length = 0;
    hosts = new BridgeHosts({
      runtimeDir: runtime,
      editor: 'unit test',
      onConfirm: (request) => {
        confirms.push(request);
        return Promise.resolve({ answer: request.root === a ? 'allow' : 'deny' });
      },
      onReport: (request) => reports.push(request),
    });
  });
  afterEach(async () => {
    await hosts.dispose();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  const ask = (root: string): ReturnType<typeof askEditor> =>
    askEditor({ root, agent: 'claude', tool: 'Bash', actions: [{ kind: 'command', command: 'rm -rf victim', cwd: root }], verdict: PROTECTED, deadline: Date.now() + 5000, runtimeDir: runtime });

  it('publishes a private runtime file per folder, each with its own token, answering for its own folder', async () => {
    await hosts.sync([a, b]);
    const fa = findRuntimeFile(a, runtime);
    const fb = findRuntimeFile(b, runtime);
    assert.ok(fa.file && fb.file);
    assert.notEqual(fa.file.token, fb.file.token);
    assert.equal(fs.statSync(fa.path).mode & 0o777, 0o600);
    assert.equal(fs.statSync(runtime).mode & 0o777, 0o700);
    assert.deepEqual(await ask(a), { kind: 'allow' });
    assert.deepEqual(await ask(path.join(b, 'sub')), { kind: 'deny' }, 'a sub-folder reaches its folder\'s window');
    assert.deepEqual(confirms.map((c) => c.root), [a, b]);
    const pong = await pingEditor(fa.file);
    assert.ok(pong.ok && pong.pong.editor === 'unit test');
  });

  it('a folder closed stops its server and removes its runtime file; one opened starts one', async () => {
    await hosts.sync([a, b]);
    await hosts.sync([a]);
    assert.ok(!fs.existsSync(runtimeFilePath(b, runtime)));
    assert.equal((await ask(b)).kind, 'absent');
    await hosts.sync([a, b]);
    assert.deepEqual(await ask(b), { kind: 'deny' });
    assert.equal((await hosts.runtimeFiles()).size, 2);
  });

  it('reports reach the flow and are acknowledged', async () => {
    await hosts.sync([a]);
    const result = await reportToEditor({ root: a, agent: 'codex', tool: 'shell', actions: [{ kind: 'command', command: 'git status', cwd: a }], verdict: { decision: 'allow', risk: 'none', reasons: [] }, answer: 'defer', runtimeDir: runtime, budgetMs: 5000 });
    assert.equal(result, 'acknowledged');
    assert.equal(reports.length, 1);
    assert.equal(reports[0]?.agent, 'codex');
  });

  it('a report finds its editor by scanning (no hashing): the folder itself, a sub-folder, never another folder', async () => {
    await hosts.sync([a]);
    const report = (root: string): ReturnType<typeof reportToEditor> =>
      reportToEditor({ root, agent: 'claude', tool: 'Bash', actions: [], verdict: { decision: 'allow', risk: 'none', reasons: [] }, answer: 'defer', runtimeDir: runtime, budgetMs: 5000 });
    assert.equal(await report(a), 'acknowledged');
    assert.equal(await report(path.join(a, 'src', 'deep')), 'acknowledged');
    assert.equal(await report(b), 'no editor');
    assert.equal(await report(path.join(scratch, 'a-sibling')), 'no editor', 'a name prefix is not an ancestor');
    assert.deepEqual(reports.map((r) => r.root), [a, a]);
  });

  it('the same folder in two windows: when the newer window closes, the older one publishes its file again', async () => {
    await hosts.sync([a]);
    const older = findRuntimeFile(a, runtime).file;
    const newer = new BridgeHosts({ runtimeDir: runtime, onConfirm: () => Promise.resolve({ answer: 'deny' }), onReport: () => undefined });
    await newer.sync([a]);
    assert.notEqual(findRuntimeFile(a, runtime).file?.token, older?.token, 'the newer window took the folder over');
    assert.deepEqual(hosts.republishMissing(), [], 'nothing to do while the newer window owns the file');
    await newer.dispose();
    assert.equal((await ask(a)).kind, 'absent');
    assert.equal(hosts.republishMissing().length, 1);
    assert.equal(findRuntimeFile(a, runtime).file?.token, older?.token);
    assert.deepEqual(await ask(a), { kind: 'allow' }, 'hooks reach the older window again');
  });

  it('dispose removes every runtime file before it returns control', async () => {
    await hosts.sync([a, b]);
    const closing = hosts.dispose();
    assert.ok(!fs.existsSync(runtimeFilePath(a, runtime)));
    assert.ok(!fs.existsSync(runtimeFilePath(b, runtime)));
    await closing;
    await hosts.sync([a]);
    assert.ok(!fs.existsSync(runtimeFilePath(a, runtime)), 'a disposed host starts nothing');
  });

  it('a folder whose server cannot start is logged, not thrown', async () => {
    const lines: string[] = [];
    const blocked = path.join(scratch, 'not-a-dir');
    fs.writeFileSync(blocked, '');
    const broken = new BridgeHosts({ runtimeDir: path.join(blocked, 'agent-guard'), onConfirm: () => Promise.resolve({ answer: 'deny' }), onReport: () => undefined, log: (l) => lines.push(l) });
    await broken.sync([a]);
    await broken.dispose();
    assert.match(lines.join('\n'), /confirmations for .* are unavailable/);
  });
});

/**
 * Reports: the built hook tells a running editor about every decision it made WITHOUT a dialog (the policy
 * allowed or denied the call; a confirm handed to the agent's own prompt because the editor refused it), so the
 * person's ledger and audit log see them. Best effort: the answer the agent gets never depends on the report,
 * whether the editor acknowledges it, ignores it, or predates reports.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { startBridgeServer, type BridgeServer } from '../../../src/cli/bridge/server';
import type { ConfirmRequest, ReportRequest } from '../../../src/shared/bridgeProtocol';
import { readAnswer, runHookAsync, scratch, type Effect, type Scratch } from './harness';
import { TestEditor } from './testEditor';

function claude(ws: string, tool: string, input: Record<string, unknown>): string {
  return JSON.stringify({ session_id: 's', cwd: ws, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: tool, tool_input: input, tool_use_id: 't' });
}

const bash = (ws: string, command: string): string => claude(ws, 'Bash', { command });

describe('editor bridge: the hook reports decisions it made without a dialog', function () {
  this.timeout(180_000);
  let s: Scratch;
  let server: BridgeServer;
  const reports: ReportRequest[] = [];
  const confirms: ConfirmRequest[] = [];
  let confirmAnswer: 'allow' | 'refuse' = 'allow';

  before(async () => {
    s = scratch('ag-report-');
    server = await startBridgeServer({
      root: s.ws,
      runtimeDir: path.join(s.runtime, 'agent-guard'),
      onConfirm: (request) => {
        confirms.push(request);
        return confirmAnswer === 'allow' ? Promise.resolve({ answer: 'allow' }) : Promise.reject(new Error('confirmations are off in this editor'));
      },
      onReport: (request) => reports.push(request),
    });
  });
  after(async () => {
    await server.close();
    s.cleanup();
  });
  beforeEach(() => {
    reports.length = 0;
    confirms.length = 0;
    confirmAnswer = 'allow';
  });

  const cases: Array<{ name: string; payload: (ws: string) => string; args?: string[]; effect: Effect; answer: ReportRequest['answer']; decision: string; rule?: string }> = [
    { name: 'an allowed command (no objection, the agent decides)', payload: (ws) => bash(ws, 'git status'), effect: 'none', answer: 'defer', decision: 'allow' },
    { name: 'an allowed command with auto-approve on', payload: (ws) => bash(ws, 'git status'), args: ['--auto-approve'], effect: 'allow', answer: 'allow', decision: 'allow' },
    { name: 'a denied command', payload: (ws) => bash(ws, 'rm -rf /'), effect: 'deny', answer: 'deny', decision: 'deny', rule: 'fs.' },
    { name: 'an allowed file write', payload: (ws) => claude(ws, 'Write', { file_path: path.join(ws, 'src', 'a.ts'), content: 'x' }), effect: 'none', answer: 'defer', decision: 'allow' },
  ];
  for (const c of cases) {
    it(`${c.name} → the agent gets ${c.effect}, the editor one report saying ${c.answer}`, async () => {
      const got = readAnswer('claude', await runHookAsync(s, 'claude', c.payload(s.ws), c.args ?? []));
      assert.equal(got.effect, c.effect);
      assert.equal(confirms.length, 0, 'nobody was asked');
      assert.equal(reports.length, 1);
      const r = reports[0]!;
      assert.equal(r.type, 'report');
      assert.equal(r.agent, 'claude');
      assert.equal(r.root, s.ws);
      assert.equal(r.answer, c.answer);
      assert.equal(r.verdict.decision, c.decision);
      assert.equal(r.actions.length, 1);
      if (c.rule) assert.ok(r.verdict.reasons.some((reason) => reason.rule.startsWith(c.rule!)), JSON.stringify(r.verdict.reasons));
    });
  }

  it('reports the command and where it runs', async () => {
    readAnswer('claude', await runHookAsync(s, 'claude', bash(s.ws, 'rm -rf /')));
    assert.deepEqual(reports[0]?.actions, [{ kind: 'command', command: 'rm -rf /', cwd: s.ws }]);
    assert.equal(reports[0]?.tool, 'Bash');
  });

  it('a read sends nothing (nothing was judged)', async () => {
    const got = readAnswer('claude', await runHookAsync(s, 'claude', claude(s.ws, 'Read', { file_path: path.join(s.ws, 'README.md') })));
    assert.equal(got.effect, 'none');
    assert.deepEqual(reports, []);
  });

  it('a confirm the person answered is not reported again (the editor recorded it)', async () => {
    const got = readAnswer('claude', await runHookAsync(s, 'claude', claude(s.ws, 'Write', { file_path: path.join(s.ws, '.env'), content: 'K=1' })));
    assert.equal(got.effect, 'allow');
    assert.equal(confirms.length, 1);
    assert.deepEqual(reports, []);
  });

  it('a confirm the editor refused goes to the agent\'s own prompt, and that is reported with why', async () => {
    confirmAnswer = 'refuse';
    const got = readAnswer('claude', await runHookAsync(s, 'claude', claude(s.ws, 'Write', { file_path: path.join(s.ws, '.env'), content: 'K=1' })));
    assert.equal(got.effect, 'ask');
    assert.equal(confirms.length, 1);
    assert.equal(reports.length, 1);
    assert.equal(reports[0]?.answer, 'ask');
    assert.equal(reports[0]?.verdict.decision, 'confirm');
    assert.match(reports[0]?.detail ?? '', /confirmations are off/);
  });

  it('the report carries the runtime file\'s token (the server checks it like any request)', async () => {
    // startBridgeServer refuses a bad token; a report that arrived therefore had the right one
    readAnswer('claude', await runHookAsync(s, 'claude', bash(s.ws, 'git status')));
    assert.equal(reports.length, 1);
  });
});

describe('editor bridge: reports never change the answer', function () {
  this.timeout(120_000);
  let s: Scratch;
  before(() => {
    s = scratch('ag-report-edge-');
  });
  after(() => s.cleanup());

  const deny = (ws: string): string => bash(ws, 'rm -rf /');
  const allow = (ws: string): string => bash(ws, 'git status');

  it('an editor that never acknowledges a report: same answers, the report was sent', async () => {
    const editor = new TestEditor(s.runtime, s.ws, 'yes');
    editor.ackReports = false;
    await editor.start();
    try {
      assert.equal(readAnswer('claude', await runHookAsync(s, 'claude', deny(s.ws))).effect, 'deny');
      assert.equal(readAnswer('claude', await runHookAsync(s, 'claude', allow(s.ws))).effect, 'none');
      assert.equal(editor.reports.length, 2);
      assert.equal(editor.received.length, 0);
    } finally {
      await editor.stop();
    }
  });

  it('an editor that predates reports (refuses them): same answers', async () => {
    const server = await startBridgeServer({ root: s.ws, runtimeDir: path.join(s.runtime, 'agent-guard'), onConfirm: () => Promise.resolve({ answer: 'allow' }) });
    try {
      assert.equal(readAnswer('claude', await runHookAsync(s, 'claude', deny(s.ws))).effect, 'deny');
      assert.equal(readAnswer('claude', await runHookAsync(s, 'claude', allow(s.ws))).effect, 'none');
    } finally {
      await server.close();
    }
  });

  it('a stale runtime file (socket gone): same answers', async () => {
    const editor = new TestEditor(s.runtime, s.ws, 'yes');
    await editor.start(0o600, path.join(s.runtime, 'agent-guard', 'gone.sock'));
    try {
      assert.equal(readAnswer('claude', await runHookAsync(s, 'claude', deny(s.ws))).effect, 'deny');
      assert.equal(readAnswer('claude', await runHookAsync(s, 'claude', allow(s.ws))).effect, 'none');
      assert.equal(editor.reports.length, 0);
    } finally {
      await editor.stop();
    }
  });

  it('an editor for another folder only: no report reaches it, same answers', async () => {
    const other = path.join(s.root, 'other');
    const editor = new TestEditor(s.runtime, other, 'yes');
    await editor.start();
    try {
      assert.equal(readAnswer('claude', await runHookAsync(s, 'claude', deny(s.ws))).effect, 'deny');
      assert.equal(editor.reports.length, 0);
    } finally {
      await editor.stop();
    }
  });
});

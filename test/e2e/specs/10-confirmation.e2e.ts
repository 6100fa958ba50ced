/**
 * Stories: an agent's hook asks the person in VS Code. The real hook (`dist/cli.js hook claude`, spawned with the
 * same home and runtime directory as code-server) sends its confirm request over the extension's bridge; the
 * person answers in VS Code's own modal and input box; the hook answers the agent.
 *
 * The agent works in `<workspace>/confirm-e2e`, which has its own `.vscode/agent-guard.json` (the folder
 * `victim/` is protected; kube contexts `prod-*` are production), so other specs keep the plain workspace.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { findRuntimeFile } from '../../../src/cli/bridge/runtimeFile';
import { parseAuditLine, type AuditEntry } from '../../../src/vscode/audit/auditEntry';
import { claudeBash, runClaudeHook, type HookAnswer } from '../harness/agentHook';
import { waitFor } from '../harness/code-server';
import type { Workbench } from '../harness/workbench';
import { auditDir } from '../statusAudit';
import { suiteConfig, workbench } from '../suite';
import { clickDialogButton, focusedDialogButton, isDialogOpen, pressKeyOnDialog, readDialog, readNotification, runCommand, submitInputBox } from '../vscode-dom';

const POLICY = `{
  // written by the E2E confirmation spec
  "version": 1,
  "protectedPaths": ["victim/**"],
  "production": { "kubeContexts": ["prod-*"] }
}
`;
const VICTIM_TEXT = 'precious data\n';
const TYPED_TITLE = 'Agent Guard: Type to Confirm';

interface Context {
  readonly session: Workbench;
  readonly cli: string;
  /** The agent's working folder. */
  readonly project: string;
  readonly victim: string;
}

let ctx: Context;
/** The remote machine settings as they were before this spec (undefined: no such file). */
let originalSettings: string | undefined;

/**
 * Agent Guard's security settings are `machine`-scoped, and in code-server's remote window VS Code reads those
 * from the remote machine settings (`<user-data-dir>/Machine/settings.json`), not from the user settings.
 */
function settingsFile(session: Workbench): string {
  return path.join(session.profile.userDataDir, 'Machine', 'settings.json');
}

/** How far each of the extension's log files (one per extension host) has been read. */
type LogMark = ReadonlyMap<string, number>;

function logMark(session: Workbench): LogMark {
  return new Map(session.extensionLogs().map((log) => [log.file, log.text.length] as const));
}

/** What the extension logged after `mark` (everything without one). */
function ownLog(session: Workbench, mark: LogMark = new Map()): string {
  return session.extensionLogs().map((log) => log.text.slice(mark.get(log.file) ?? 0)).join('\n');
}

/** Waits for a line the extension logged after `mark` that matches `pattern`. */
function waitForLog(session: Workbench, pattern: RegExp, what: string, mark: LogMark = new Map()): Promise<string> {
  return waitFor(() => ownLog(session, mark).match(pattern)?.[0], 20_000, what);
}

/** Changes user settings and waits until the extension logs the confirmation settings it now uses. */
async function setBreaker(session: Workbench, max: number, windowSeconds: number): Promise<void> {
  const settings = JSON.parse(originalSettings ?? '{}') as Record<string, unknown>;
  settings['agentGuard.circuitBreaker.maxRiskyRequests'] = max;
  settings['agentGuard.circuitBreaker.windowSeconds'] = windowSeconds;
  const mark = logMark(session);
  fs.mkdirSync(path.dirname(settingsFile(session)), { recursive: true });
  fs.writeFileSync(settingsFile(session), JSON.stringify(settings, null, 2));
  await waitForLog(session, new RegExp(`circuit breaker ${max} risky requests within ${windowSeconds} s`), `the extension to use a circuit breaker of ${max} in ${windowSeconds} s`, mark);
}

/** The audit log's entries (every file of the extension's audit folder), oldest first. */
function auditEntries(session: Workbench): AuditEntry[] {
  const dir = auditDir(session);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).sort().flatMap((name) => fs.readFileSync(path.join(dir, name), 'utf8').split('\n'))
    .map((line) => parseAuditLine(line))
    .filter((entry): entry is AuditEntry => entry !== undefined);
}

function hook(command: string, args?: readonly string[]): Promise<HookAnswer> {
  return runClaudeHook(ctx.cli, ctx.session.profile, claudeBash(ctx.project, command), args);
}

function restoreVictim(): void {
  fs.mkdirSync(path.dirname(ctx.victim), { recursive: true });
  fs.writeFileSync(ctx.victim, VICTIM_TEXT);
}

describe('Confirmation: an agent asks the person in VS Code', function () {
  this.timeout(120_000);

  before(async () => {
    const session = workbench();
    const project = path.join(session.workspace, 'confirm-e2e');
    fs.mkdirSync(path.join(project, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(project, '.vscode', 'agent-guard.json'), POLICY);
    ctx = { session, cli: path.join(suiteConfig().repoRoot, 'dist', 'cli.js'), project, victim: path.join(project, 'victim', 'data.txt') };
    restoreVictim();
    originalSettings = fs.existsSync(settingsFile(session)) ? fs.readFileSync(settingsFile(session), 'utf8') : undefined;
    // the extension publishes its bridge for the workspace folder right after activation
    const runtime = path.join(session.profile.xdgRuntime, 'agent-guard');
    await waitFor(() => findRuntimeFile(session.workspace, runtime).file, 20_000, 'the extension to publish its bridge runtime file');
    // other specs' risky requests must not trip the breaker here; the breaker story sets its own
    await setBreaker(session, 100, 60);
  });

  after(async () => {
    if (!ctx) return;
    if (originalSettings === undefined) fs.rmSync(settingsFile(ctx.session), { force: true });
    else fs.writeFileSync(settingsFile(ctx.session), originalSettings);
    fs.rmSync(ctx.project, { recursive: true, force: true });
    // leave the session as found, even if the breaker story failed half-way
    if (await ctx.session.page.locator('.monaco-workbench').isVisible()) await runCommandIfTripped();
  });

  it('rm -rf victim → the modal names the agent, the command and the rule → Deny → the hook answers deny, the file is untouched, the decision is in the log and the audit log', async () => {
    const { session } = ctx;
    const mark = logMark(session);
    const answer = hook('rm -rf victim');
    const dialog = await readDialog(session.page);
    await session.screenshot('confirm-modal-rm-victim');
    assert.equal(dialog.message, 'Claude Code wants to run `rm -rf victim` in workspace');
    assert.equal(dialog.severity, 'Warning');
    assert.match(dialog.detail, /^Agent: Claude Code \(tool: Bash\)$/m);
    assert.match(dialog.detail, new RegExp(`^Folder: ${session.workspace}$`, 'm'));
    assert.match(dialog.detail, /^Command: rm -rf victim$/m);
    assert.match(dialog.detail, /^• workspace\.protectedPaths\[0\] \(confirm, medium\): Deleting victim: "victim\/\*\*" is a protected path/m);
    // the workbench lays buttons out per platform: compare the set (Cancel is VS Code's own close button)
    assert.deepEqual([...dialog.buttons].sort(), ['Allow Once', 'Allow for This Session', 'Cancel', 'Deny']);

    await clickDialogButton(session.page, 'Deny');
    const got = await answer;
    assert.equal(got.status, 0);
    assert.equal(got.decision, 'deny');
    assert.match(got.reason, /A person declined this in the editor/);
    assert.match(got.reason, /workspace\.protectedPaths\[0\]/);
    // the agent does not run a denied command: the victim is untouched
    assert.equal(fs.readFileSync(ctx.victim, 'utf8'), VICTIM_TEXT);
    await waitForLog(session, /confirm claude Bash: rm -rf victim → denied \(person: deny; workspace\.protectedPaths\[0\]\)/, 'the denial in the Agent Guard log', mark);
    const entry = await waitFor(
      () => auditEntries(session).find((e) => e.subject === 'rm -rf victim' && e.confirmedBy === 'person: deny'),
      20_000,
      'the denial in the audit log',
    );
    assert.equal(entry.agent, 'claude');
    assert.equal(entry.tool, 'Bash');
    assert.equal(entry.source, 'hook');
    assert.equal(entry.decision, 'confirm');
    assert.equal(entry.outcome, 'denied');
    assert.deepEqual(entry.rules, ['workspace.protectedPaths[0]']);
    assert.equal(entry.cwd, ctx.project);
    assert.equal(entry.root, session.workspace);
  });

  it('Enter on a fresh modal denies (someone typing elsewhere cannot approve), and so does Escape: the hook answers deny, nothing runs', async () => {
    const { session } = ctx;
    const mark = logMark(session);
    for (const key of ['Enter', 'Escape']) {
      const answer = hook('rm -rf victim');
      await readDialog(session.page);
      if (key === 'Enter') assert.equal(await focusedDialogButton(session.page), 'Deny', 'the default button that has focus');
      await pressKeyOnDialog(session.page, key);
      const got = await answer;
      assert.equal(got.decision, 'deny', `${key} answered ${got.decision}`);
      assert.match(got.reason, /A person declined this in the editor/);
      assert.equal(fs.readFileSync(ctx.victim, 'utf8'), VICTIM_TEXT);
    }
    assert.ok(!/rm -rf victim → allowed/.test(ownLog(session, mark)), 'a key press allowed the command');
    await waitForLog(session, /confirm claude Bash: rm -rf victim → denied \(person: deny; /, 'the denial in the Agent Guard log', mark);
  });

  it('Allow Once → the hook answers allow and the agent runs the command; the next request asks again', async () => {
    const { session } = ctx;
    const mark = logMark(session);
    try {
      const answer = hook('rm -rf victim');
      await readDialog(session.page);
      await clickDialogButton(session.page, 'Allow Once');
      const got = await answer;
      assert.equal(got.decision, 'allow');
      assert.match(got.reason, /Approved by a person in the editor/);
      execFileSync('/bin/bash', ['-c', 'rm -rf victim'], { cwd: ctx.project }); // what the agent does with an allow
      assert.ok(!fs.existsSync(ctx.victim));
      await waitForLog(session, /confirm claude Bash: rm -rf victim → allowed \(person: allow once; /, 'the approval in the Agent Guard log', mark);

      restoreVictim();
      const again = hook('rm -rf victim');
      const dialog = await readDialog(session.page);
      assert.match(dialog.message, /rm -rf victim/, 'allow once is once');
      await clickDialogButton(session.page, 'Deny');
      assert.equal((await again).decision, 'deny');
    } finally {
      restoreVictim();
    }
  });

  it('Allow for This Session → allowed now, and the same command again is allowed without a dialog; another command still asks', async () => {
    const { session } = ctx;
    const mark = logMark(session);
    // its own command: the allowance lasts for the rest of this VS Code session
    const command = 'rm victim/data.txt';
    try {
      const first = hook(command);
      await readDialog(session.page);
      await clickDialogButton(session.page, 'Allow for This Session');
      assert.equal((await first).decision, 'allow');
      const again = await hook(command);
      assert.equal(again.decision, 'allow');
      assert.ok(!(await isDialogOpen(session.page)), 'asked again despite the allowance');
      await waitForLog(session, /confirm claude Bash: rm victim\/data\.txt → allowed \(session allowance; /, 'the allowance at work in the log', mark);

      const other = hook('rm -rf victim');
      const dialog = await readDialog(session.page);
      assert.match(dialog.message, /rm -rf victim/);
      await clickDialogButton(session.page, 'Deny');
      assert.equal((await other).decision, 'deny');
    } finally {
      restoreVictim();
    }
  });

  it('a production target: no session allowance; wrong text keeps the typed confirmation from being accepted, the right name allows', async () => {
    const { session } = ctx;
    const command = 'kubectl --context prod-eu delete deployment api';
    const answer = hook(command);
    const dialog = await readDialog(session.page);
    assert.equal(dialog.message, `Claude Code wants to run \`${command}\` in workspace`);
    assert.match(dialog.detail, /^• kubernetes\.delete-resource \(confirm, high\): .*production \(prod-eu\)/m);
    assert.match(dialog.detail, /This targets production: to allow it you will type "prod-eu"\./);
    assert.deepEqual([...dialog.buttons].sort(), ['Allow Once', 'Cancel', 'Deny'], 'no "Allow for This Session" for production');
    await session.screenshot('confirm-modal-production');
    await clickDialogButton(session.page, 'Allow Once');

    // Enter once the box has judged the text (validation runs in the extension host)
    const wrong = await submitInputBox(session.page, TYPED_TITLE, 'prod', (message) => /exactly/.test(message));
    await session.screenshot('confirm-typed-wrong-text');
    assert.equal(wrong.accepted, false, 'the input box accepted the wrong name');
    assert.match(wrong.message, /Type "prod-eu" exactly to allow this/);

    const right = await submitInputBox(session.page, TYPED_TITLE, 'prod-eu', (message) => !/exactly/.test(message));
    assert.equal(right.accepted, true);
    const got = await answer;
    assert.equal(got.decision, 'allow');
    await waitForLog(session, /confirm claude Bash: kubectl --context prod-eu delete deployment api → allowed \(person: allow once; kubernetes\.delete-resource\)/, 'the typed approval in the log');
  });

  it('nobody answers before the hook\'s deadline → not allowed, recorded as a timeout; a late Allow click only says it came too late', async () => {
    const { session } = ctx;
    const mark = logMark(session);
    // a hook installed with a 5 s timeout stops waiting after 3.5 s
    const answer = hook('rm -rf victim', ['--timeout', '5']);
    await readDialog(session.page);
    const got = await answer;
    assert.notEqual(got.decision, 'allow');
    assert.notEqual(got.decision, 'none');
    await waitForLog(session, /confirm claude Bash: rm -rf victim → denied \(timeout; /, 'the timeout in the log', mark);
    assert.ok(await isDialogOpen(session.page), 'VS Code offers no way to close a modal: it is still there');
    await clickDialogButton(session.page, 'Allow Once');
    assert.match((await readNotification(session.page, /too late/)).message, /had already been denied because nobody answered in time/);
    assert.equal(fs.readFileSync(ctx.victim, 'utf8'), VICTIM_TEXT);
    assert.ok(!/allowed \(person/.test(ownLog(session, mark)), 'the late click allowed something');
  });

  it('decisions the hook makes without a dialog (allow, deny) reach the editor\'s log and audit log', async () => {
    const { session } = ctx;
    const mark = logMark(session);
    assert.equal((await hook('git status')).decision, 'none');
    const denied = await hook('rm -rf /');
    assert.equal(denied.decision, 'deny');
    assert.ok(!(await isDialogOpen(session.page)), 'nobody was asked');
    await waitForLog(session, /hook claude Bash: git status → defer \(allow\)/, 'the allowed command in the log', mark);
    await waitForLog(session, /hook claude Bash: rm -rf \/ → deny \(deny; fs\./, 'the denied command in the log', mark);
    const audited = await waitFor(() => auditEntries(session).find((e) => e.subject === 'rm -rf /' && e.source === 'hook'), 20_000, 'the hook\'s deny in the audit log');
    assert.equal(audited.outcome, 'denied');
    assert.equal(audited.confirmedBy, undefined, 'the policy decided, nobody confirmed');
    const allowed = auditEntries(session).find((e) => e.subject === 'git status' && e.source === 'hook');
    assert.equal(allowed?.outcome, 'allowed');
  });

  it('a burst of risky requests trips the circuit breaker: the next request is denied at once; Resume Agents asks again; a fresh burst of N trips it again', async () => {
    const { session } = ctx;
    await setBreaker(session, 3, 600);
    // earlier stories' risky requests count too: deny until it trips (at most 3)
    for (let i = 0; i < 3 && !ownLog(session).includes('circuit breaker tripped'); i++) assert.equal((await hook('rm -rf /')).decision, 'deny');
    await waitForLog(session, /circuit breaker tripped: \d+ risky requests within 600 s/, 'the breaker to trip');
    const notice = (await readNotification(session.page, /Agent Guard paused agents/)).message;
    assert.match(notice, /Resume Agents/);
    await session.screenshot('confirm-circuit-breaker-tripped');

    const refused = await hook('rm -rf victim');
    assert.equal(refused.decision, 'deny');
    assert.match(refused.reason, /paused agents/);
    assert.match(refused.reason, /Agent Guard: Resume Agents/);
    assert.ok(!(await isDialogOpen(session.page)), 'no dialog while paused');
    assert.equal(fs.readFileSync(ctx.victim, 'utf8'), VICTIM_TEXT);

    let mark = logMark(session);
    await runCommand(session.page, 'Agent Guard: Resume Agents');
    await waitForLog(session, /circuit breaker reset: agents resumed by the person/, 'Resume Agents to reset the breaker', mark);
    const asking = hook('rm -rf victim');
    await readDialog(session.page);
    await clickDialogButton(session.page, 'Deny');
    assert.equal((await asking).decision, 'deny');

    // that denial was risky request 1 of a fresh window; two more trip it
    mark = logMark(session);
    assert.equal((await hook('rm -rf /')).decision, 'deny');
    assert.ok(!ownLog(session, mark).includes('circuit breaker tripped'), 'tripped early');
    assert.equal((await hook('rm -rf /')).decision, 'deny');
    await waitForLog(session, /circuit breaker tripped: 3 risky requests within 600 s/, 'the breaker to trip after exactly 3', mark);

    mark = logMark(session);
    await runCommand(session.page, 'Agent Guard: Resume Agents');
    await waitForLog(session, /circuit breaker reset/, 'the breaker to reset', mark);
  });
});

/** Resumes agents if a failed breaker story left them paused (the command is in the palette only then). */
async function runCommandIfTripped(): Promise<void> {
  const log = ownLog(ctx.session);
  if (log.lastIndexOf('circuit breaker tripped') <= log.lastIndexOf('circuit breaker reset')) return;
  await runCommand(ctx.session.page, 'Agent Guard: Resume Agents').catch(() => undefined);
}

/**
 * Story: VS Code with Agent Guard is running → the extension starts the judge service (`agent-guard serve`) from
 * the CLI inside the installed extension, on the socket that CLI's hooks look for in the editor's runtime folder
 * (only this user may use it) → a hook run with that CLI, exactly as an installed hook runs, hands its call over
 * and blocks `rm -rf /` while letting `ls` through to the agent.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { claudeBash, runClaudeHook } from '../harness/agentHook';
import { hookEnv, waitFor } from '../harness/code-server';
import { workbench } from '../suite';

describe('the judge service', () => {
  it('the extension runs it for its own CLI, and that CLI\'s hooks are answered through it', async () => {
    const session = workbench();
    const cli = path.join(session.installedExtensionPath(), 'dist', 'cli.js');
    const env = hookEnv(session.profile);
    // where that CLI's hooks look for the service, as its doctor says
    const doctor = spawnSync(process.execPath, [cli, 'doctor', '--json'], { encoding: 'utf8', env, cwd: session.workspace });
    const expected = (JSON.parse(doctor.stdout) as { service: { socket?: string } }).service.socket ?? '(none)';
    const line = await waitFor(
      () => session.extensionLogs().flatMap((log) => log.text.split('\n')).find((l) => l.includes('judging hooks on')),
      30_000,
      'the extension to log that the judge service runs',
    );
    assert.ok(line.includes(expected), `the service listens elsewhere than the installed CLI's hooks look (${expected}): ${line}`);
    const st = fs.statSync(expected);
    assert.ok(st.isSocket(), `${expected} is not a socket`);
    assert.equal(st.mode & 0o777, 0o600, 'only this user may use the service');

    const denied = await runClaudeHook(cli, session.profile, claudeBash(session.workspace, 'rm -rf /'));
    assert.equal(denied.decision, 'deny', JSON.stringify(denied));
    assert.match(denied.reason, /fs\.delete-system/);
    const allowed = await runClaudeHook(cli, session.profile, claudeBash(session.workspace, 'ls'));
    assert.deepEqual([allowed.status, allowed.decision], [0, 'none'], JSON.stringify(allowed));
  });
});

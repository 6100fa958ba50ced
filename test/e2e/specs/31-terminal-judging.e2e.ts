/**
 * Story: someone (an agent driving the terminal, or a person) runs `terraform destroy -auto-approve` in an
 * integrated terminal → Agent Guard judges the command line reported by shell integration → deny → a warning
 * offers Stop Terminal and Explain → Stop Terminal ends the terminal, and the running command with it.
 *
 * `terraform` is a stub on PATH that only writes its pid into the E2E scratch folder and sleeps: the command
 * really starts (this watch cannot prevent that), and the test sees it stopped.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { waitFor } from '../harness/code-server';
import { workbench } from '../suite';
import { clickNotificationButton, readNotification, runCommand, typeInTerminal } from '../vscode-dom';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('Terminal commands are judged', () => {
  it('terraform destroy -auto-approve in a terminal → deny warning with Stop Terminal → the command is stopped', async () => {
    const session = workbench();
    const stubDir = path.join(session.config.scratch, 'terminal-stub', 'bin');
    const marker = path.join(session.config.scratch, 'terminal-stub', 'terraform-started');
    fs.mkdirSync(stubDir, { recursive: true });
    fs.writeFileSync(path.join(stubDir, 'terraform'), `#!/bin/sh\necho "$$ $*" > '${marker}'\nexec sleep 300\n`, { mode: 0o755 });

    await runCommand(session.page, 'Terminal: Create New Terminal');
    const command = `PATH="${stubDir}:$PATH" terraform destroy -auto-approve`;
    await typeInTerminal(session.page, command);

    const warning = /a command the policy denies: PATH=.*terraform destroy -auto-approve/;
    const toast = await readNotification(session.page, warning);
    assert.match(toast.message, /iac\.terraform-destroy/);
    assert.deepEqual(toast.buttons, ['Stop Terminal', 'Explain']);
    const started = await waitFor(() => (fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : undefined), 15_000, 'the stub terraform to start');
    const pid = Number(started.split(' ')[0]);
    assert.ok(Number.isInteger(pid) && pid > 0, started);
    assert.match(started, /destroy -auto-approve/);
    await session.screenshot('terminal-denied-command-warning');

    await clickNotificationButton(session.page, warning, 'Stop Terminal');
    await waitFor(() => (alive(pid) ? undefined : true), 15_000, `the stub terraform (pid ${pid}) to be stopped with its terminal`);
    const log = session.extensionLogs().map((l) => l.text).join('\n');
    assert.match(log, /terminal ".*" .* terraform destroy -auto-approve → deny \(iac\.terraform-destroy/);
  });
});

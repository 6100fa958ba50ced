/**
 * Story: a person opens a folder in VS Code with Agent Guard installed from its .vsix → the extension host
 * activates Agent Guard, and neither VS Code nor the extension logs an error about it.
 */
import * as assert from 'node:assert/strict';
import { waitFor } from '../harness/code-server';
import { workbench } from '../suite';

describe('Agent Guard activates in a real VS Code', () => {
  it('the extension host activates agent-guard.agent-guard on startup without errors', async () => {
    const session = workbench();
    const id = session.config.extensionId;
    const activated = await waitFor(() => session.extensionLogs().find((log) => log.text.includes('activated')), 20_000, 'the extension to log its activation');
    assert.match(activated.text, /\[info\] Agent Guard \S+ activated/);

    const hostLogs = session.extensionHostLogs();
    assert.ok(hostLogs.some((log) => log.text.includes(`ExtensionService#_doActivateExtension ${id},`)), 'the extension host never activated the extension');
    const errors = hostLogs.flatMap((log) => log.text.split('\n')).filter((line) => /\[error\]/.test(line) && line.includes('agent-guard'));
    assert.deepEqual(errors, [], 'the extension host logged errors about Agent Guard');
    const ownErrors = session.extensionLogs().flatMap((log) => log.text.split('\n')).filter((line) => /\[(error|warning)\]/.test(line));
    assert.deepEqual(ownErrors, [], 'Agent Guard logged errors or warnings');
  });
});

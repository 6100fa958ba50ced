/**
 * Story: a person opens a folder in VS Code with Agent Guard installed from its .vsix → the extension host
 * activates Agent Guard, and neither VS Code nor the extension logs an error about it.
 */
import * as assert from 'node:assert/strict';
import { waitFor } from '../harness/code-server';
import type { Workbench } from '../harness/workbench';
import { workbench } from '../suite';

/**
 * Errors in the extension host logs that name the extension (a failed activation, for one), each with the error
 * line that follows it (the thrown message).
 */
function hostErrorsAboutUs(session: Workbench): string[] {
  const lines = session.extensionHostLogs().flatMap((log) => log.text.split('\n'));
  return lines.flatMap((line, index) => {
    if (!line.includes('[error]') || !line.includes(session.config.extensionId)) return [];
    const next = lines[index + 1] ?? '';
    return next.includes('[error]') ? [line, next] : [line];
  });
}

function ownLogLines(session: Workbench): string[] {
  return session.extensionLogs().flatMap((log) => log.text.split('\n'));
}

describe('Agent Guard activates in a real VS Code', () => {
  it('the extension host activates agent-guard.agent-guard on startup without errors', async () => {
    const session = workbench();
    // Activation ends in the extension's own "activated" line or in an error in the extension host log.
    await waitFor(
      () => ownLogLines(session).find((line) => line.includes('activated')) ?? hostErrorsAboutUs(session)[0],
      20_000,
      'the extension to log its activation, or the extension host to log an error about it',
    );
    assert.deepEqual(hostErrorsAboutUs(session), [], 'the extension host logged errors about Agent Guard');
    const hostLogs = session.extensionHostLogs().map((log) => log.text).join('\n');
    assert.ok(hostLogs.includes(`ExtensionService#_doActivateExtension ${session.config.extensionId},`), 'the extension host never activated the extension');
    const own = ownLogLines(session);
    assert.ok(own.some((line) => /\[info\] Agent Guard \S+ activated/.test(line)), `Agent Guard did not log its activation:\n${own.join('\n')}`);
    assert.deepEqual(own.filter((line) => /\[(error|warning)\]/.test(line)), [], 'Agent Guard logged errors or warnings');
  });
});

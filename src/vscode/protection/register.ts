/**
 * The "unprotected" feature: starts the protection monitor shortly after activation (never on the activation
 * path) and registers **Agent Guard: Repair Agent Hooks** (`agentGuard.repairProtection`), which writes again,
 * with the same code and options as `agent-guard install`, every installed hook that was removed, changed or
 * whose program is gone, then checks again. What only the agent can fix (its trust decisions, a setting that
 * switches hooks off) is explained instead.
 */
import * as os from 'node:os';
import * as vscode from 'vscode';
import { recordPath } from '../../cli/install/installRecord';
import { repairHooks, type RepairResult } from '../../cli/install/repair';
import { announceAgentGuardWrite } from '../protect/register';
import type { Services } from '../services';
import { extensionCliPrefix } from './cliPrefix';
import { ProtectionMonitor, REPAIR_COMMAND_ID } from './monitor';
import { describeCheck } from './problems';

/** Long enough for activation to finish and the first window to settle; short enough to warn early. */
const FIRST_CHECK_DELAY_MS = 1500;

export function registerProtection(services: Services): vscode.Disposable {
  const home = os.homedir();
  const monitor = new ProtectionMonitor(services, home);
  const startTimer = setTimeout(() => monitor.start(), FIRST_CHECK_DELAY_MS);
  const command = vscode.commands.registerCommand(REPAIR_COMMAND_ID, (): RepairResult[] => repair(services, monitor, home));
  return vscode.Disposable.from(command, monitor, { dispose: () => clearTimeout(startTimer) });
}

function repair(services: Services, monitor: ProtectionMonitor, home: string): RepairResult[] {
  const { log } = services;
  const before = monitor.checkNow();
  if (before.broken.length === 0) {
    void vscode.window.showInformationMessage('Agent Guard: every installed agent hook is in place.');
    return [];
  }
  const fixable = before.broken.filter((c) => c.repairable);
  // our own writes: the protected-file watch must not ask the person about them
  for (const c of fixable) announceAgentGuardWrite(c.file);
  announceAgentGuardWrite(recordPath(process.env, home));
  const results = repairHooks(fixable, { home, env: process.env, fallbackPrefix: extensionCliPrefix(services.context.extensionPath) });
  for (const r of results) {
    if (r.ok) log.info(`repair: ${r.agent} (${r.scope}) ok — ${r.detail}`);
    else log.error(`repair: ${r.agent} (${r.scope}) failed — ${r.detail}`);
  }
  const after = monitor.checkNow();
  if (after.broken.length === 0) {
    void vscode.window.showInformationMessage(`Agent Guard: repaired ${results.filter((r) => r.ok).length} agent hook${results.length === 1 ? '' : 's'}; agents are protected again.`);
  } else {
    const left = after.broken.map((c) => `${describeCheck(c)}: ${c.problems.join('; ')}`);
    for (const l of left) log.warn(`repair: still unprotected — ${l}`);
    void vscode.window.showWarningMessage('Agent Guard: some agent hooks still do not protect.', { modal: true, detail: left.join('\n\n') });
  }
  return results;
}

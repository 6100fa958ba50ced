/**
 * Confirmations in this window: one bridge server per workspace folder (started right after activation, never
 * during it), the confirmation flow behind them, and **Agent Guard: Resume Agents**. `agentGuard.enable: false`
 * stops the servers (hooks then fall back to the agent's own prompt or deny). Settings are read per request.
 */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { BridgeHosts } from './bridgeHosts';
import { ConfirmationFlow, DEFAULT_TIMEOUT_SECONDS, type FlowSettings } from './confirmationFlow';
import { RESUME_COMMAND_ID, VsCodePrompter } from './modal';

export const BREAKER_CONTEXT_KEY = 'agentGuard.breakerTripped';

function settings(): FlowSettings {
  const c = vscode.workspace.getConfiguration('agentGuard');
  return {
    timeoutSeconds: c.get<number>('confirmation.timeoutSeconds', DEFAULT_TIMEOUT_SECONDS),
    breaker: {
      maxRiskyRequests: c.get<number>('circuitBreaker.maxRiskyRequests', 5),
      windowSeconds: c.get<number>('circuitBreaker.windowSeconds', 60),
    },
  };
}

function describeSettings(s: FlowSettings): string {
  return `confirmation settings: timeout ${s.timeoutSeconds} s, circuit breaker ${s.breaker.maxRiskyRequests} risky requests within ${s.breaker.windowSeconds} s`;
}

function folders(): string[] {
  return vscode.workspace.workspaceFolders?.filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath) ?? [];
}

function enabled(): boolean {
  return vscode.workspace.getConfiguration('agentGuard').get<boolean>('enable', true);
}

/** How often each folder's runtime file is checked for having been removed by another window. */
const REPUBLISH_EVERY_MS = 5_000;

export function registerConfirmation({ log, ledger }: Services): vscode.Disposable {
  const flow = new ConfirmationFlow({
    prompter: new VsCodePrompter(),
    ledger,
    settings,
    log: (line) => log.info(line),
    onPausedChange: (paused) => void vscode.commands.executeCommand('setContext', BREAKER_CONTEXT_KEY, paused),
  });
  const hosts = new BridgeHosts({
    onConfirm: (request, signal) => flow.confirm(request, signal),
    onReport: (request) => flow.report(request),
    editor: `${vscode.env.appName} ${vscode.version}`,
    log: (line) => log.info(line),
  });
  const sync = (): void => {
    hosts.sync(enabled() ? folders() : []).catch((e: unknown) => log.warn(`confirmations: ${e instanceof Error ? e.message : String(e)}`));
  };
  // after activation returns: sockets and files are not activation's business
  const first = setTimeout(() => {
    log.info(describeSettings(settings()));
    sync();
  }, 0);

  // another window with the same folder may take its runtime file over and remove it when it closes
  const republish = setInterval(() => hosts.republishMissing(), REPUBLISH_EVERY_MS);
  return vscode.Disposable.from(
    { dispose: () => clearTimeout(first) },
    { dispose: () => clearInterval(republish) },
    vscode.workspace.onDidChangeWorkspaceFolders(sync),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('agentGuard.enable')) sync();
      if (e.affectsConfiguration('agentGuard.confirmation') || e.affectsConfiguration('agentGuard.circuitBreaker')) log.info(describeSettings(settings()));
    }),
    vscode.commands.registerCommand(RESUME_COMMAND_ID, () => {
      if (flow.resume()) void vscode.window.showInformationMessage('Agent Guard: agents resumed. Risky actions ask you again.');
      else void vscode.window.showInformationMessage('Agent Guard: agents are not paused.');
      return !flow.breaker.tripped;
    }),
    { dispose: () => void hosts.dispose() },
  );
}

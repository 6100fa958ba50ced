/**
 * Every feature of the extension, wired to the shared services. Loaded by `extension.ts` right after
 * activation, as its own bundle (`dist/extension-features.js`): the rules, policy and installer code it pulls in
 * are most of the extension's size, and VS Code counts loading the activated bundle in the activation time.
 * Each feature lives in its own module, registers itself here and keeps its expensive work (servers, watchers,
 * file reads) off this path too.
 */
import type * as vscode from 'vscode';
import { registerAuditLog } from './audit/registerAudit';
import { registerExplainCommand } from './commands/explain';
import { registerProtectedFiles } from './protect/register';
import { registerTerminalJudging } from './terminal/terminalJudge';
import { registerConfirmation } from './confirm/register';
import { registerInstallHooksCommand } from './commands/installHooks';
import { registerPolicyEditor } from './policy/registerPolicyEditor';
import { registerHardenCommand } from './approvals/hardenCommand';
import { registerAutoApproveWarning } from './approvals/autoApproveWarning';
import { WorkspaceGuards } from './guard/workspaceGuards';
import { registerProtection } from './protection/register';
import { Ledger } from './session/ledger';
import type { Services } from './services';
import { registerStatusBar } from './status/statusBar';
import { registerJudgeService } from './service/judgeService';

export function activateFeatures(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  const guards = new WorkspaceGuards();
  const services: Services = { context, log, ledger: new Ledger(), guards };
  context.subscriptions.push(guards);

  // features (one line each; keep the order: later features may read state earlier ones set up)
  context.subscriptions.push(registerExplainCommand(services));
  // the audit log subscribes to the ledger before any feature can record into it
  context.subscriptions.push(registerAuditLog(services), registerStatusBar(services));
  context.subscriptions.push(registerProtectedFiles(services), registerTerminalJudging(services));
  context.subscriptions.push(registerConfirmation(services));
  context.subscriptions.push(registerPolicyEditor(services));
  context.subscriptions.push(registerHardenCommand(services), registerAutoApproveWarning(services));
  context.subscriptions.push(registerInstallHooksCommand(services));
  context.subscriptions.push(registerProtection(services));
  context.subscriptions.push(registerJudgeService(services));

}

/**
 * The extension's entry point: wiring only. Each feature lives in its own module and registers itself here.
 */
import * as vscode from 'vscode';
import { registerExplainCommand } from './commands/explain';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Agent Guard', { log: true });
  context.subscriptions.push(log, registerExplainCommand(log));
  log.info(`Agent Guard ${(context.extension.packageJSON as { version?: string }).version ?? ''} activated`);
}

export function deactivate(): void {
  // everything is disposed through context.subscriptions
}

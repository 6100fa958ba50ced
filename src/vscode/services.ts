/**
 * What every editor feature is given at activation: one ledger of decisions, one set of workspace guards, one
 * log. Features are independent modules with a `register…(services)` function; `extension.ts` wires them.
 */
import type * as vscode from 'vscode';
import type { WorkspaceGuards } from './guard/workspaceGuards';
import type { Ledger } from './session/ledger';

export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly ledger: Ledger;
  readonly guards: WorkspaceGuards;
}

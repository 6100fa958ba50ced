/**
 * The status-bar risk indicator: a shield with the session's risk and how many actions were held or denied,
 * coloured with the theme's warning/error backgrounds, a tooltip with the last decisions, and a click that opens
 * the audit log. Redrawn on every ledger change; `agentGuard.statusBar.visible` is honoured live.
 */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { SHOW_AUDIT_LOG_COMMAND, statusLook, TOOLTIP_COMMANDS } from './statusPresentation';

export const STATUS_ITEM_ID = 'agentGuard.status';
const VISIBLE_SETTING = 'agentGuard.statusBar.visible';

export function registerStatusBar({ ledger }: Services): vscode.Disposable {
  const item = vscode.window.createStatusBarItem(STATUS_ITEM_ID, vscode.StatusBarAlignment.Right, 1000);
  item.name = 'Agent Guard';
  item.command = SHOW_AUDIT_LOG_COMMAND;

  const render = (): void => {
    const look = statusLook(ledger.snapshot(), (iso) => new Date(iso).toLocaleTimeString());
    item.text = look.text;
    item.backgroundColor = look.background === undefined ? undefined : new vscode.ThemeColor(look.background);
    const tooltip = new vscode.MarkdownString(look.tooltip, true);
    tooltip.isTrusted = { enabledCommands: [...TOOLTIP_COMMANDS] };
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: look.accessibilityLabel, role: 'button' };
  };
  const applyVisibility = (): void => {
    if (vscode.workspace.getConfiguration().get<boolean>(VISIBLE_SETTING, true)) item.show();
    else item.hide();
  };

  render();
  applyVisibility();
  return vscode.Disposable.from(
    item,
    ledger.onDidChange(render),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(VISIBLE_SETTING)) applyVisibility();
    }),
  );
}

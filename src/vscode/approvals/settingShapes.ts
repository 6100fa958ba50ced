/**
 * VS Code's own approval settings, as VS Code defines them (checked against its source,
 * `terminalChatAgentToolsConfiguration.ts` and `chat.contribution.ts`):
 * - `chat.tools.terminal.autoApprove`: object; key = the start of a command, or a regular expression written
 *   `/…/flags`; value = `true` (approve), `false` (always ask), `null` (unset a value from a lower scope) or
 *   `{ approve: boolean, matchCommandLine?: boolean }` (match the whole command line instead of each
 *   sub-command). A `false` on any sub-command or on the command line wins over every `true`.
 * - `chat.tools.edits.autoApprove`: object; key = glob (relative to the workspace folder), value = boolean;
 *   the LAST matching pattern decides, and VS Code's default starts with `"**\/*": true`.
 * - `chat.tools.global.autoApprove` (legacy `chat.tools.autoApprove`): boolean, "YOLO mode".
 * - `chat.permissions.default`: `default` | `autoApprove` (Bypass Approvals) | `autopilot`.
 */

export const TERMINAL_AUTO_APPROVE = 'chat.tools.terminal.autoApprove';
export const EDITS_AUTO_APPROVE = 'chat.tools.edits.autoApprove';
export const GLOBAL_AUTO_APPROVE = 'chat.tools.global.autoApprove';
export const LEGACY_GLOBAL_AUTO_APPROVE = 'chat.tools.autoApprove';
export const DEFAULT_PERMISSION_LEVEL = 'chat.permissions.default';
/** The Claude Code extension's own settings for its bypass mode. */
export const CLAUDE_CODE_SKIP_PERMISSIONS = 'claudeCode.allowDangerouslySkipPermissions';
export const CLAUDE_CODE_INITIAL_MODE = 'claudeCode.initialPermissionMode';

export type TerminalRuleValue = boolean | null | { readonly approve: boolean; readonly matchCommandLine?: boolean };

/** Whether a terminal auto-approve value makes VS Code ask (rather than approve or unset). */
export function terminalValueAsks(value: unknown): boolean {
  if (value === false) return true;
  return typeof value === 'object' && value !== null && (value as { approve?: unknown }).approve === false;
}

/** The regular expression a terminal auto-approve key stands for, as VS Code reads it. */
export function terminalKeyRegex(key: string): RegExp | undefined {
  const m = /^\/(.+)\/([dgimsuvy]*)$/s.exec(key);
  try {
    if (m !== null) return new RegExp(m[1] ?? '', (m[2] ?? '').replace('g', ''));
    // a plain key matches the start of a (sub-)command, as a whole word
    return new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\b`);
  } catch {
    return undefined;
  }
}

/**
 * Settings that let an agent act without anyone being asked: VS Code's global auto-approve ("YOLO mode", and
 * its legacy name), a default permission level of Bypass Approvals or Autopilot, a terminal rule approving
 * every command, and the Claude Code extension's bypass mode. Pure over a settings reader.
 */
import {
  CLAUDE_CODE_INITIAL_MODE,
  CLAUDE_CODE_SKIP_PERMISSIONS,
  DEFAULT_PERMISSION_LEVEL,
  GLOBAL_AUTO_APPROVE,
  LEGACY_GLOBAL_AUTO_APPROVE,
  TERMINAL_AUTO_APPROVE,
  terminalKeyRegex,
} from './settingShapes';

export interface AutoApproveFinding {
  /** Stable per finding, for "warn once per session". */
  readonly id: string;
  /** The setting to open. */
  readonly setting: string;
  readonly message: string;
}

/** The effective value of a setting (undefined when unset or unknown to this VS Code). */
export type SettingReader = (key: string) => unknown;

/** Sample command lines a catch-all rule would approve; a rule matching all of them approves everything. */
const ANYTHING = ['rm -rf /', 'terraform destroy -auto-approve', 'git push --force origin main'];

function approvesEverything(rules: unknown): string | undefined {
  if (typeof rules !== 'object' || rules === null) return undefined;
  for (const [key, value] of Object.entries(rules as Record<string, unknown>)) {
    const approves = value === true || (typeof value === 'object' && value !== null && (value as { approve?: unknown }).approve === true);
    if (!approves || !key.startsWith('/')) continue;
    const re = terminalKeyRegex(key);
    if (re !== undefined && ANYTHING.every((c) => re.test(c))) return key;
  }
  return undefined;
}

export function autoApproveFindings(read: SettingReader): AutoApproveFinding[] {
  const out: AutoApproveFinding[] = [];
  if (read(GLOBAL_AUTO_APPROVE) === true) {
    out.push({ id: GLOBAL_AUTO_APPROVE, setting: GLOBAL_AUTO_APPROVE, message: 'VS Code\'s global auto-approve ("YOLO mode") is on: agents run every tool — terminal commands, file edits — without asking you.' });
  }
  if (read(LEGACY_GLOBAL_AUTO_APPROVE) === true) {
    out.push({ id: LEGACY_GLOBAL_AUTO_APPROVE, setting: LEGACY_GLOBAL_AUTO_APPROVE, message: 'VS Code\'s global auto-approve is on (the older chat.tools.autoApprove setting): agents run every tool without asking you.' });
  }
  const level = read(DEFAULT_PERMISSION_LEVEL);
  if (level === 'autoApprove' || level === 'autopilot') {
    out.push({ id: `${DEFAULT_PERMISSION_LEVEL}=${level}`, setting: DEFAULT_PERMISSION_LEVEL, message: `New chat sessions start in ${level === 'autopilot' ? 'Autopilot' : 'Bypass Approvals'} mode: agents run tools without asking you.` });
  }
  const everything = approvesEverything(read(TERMINAL_AUTO_APPROVE));
  if (everything !== undefined) {
    out.push({ id: `${TERMINAL_AUTO_APPROVE}:${everything}`, setting: TERMINAL_AUTO_APPROVE, message: `A terminal auto-approve rule ("${everything}") approves every command an agent runs.` });
  }
  if (read(CLAUDE_CODE_SKIP_PERMISSIONS) === true || read(CLAUDE_CODE_INITIAL_MODE) === 'bypassPermissions') {
    const setting = read(CLAUDE_CODE_INITIAL_MODE) === 'bypassPermissions' ? CLAUDE_CODE_INITIAL_MODE : CLAUDE_CODE_SKIP_PERMISSIONS;
    out.push({ id: setting, setting, message: 'Claude Code\'s bypass-permissions mode is allowed in VS Code: it runs tools without asking (its hooks, and so Agent Guard, still run).' });
  }
  return out;
}

/** The settings whose change may add or remove a finding. */
export const WATCHED_SETTINGS = [GLOBAL_AUTO_APPROVE, LEGACY_GLOBAL_AUTO_APPROVE, DEFAULT_PERMISSION_LEVEL, TERMINAL_AUTO_APPROVE, CLAUDE_CODE_SKIP_PERMISSIONS, CLAUDE_CODE_INITIAL_MODE] as const;

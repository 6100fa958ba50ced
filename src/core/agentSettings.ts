/**
 * Settings that switch an agent's approvals off, found in the new text of a file an edit tool is about to write:
 * VS Code's global auto-approve, Claude Code's bypassPermissions mode, Codex's `approval_policy = "never"` and
 * unsandboxed mode, a VS Code task that runs on folder open. The path check already asks a person for these files;
 * this says why the particular change matters. Text search (JSONC and TOML alike), reporting the line.
 */
import type { Reason } from './verdict';

interface SettingCheck {
  readonly id: string;
  /** Which files the check applies to (path with `/` separators). */
  readonly file: RegExp;
  readonly pattern: RegExp;
  readonly message: string;
}

const VSCODE_SETTINGS = /(^|\/)(\.vscode\/settings\.json|User\/settings\.json|Machine\/settings\.json|[^/]+\.code-workspace)$/;

const CHECKS: readonly SettingCheck[] = [
  {
    id: 'agents.settings-auto-approve',
    file: VSCODE_SETTINGS,
    pattern: /"chat\.tools\.(?:global\.)?autoApprove"\s*:\s*true/,
    message: 'This turns on VS Code\'s global auto-approve: every tool call an agent makes — terminal commands, file edits — runs without asking.',
  },
  {
    id: 'agents.settings-auto-approve',
    file: VSCODE_SETTINGS,
    pattern: /"chat\.tools\.terminal\.autoApprove"\s*:\s*\{[^}]{0,4096}?"\/\.\*\/[a-z]*"\s*:\s*(?:true|\{[^}]{0,4096}?"approve"\s*:\s*true)/,
    message: 'This auto-approves every terminal command an agent runs (a pattern that matches everything).',
  },
  {
    id: 'agents.settings-auto-approve',
    file: VSCODE_SETTINGS,
    pattern: /"chat\.tools\.edits\.autoApprove"\s*:\s*\{[^}]{0,4096}?"\*\*(?:\/\*)?"\s*:\s*true/,
    message: 'This auto-approves agent edits to every file, including the agent\'s own settings and hooks.',
  },
  {
    id: 'agents.settings-task-on-open',
    file: /(^|\/)(\.vscode\/tasks\.json|User\/tasks\.json|[^/]+\.code-workspace)$/,
    pattern: /"runOn"\s*:\s*"folderOpen"/,
    message: 'This task runs by itself whenever the folder is opened — code that runs without anyone starting it.',
  },
  {
    id: 'agents.settings-bypass-permissions',
    file: /(^|\/)\.claude\/settings[^/]*\.json$/,
    pattern: /"defaultMode"\s*:\s*"bypassPermissions"|"disableAllHooks"\s*:\s*true|"allow"\s*:\s*\[[^\]]{0,4096}?"Bash(?:\(\*\)|\(:\*\))?"/,
    message: 'This switches Claude Code\'s permission prompts or hooks off (bypassPermissions, disableAllHooks, or every Bash command allowed).',
  },
  {
    id: 'agents.settings-bypass-permissions',
    file: /(^|\/)\.codex\/[^/]*\.toml$/,
    pattern: /^[ \t]*(?:approval_policy\s*=\s*["']never["']|sandbox_mode\s*=\s*["']danger-full-access["'])/m,
    message: 'This makes Codex run commands without approval or without its sandbox.',
  },
  {
    id: 'agents.settings-bypass-permissions',
    file: /(^|\/)\.gemini\/settings\.json$/,
    pattern: /"(?:defaultApprovalMode|approvalMode)"\s*:\s*"yolo"|"disableYoloMode"\s*:\s*false/,
    message: 'This puts Gemini CLI in YOLO mode: every tool call is approved automatically.',
  },
];

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * How much of the new text is searched. Settings files are small; the checks only explain a change to a file the
 * protected paths already ask about, and an agent must not be able to stall the hook (a hook the agent gives up on
 * lets the call through) with megabytes of text. The patterns' runs are bounded for the same reason.
 */
const MAX_SCANNED = 512 * 1024;

/** Findings for the new `content` of the file at `path` (workspace-relative or absolute). */
export function judgeAgentSettings(path: string, content: string, command: string): Reason[] {
  const out: Reason[] = [];
  const p = path.replace(/\\/g, '/');
  const text = content.length > MAX_SCANNED ? content.slice(0, MAX_SCANNED) : content;
  for (const c of CHECKS) {
    if (!c.file.test(p)) continue;
    const m = c.pattern.exec(text);
    if (!m) continue;
    out.push({ rule: c.id, message: c.message, command, decision: 'confirm', risk: 'high', line: lineAt(text, m.index), file: path });
  }
  return out;
}

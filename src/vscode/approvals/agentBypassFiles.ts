/**
 * Agents' own settings files that switch their approvals off (Claude Code's bypassPermissions, Codex's
 * `approval_policy = "never"`, Gemini CLI's YOLO mode, …), judged with the core's own checks for such files so
 * the warning and the guard agree. The hooks still run in these modes, but the agent no longer asks the person
 * about anything the hook lets through.
 */
import * as path from 'node:path';
import { judgeAgentSettings } from '../../core/agentSettings';
import type { AutoApproveFinding } from './autoApproveFindings';

/** The agents' user-level settings files, and the workspace ones under each folder. */
export function agentSettingsFiles(home: string, env: Readonly<Record<string, string | undefined>>, folders: readonly string[]): string[] {
  const claude = env['CLAUDE_CONFIG_DIR'] || path.join(home, '.claude');
  const codex = env['CODEX_HOME'] || path.join(home, '.codex');
  const user = [path.join(claude, 'settings.json'), path.join(codex, 'config.toml'), path.join(home, '.gemini', 'settings.json')];
  const workspace = folders.flatMap((f) => [
    path.join(f, '.claude', 'settings.json'),
    path.join(f, '.claude', 'settings.local.json'),
    path.join(f, '.codex', 'config.toml'),
    path.join(f, '.gemini', 'settings.json'),
  ]);
  return [...user, ...workspace];
}

/** Findings for the files' current text (`undefined` text: the file does not exist). */
export function agentBypassFindings(files: ReadonlyArray<{ readonly file: string; readonly text: string | undefined }>): AutoApproveFinding[] {
  const out: AutoApproveFinding[] = [];
  for (const { file, text } of files) {
    if (text === undefined) continue;
    for (const reason of judgeAgentSettings(file, text, file)) {
      out.push({ id: `${reason.rule}:${file}`, setting: file, message: `${reason.message} (${file}${reason.line === undefined ? '' : `, line ${reason.line}`})` });
    }
  }
  return out;
}

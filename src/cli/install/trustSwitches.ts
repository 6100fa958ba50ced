/**
 * Settings that make an agent skip a hook that is wired correctly, found OUTSIDE the hook's own config file (the
 * installers' `inspect` already reports what that file says, and the trust an agent records for a hook or a
 * folder: Codex hook and project trust, Gemini CLI and Copilot CLI folder trust — see codexTrust.ts,
 * folderTrust.ts). Read from the agent's own files (sources in ../../../../shared/reference/agent-hooks.md):
 *  - Claude Code: `disableAllHooks: true` in the effective settings (managed > local > project > user).
 *  - Gemini CLI: `hooksConfig.enabled: false` or `hooksConfig.disabled` naming our hook (system > project > user).
 *  - Codex: `[features] hooks = false` (or the older `codex_hooks`) in `config.toml`.
 *  - VS Code: `chat.useHooks: false`; `chat.hookFilesLocations` switching our folder off.
 * Cursor (trusted workspace) and Cline's VS Code extension ("Enable Hooks") keep their switches where we cannot read
 * them: a note.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { isObject, type Json } from '../hooks/payload';
import type { AgentId } from '../hooks/types';
import { parseJsonc } from './jsoncFile';
import { findTable, tomlTables } from './tomlTables';
import type { InstallContext, Scope } from './types';

/** VS Code settings as the running editor sees them (the extension passes these; the CLI reads the files). */
export interface EditorHookSettings {
  readonly useHooks?: unknown;
  readonly hookFilesLocations?: unknown;
}

export interface SwitchFindings {
  /** The agent will not run this hook: the installation does not protect. */
  readonly problems: readonly string[];
  /** Switches we cannot read; the person should know they exist. */
  readonly notes: readonly string[];
}

export interface SwitchOptions {
  readonly editorSettings?: EditorHookSettings;
}

function readJson(file: string): Json | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const v = parseJsonc(text, file);
    return isObject(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The first file (highest precedence first) whose JSON defines `pick`, with the value. */
function effective(files: readonly string[], pick: (doc: Json) => unknown): { file: string; value: unknown } | undefined {
  for (const file of files) {
    const doc = readJson(file);
    if (!doc) continue;
    const v = pick(doc);
    if (v !== undefined) return { file, value: v };
  }
  return undefined;
}

const claudeDir = (ctx: InstallContext): string => ctx.env['CLAUDE_CONFIG_DIR'] || join(ctx.home, '.claude');
const codexDir = (ctx: InstallContext): string => ctx.env['CODEX_HOME'] || join(ctx.home, '.codex');
const copilotHome = (ctx: InstallContext): string => ctx.env['COPILOT_HOME'] || join(ctx.home, '.copilot');

function claude(file: string, ctx: InstallContext): SwitchFindings {
  const managed = ctx.platform === 'darwin' ? '/Library/Application Support/ClaudeCode/managed-settings.json' : ctx.platform === 'win32' ? 'C:\\ProgramData\\ClaudeCode\\managed-settings.json' : '/etc/claude-code/managed-settings.json';
  const files = [managed, join(ctx.workspace, '.claude', 'settings.local.json'), join(ctx.workspace, '.claude', 'settings.json'), join(claudeDir(ctx), 'settings.json')];
  const off = effective(files, (d) => d['disableAllHooks']);
  // the hook's own file is reported by the installer's inspect
  return { problems: off?.value === true && off.file !== file ? [`"disableAllHooks": true in ${off.file}: Claude Code runs no hooks`] : [], notes: [] };
}

function gemini(file: string, ctx: InstallContext): SwitchFindings {
  const user = join(ctx.home, '.gemini', 'settings.json');
  const files = ['/etc/gemini-cli/settings.json', join(ctx.workspace, '.gemini', 'settings.json'), user];
  const hooksConfig = (d: Json): Json | undefined => (isObject(d['hooksConfig']) ? d['hooksConfig'] : undefined);
  const problems: string[] = [];
  const enabled = effective(files, (d) => hooksConfig(d)?.['enabled']);
  if (enabled?.value === false && enabled.file !== file) problems.push(`"hooksConfig.enabled": false in ${enabled.file}: Gemini CLI runs no hooks`);
  const disabled = effective(files, (d) => hooksConfig(d)?.['disabled']);
  if (Array.isArray(disabled?.value) && disabled.value.includes('agent-guard') && disabled.file !== file) problems.push(`"hooksConfig.disabled" in ${disabled.file} lists agent-guard`);
  return { problems, notes: [] };
}

function codex(ctx: InstallContext): SwitchFindings {
  const configFile = join(codexDir(ctx), 'config.toml');
  const features = findTable(tomlTables(readText(configFile) ?? ''), 'features');
  const problems: string[] = [];
  for (const key of ['hooks', 'codex_hooks']) {
    if (features?.values.get(key) === false) problems.push(`[features] ${key} = false in ${configFile}: Codex runs no hooks`);
  }
  return { problems, notes: [] };
}

function vscodeUserSettings(ctx: InstallContext): string[] {
  const xdg = ctx.env['XDG_CONFIG_HOME'];
  const config = xdg && isAbsolute(xdg) ? xdg : join(ctx.home, '.config');
  const base = ctx.platform === 'darwin' ? join(ctx.home, 'Library', 'Application Support') : ctx.platform === 'win32' ? (ctx.env['APPDATA'] ?? join(ctx.home, 'AppData', 'Roaming')) : config;
  return [
    ...['Code', 'Code - Insiders', 'VSCodium'].map((p) => join(base, p, 'User', 'settings.json')),
    join(ctx.home, '.vscode-server', 'data', 'Machine', 'settings.json'),
    join(ctx.home, '.local', 'share', 'code-server', 'User', 'settings.json'),
  ];
}

function vscode(scope: Scope, ctx: InstallContext, editor: EditorHookSettings | undefined): SwitchFindings {
  const problems: string[] = [];
  let useHooks: unknown = editor?.useHooks;
  let locations: unknown = editor?.hookFilesLocations;
  let where = 'the editor\'s settings';
  if (!editor) {
    const files = vscodeUserSettings(ctx);
    const u = effective(files, (d) => d['chat.useHooks']);
    const l = effective(files, (d) => d['chat.hookFilesLocations']);
    useHooks = u?.value;
    locations = l?.value;
    where = u?.file ?? l?.file ?? where;
  }
  if (useHooks === false) problems.push(`"chat.useHooks": false in ${where}: VS Code runs no agent hooks`);
  if (isObject(locations)) {
    const ours = scope === 'workspace' ? ['.github/hooks', '.github/hooks/', '.github/hooks/agent-guard.json'] : ['~/.copilot/hooks', '~/.copilot/hooks/', '~/.copilot/hooks/agent-guard.json'];
    const off = ours.find((k) => locations[k] === false);
    if (off) problems.push(`"chat.hookFilesLocations" switches "${off}" off in ${where}: VS Code does not read the hook file`);
  }
  return { problems, notes: [] };
}

/** What keeps `agent` from running the hook in `file` (installed in `scope`). */
export function trustSwitches(agent: AgentId, scope: Scope, file: string, ctx: InstallContext, options: SwitchOptions = {}): SwitchFindings {
  switch (agent) {
    case 'claude': return claude(file, ctx);
    case 'gemini': return gemini(file, ctx);
    case 'codex': return codex(ctx);
    case 'copilot-cli': return { problems: [], notes: [] };
    case 'vscode': return vscode(scope, ctx, options.editorSettings);
    case 'cursor': return { problems: [], notes: scope === 'workspace' ? ['Cursor applies project hooks only in a trusted workspace (not readable from outside Cursor).'] : [] };
    case 'cline': return { problems: [], notes: ['The Cline VS Code extension runs hooks only with "Enable Hooks" checked in its settings (not readable from outside Cline); the Cline CLI needs no switch.'] };
  }
}

/** Every file the switches above are read from, for the extension to watch (absent ones included). */
export function switchFiles(ctx: InstallContext): string[] {
  return [
    join(ctx.workspace, '.claude', 'settings.local.json'),
    join(ctx.workspace, '.claude', 'settings.json'),
    join(claudeDir(ctx), 'settings.json'),
    join(ctx.workspace, '.gemini', 'settings.json'),
    join(ctx.home, '.gemini', 'settings.json'),
    ctx.env['GEMINI_CLI_TRUSTED_FOLDERS_PATH'] || join(ctx.home, '.gemini', 'trustedFolders.json'),
    ...vscodeUserSettings(ctx),
    join(codexDir(ctx), 'config.toml'),
    join(copilotHome(ctx), 'config.json'),
  ];
}

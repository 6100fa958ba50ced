/**
 * Config writers for agents with Claude-style matcher groups: Claude Code (`.claude/settings.json`), Gemini CLI
 * (`.gemini/settings.json`, timeout in milliseconds) and Codex (`hooks.json`).
 */
import { dirname, join } from 'node:path';
import { isObject, type Json } from '../hooks/payload';
import { readIfExists } from './apply';
import { codexHookKey, codexHookTrust, codexProjectTrusted } from './codexTrust';
import { geminiFolderTrust } from './folderTrust';
import type { AgentId } from '../hooks/types';
import { hookCommandLine } from './hookCommand';
import { findOurs, removeEntries, upsertEntry } from './hookEntries';
import { parseJsonc } from './jsoncFile';
import { agentTimeoutSeconds, type AgentInstaller, type InstallContext, type Inspection, type Planned, type Scope } from './types';

interface GroupedAgent {
  readonly id: AgentId;
  readonly displayName: string;
  readonly event: string;
  readonly matcher: string;
  readonly userFile: (ctx: InstallContext) => string;
  readonly workspaceFile: string;
  readonly handler: (command: string, timeoutSeconds: number) => Json;
  /** Fields our handler must carry to be effective; reported by `doctor` when missing. */
  readonly required: (timeoutSeconds: number) => Json;
  readonly notes: (scope: Scope) => string[];
  /** Settings in the same file that switch hooks off, as a problem to report. */
  readonly switchedOff?: (doc: Json) => string | undefined;
  /** Trust the agent requires before it runs our handler at `hooks.<event>[group].hooks[handler]`, as problems. */
  readonly untrusted?: (where: { group: number; handler: number }, file: string, scope: Scope, ctx: InstallContext) => string[];
  readonly programs: readonly string[];
  readonly dirs: (ctx: InstallContext) => string[];
}

function makeInstaller(a: GroupedAgent): AgentInstaller {
  const spec = (ctx: InstallContext) => {
    const timeout = agentTimeoutSeconds(ctx);
    const command = hookCommandLine(a.id, { ...ctx.command, timeoutSeconds: timeout });
    return { layout: 'grouped' as const, event: a.event, matcher: a.matcher, handler: a.handler(command, timeout) };
  };
  const scopeOf = (file: string, ctx: InstallContext): Scope => (file === a.userFile(ctx) ? 'user' : 'workspace');
  return {
    id: a.id,
    displayName: a.displayName,
    configFile: (scope, ctx) => (scope === 'user' ? a.userFile(ctx) : join(ctx.workspace, a.workspaceFile)),
    install(current, file, ctx): Planned {
      return { content: upsertEntry(current ?? '', file, spec(ctx)), notes: a.notes(scopeOf(file, ctx)) };
    },
    uninstall(current, file): Planned {
      if (current === undefined) return { content: null, notes: [] };
      const text = removeEntries(current, file, 'grouped', a.event);
      // a file that held nothing but our hook (we created it) goes away again
      return { content: text !== current && text.replace(/\s/g, '') === '{}' ? null : text, notes: [] };
    },
    inspect(current, file, ctx): Inspection {
      if (current === undefined) return { wired: false, commands: [], problems: [] };
      const found = findOurs(current, file, 'grouped', a.event);
      const problems: string[] = [];
      const want = a.required(agentTimeoutSeconds(ctx));
      for (const f of found) {
        for (const [k, v] of Object.entries(want)) {
          if (JSON.stringify(f.handler[k]) !== JSON.stringify(v)) problems.push(`${a.event} handler has ${k}=${JSON.stringify(f.handler[k])}, expected ${JSON.stringify(v)}`);
        }
        const m = isObject(f.group) ? f.group['matcher'] : undefined;
        if (m !== undefined && m !== a.matcher && m !== '*' && m !== '' && m !== '.*') problems.push(`matcher ${JSON.stringify(m)} may not send every tool call to the hook`);
      }
      if (found.length > 1) problems.push(`${found.length} Agent Guard entries (one is enough)`);
      const doc = parseJsonc(current, file);
      const off = isObject(doc) ? a.switchedOff?.(doc) : undefined;
      if (off !== undefined) problems.push(off);
      for (const f of found) {
        const [, , group, , handler] = f.path;
        if (typeof group === 'number' && typeof handler === 'number') problems.push(...(a.untrusted?.({ group, handler }, file, scopeOf(file, ctx), ctx) ?? []));
      }
      return { wired: found.length > 0, commands: found.map((f) => String(f.handler['command'])), problems };
    },
    detectHints: (ctx) => ({ programs: a.programs, dirs: a.dirs(ctx) }),
  };
}

const claudeDir = (ctx: InstallContext): string => ctx.env['CLAUDE_CONFIG_DIR'] || join(ctx.home, '.claude');
const codexDir = (ctx: InstallContext): string => ctx.env['CODEX_HOME'] || join(ctx.home, '.codex');

export const claudeInstaller = makeInstaller({
  id: 'claude',
  displayName: 'Claude Code',
  event: 'PreToolUse',
  matcher: '*',
  userFile: (ctx) => join(claudeDir(ctx), 'settings.json'),
  workspaceFile: join('.claude', 'settings.json'),
  // onFailure "block": a hook that cannot start, times out or exits oddly blocks instead of letting the call through
  handler: (command, timeout) => ({ type: 'command', command, timeout, onFailure: 'block' }),
  required: (timeout) => ({ timeout, onFailure: 'block' }),
  notes: () => ['Claude Code honours "onFailure": "block" from version 2.1.295; older versions let a call through when the hook fails.'],
  switchedOff: (doc) => (doc['disableAllHooks'] === true ? '"disableAllHooks": true in this file: Claude Code runs no hooks' : undefined),
  programs: ['claude'],
  dirs: (ctx) => [claudeDir(ctx)],
});

export const geminiInstaller = makeInstaller({
  id: 'gemini',
  displayName: 'Gemini CLI',
  event: 'BeforeTool',
  matcher: '.*',
  userFile: (ctx) => join(ctx.home, '.gemini', 'settings.json'),
  workspaceFile: join('.gemini', 'settings.json'),
  // Gemini's timeout is in milliseconds
  handler: (command, timeout) => ({ name: 'agent-guard', type: 'command', command, timeout: timeout * 1000 }),
  required: (timeout) => ({ timeout: timeout * 1000 }),
  notes: (scope) =>
    scope === 'workspace'
      ? ['Gemini CLI runs project hooks only in a trusted folder and asks again when a hook command changes.']
      : [],
  switchedOff: (doc) => {
    const cfg = doc['hooksConfig'];
    if (!isObject(cfg)) return undefined;
    if (cfg['enabled'] === false) return '"hooksConfig.enabled": false in this file: Gemini CLI runs no hooks';
    const disabled = cfg['disabled'];
    return Array.isArray(disabled) && disabled.includes('agent-guard') ? '"hooksConfig.disabled" lists agent-guard' : undefined;
  },
  untrusted(_where, _file, scope, ctx) {
    if (scope !== 'workspace') return [];
    const trust = geminiFolderTrust(ctx.home, ctx.env, ctx.workspace);
    return trust.trusted ? [] : [`Gemini CLI runs this project's hooks only in a trusted folder and ${ctx.workspace} is not trusted (${trust.source}), so Gemini skips them without a warning: trust the folder when Gemini asks (or with /permissions)`];
  },
  programs: ['gemini'],
  dirs: (ctx) => [join(ctx.home, '.gemini')],
});

export const codexInstaller = makeInstaller({
  id: 'codex',
  displayName: 'OpenAI Codex CLI',
  event: 'PreToolUse',
  matcher: '.*',
  userFile: (ctx) => join(codexDir(ctx), 'hooks.json'),
  workspaceFile: join('.codex', 'hooks.json'),
  handler: (command, timeout) => ({ type: 'command', command, timeout, statusMessage: 'Agent Guard' }),
  required: (timeout) => ({ timeout }),
  notes: (scope) => [
    'Codex runs a new or changed hook only after you trust it (review it in Codex\'s /hooks); until then it is skipped without a warning.',
    ...(scope === 'workspace' ? ['A project .codex/ folder is read only when Codex trusts the project.'] : []),
  ],
  untrusted(where, file, scope, ctx) {
    const configFile = join(codexDir(ctx), 'config.toml');
    const config = readIfExists(configFile);
    const problems: string[] = [];
    const key = codexHookKey(file, where.group, where.handler);
    const trust = codexHookTrust(config, key);
    if (trust === 'untrusted') problems.push(`Codex has not trusted this hook yet (no trusted_hash for it in ${configFile}), so Codex skips it without a warning: start codex, open /hooks and trust the Agent Guard hook`);
    if (trust === 'disabled') problems.push(`the hook is switched off in Codex (/hooks; enabled = false in ${configFile}), so Codex skips it`);
    if (scope === 'workspace' && !codexProjectTrusted(config, ctx.workspace)) problems.push(`Codex reads ${dirname(file)} only in a trusted project: trust ${ctx.workspace} when Codex asks (trust_level = "trusted" in ${configFile})`);
    return problems;
  },
  programs: ['codex'],
  dirs: (ctx) => [codexDir(ctx)],
});

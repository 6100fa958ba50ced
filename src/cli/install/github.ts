/**
 * VS Code agent hooks and GitHub Copilot CLI read the same folders — `.github/hooks/*.json` in the repository
 * and `~/.copilot/hooks/*.json` (`$COPILOT_HOME/hooks`) for the user — and each parses the other's format. Two
 * entries would make both agents run the hook twice (and ask a person twice), so both share ONE file,
 * `agent-guard.json`, with one `preToolUse` entry carrying VS Code's `command`/`timeout` and Copilot CLI's
 * `bash`/`timeoutSec`; the hook recognises which agent called from the payload. Installing either installs it
 * for both; uninstalling either removes it for both (the notes say so).
 */
import { join } from 'node:path';
import type { Json } from '../hooks/payload';
import type { AgentId } from '../hooks/types';
import { hookCommandLine } from './hookCommand';
import { copilotFolderTrust } from './folderTrust';
import { ensureTopLevel, findOurs, onlyHas, removeEntries, upsertEntry } from './hookEntries';
import { agentTimeoutSeconds, type AgentInstaller, type InstallContext, type Inspection, type Scope } from './types';

const EVENT = 'preToolUse';
const FILE_NAME = 'agent-guard.json';
const KEYS = ['command', 'bash', 'powershell'];
const SHARED_NOTE = `${FILE_NAME} is read by both VS Code agent hooks and GitHub Copilot CLI; its one entry guards both.`;

function copilotHome(ctx: InstallContext): string {
  return ctx.env['COPILOT_HOME'] || join(ctx.home, '.copilot');
}

function handler(ctx: InstallContext): Json {
  const timeout = agentTimeoutSeconds(ctx);
  const vscodeLine = hookCommandLine('vscode', { ...ctx.command, timeoutSeconds: timeout });
  const copilotLine = hookCommandLine('copilot-cli', { ...ctx.command, timeoutSeconds: timeout });
  // cwd ".": run in the workspace root (VS Code otherwise starts hooks in the home folder and sends no cwd)
  const h: Json = { type: 'command', command: vscodeLine, bash: copilotLine, cwd: '.' };
  if (ctx.platform === 'win32') h['powershell'] = `& ${copilotLine}`;
  h['timeout'] = timeout;
  h['timeoutSec'] = timeout;
  return h;
}

function makeInstaller(id: AgentId, displayName: string, other: string, notes: (scope: Scope) => string[], programs: string[], dirs: (ctx: InstallContext) => string[]): AgentInstaller {
  const configFile = (scope: Scope, ctx: InstallContext): string =>
    scope === 'user' ? join(copilotHome(ctx), 'hooks', FILE_NAME) : join(ctx.workspace, '.github', 'hooks', FILE_NAME);
  return {
    id,
    displayName,
    configFile,
    install(current, file, ctx) {
      let text = ensureTopLevel(current ?? '', file, 'version', 1);
      text = upsertEntry(text, file, { layout: 'flat', event: EVENT, handler: handler(ctx), commandKeys: KEYS });
      if (current !== undefined && text.replace(/\s/g, '') === current.replace(/\s/g, '')) text = current;
      const scope: Scope = file === configFile('user', ctx) ? 'user' : 'workspace';
      return { content: text, notes: [SHARED_NOTE, ...notes(scope)] };
    },
    uninstall(current, file) {
      if (current === undefined) return { content: null, notes: [] };
      const text = removeEntries(current, file, 'flat', EVENT, KEYS);
      if (text === current) return { content: current, notes: [] };
      return { content: onlyHas(text, file, { version: 1 }) ? null : text, notes: [`Removed for ${other} as well (shared file).`] };
    },
    inspect(current, file, ctx): Inspection {
      if (current === undefined) return { wired: false, commands: [], problems: [] };
      const found = findOurs(current, file, 'flat', EVENT, KEYS);
      const problems: string[] = [];
      const timeout = agentTimeoutSeconds(ctx);
      for (const f of found) {
        if (f.handler['timeout'] !== timeout && f.handler['timeoutSec'] !== timeout) problems.push(`entry has timeout ${JSON.stringify(f.handler['timeout'] ?? f.handler['timeoutSec'])}`);
      }
      if (id === 'copilot-cli' && found.length > 0 && file !== configFile('user', ctx)) {
        const trust = copilotFolderTrust(copilotHome(ctx), ctx.env, ctx.workspace);
        if (!trust.trusted) problems.push(`Copilot CLI runs repository hooks only in a trusted folder and ${ctx.workspace} is not trusted (${trust.source}), so Copilot CLI skips them without a warning: answer "Yes, and remember this folder" when Copilot CLI asks`);
      }
      return { wired: found.length > 0, commands: found.map((f) => String((id === 'vscode' ? f.handler['command'] : f.handler['bash']) ?? f.handler['command'] ?? f.handler['bash'])), problems };
    },
    detectHints: (ctx) => ({ programs, dirs: dirs(ctx) }),
  };
}

export const vscodeInstaller = makeInstaller(
  'vscode',
  'VS Code (GitHub Copilot agent mode)',
  'GitHub Copilot CLI',
  () => ['VS Code runs agent hooks while "chat.useHooks" is on (the default); an organisation policy can switch them off.'],
  ['code', 'code-insiders'],
  (ctx) => [join(ctx.home, '.vscode'), join(ctx.home, '.vscode-server')],
);

export const copilotCliInstaller = makeInstaller(
  'copilot-cli',
  'GitHub Copilot CLI',
  'VS Code agent hooks',
  (scope) => (scope === 'workspace' ? ['Copilot CLI runs repository hooks only in a folder you trusted.'] : []),
  ['copilot'],
  (ctx) => [copilotHome(ctx)],
);

/**
 * Cline: an executable named exactly `PreToolUse` in `.clinerules/hooks/` (workspace) or
 * `~/Documents/Cline/Hooks/` (global). The VS Code extension runs it when "Enable Hooks" is on in its settings (a
 * fixed 30 s timeout); the CLI 3 runs it as it finds it (120 s), through the interpreter its `#!` line names. There
 * is no config to merge into: the file is ours or it is not. A `PreToolUse` someone else wrote is left alone (and
 * reported). The hook answers by itself within 30 s.
 */
import { join } from 'node:path';
import { hookCommandLine, isOurCommand } from './hookCommand';
import { ConfigParseError } from './jsoncFile';
import type { AgentInstaller, InstallContext, Inspection } from './types';

const MARKER = '# agent-guard hook';

function script(ctx: InstallContext): string {
  // no --timeout: Cline's 30 s are fixed, which is the adapter's default
  const line = hookCommandLine('cline', { ...ctx.command });
  return `#!/bin/sh\n${MARKER} — installed by \`agent-guard install\`, removed by \`agent-guard uninstall\`\nexec ${line}\n`;
}

function isOurs(text: string): boolean {
  return text.includes(MARKER) || text.split('\n').some((l) => isOurCommand(l));
}

export const clineInstaller: AgentInstaller = {
  id: 'cline',
  displayName: 'Cline',
  configFile: (scope, ctx) =>
    scope === 'user' ? join(ctx.home, 'Documents', 'Cline', 'Hooks', 'PreToolUse') : join(ctx.workspace, '.clinerules', 'hooks', 'PreToolUse'),
  install(current, file, ctx) {
    if (current !== undefined && !isOurs(current)) throw new ConfigParseError(`${file} already exists and was not written by Agent Guard; left untouched (Cline runs one PreToolUse per folder: call \`${hookCommandLine('cline', ctx.command)}\` from it yourself)`);
    const notes = [
      'The Cline VS Code extension runs hooks only with "Enable Hooks" checked in its settings; the Cline CLI runs them as they are.',
      'Cline has no way to refuse one call: a block stops its whole task, and the reason is in Cline\'s log, not told to the model.',
    ];
    if (ctx.platform === 'win32') notes.push('Cline does not run hooks on Windows.');
    return { content: script(ctx), mode: 0o755, notes };
  },
  uninstall(current) {
    if (current === undefined || !isOurs(current)) return { content: current ?? null, notes: current !== undefined ? ['PreToolUse exists but is not ours; left alone.'] : [] };
    return { content: null, notes: [] };
  },
  inspect(current): Inspection {
    if (current === undefined) return { wired: false, commands: [], problems: [] };
    if (!isOurs(current)) return { wired: false, commands: [], problems: ['a PreToolUse hook exists but is not Agent Guard\'s'] };
    const line = current.split('\n').find((l) => isOurCommand(l)) ?? '';
    return { wired: true, commands: [line.replace(/^exec\s+/, '')], problems: [] };
  },
  detectHints: (ctx) => ({
    // the CLI (npm package `cline`); the VS Code extension is found by detect.ts
    programs: ['cline'],
    dirs: [join(ctx.home, 'Documents', 'Cline'), join(ctx.home, '.cline')],
  }),
};

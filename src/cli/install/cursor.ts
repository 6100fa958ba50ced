/**
 * Cursor: `.cursor/hooks.json` / `~/.cursor/hooks.json`, `{"version":1,"hooks":{event:[{command, timeout, failClosed}]}}`.
 * Three events: `beforeShellExecution` and `beforeMCPExecution` (the documented, long-standing gates) and the
 * newer `preToolUse` for file writes, told to leave shell and MCP calls to the first two so nothing is asked
 * twice. `failClosed: true` makes a crash, a timeout or an unreadable answer block.
 */
import { join } from 'node:path';
import type { Json } from '../hooks/payload';
import { hookCommandLine } from './hookCommand';
import { ensureTopLevel, findOurs, onlyHas, removeEntries, upsertEntry } from './hookEntries';
import { agentTimeoutSeconds, type AgentInstaller, type InstallContext, type Inspection } from './types';

const EVENTS = ['beforeShellExecution', 'beforeMCPExecution', 'preToolUse'] as const;
const SKIP_IN_PRE_TOOL_USE = ['Shell', 'MCP:*'];

function handler(event: (typeof EVENTS)[number], ctx: InstallContext): Json {
  const timeout = agentTimeoutSeconds(ctx);
  const skipTools = event === 'preToolUse' ? SKIP_IN_PRE_TOOL_USE : [];
  return { command: hookCommandLine('cursor', { ...ctx.command, timeoutSeconds: timeout, skipTools }), timeout, failClosed: true };
}

export const cursorInstaller: AgentInstaller = {
  id: 'cursor',
  displayName: 'Cursor',
  configFile: (scope, ctx) => (scope === 'user' ? join(ctx.home, '.cursor', 'hooks.json') : join(ctx.workspace, '.cursor', 'hooks.json')),
  install(current, file, ctx) {
    let text = ensureTopLevel(current ?? '', file, 'version', 1);
    for (const event of EVENTS) text = upsertEntry(text, file, { layout: 'flat', event, handler: handler(event, ctx) });
    if (current !== undefined && text.replace(/\s/g, '') === current.replace(/\s/g, '')) text = current;
    return {
      content: text,
      notes: ['Cursor applies hooks of a project only in a trusted workspace; some builds need a restart after hooks.json changes.'],
    };
  },
  uninstall(current, file) {
    if (current === undefined) return { content: null, notes: [] };
    let text = current;
    for (const event of EVENTS) text = removeEntries(text, file, 'flat', event);
    return { content: text !== current && onlyHas(text, file, { version: 1 }) ? null : text, notes: [] };
  },
  inspect(current, file, ctx): Inspection {
    if (current === undefined) return { wired: false, commands: [], problems: [] };
    const problems: string[] = [];
    const commands: string[] = [];
    for (const event of EVENTS) {
      const found = findOurs(current, file, 'flat', event);
      if (found.length === 0) problems.push(`no Agent Guard entry for ${event}`);
      for (const f of found) {
        commands.push(String(f.handler['command']));
        if (f.handler['failClosed'] !== true) problems.push(`${event} entry lacks "failClosed": true (a crash would let calls through)`);
        if (f.handler['timeout'] !== agentTimeoutSeconds(ctx)) problems.push(`${event} entry has timeout ${JSON.stringify(f.handler['timeout'])}`);
      }
    }
    return { wired: commands.length > 0, commands, problems };
  },
  detectHints: (ctx) => ({ programs: ['cursor', 'cursor-agent'], dirs: [join(ctx.home, '.cursor')] }),
};

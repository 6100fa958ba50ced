/**
 * The command line an agent runs for the hook, and how to recognise our own entries in a config file.
 * Absolute paths to node and the CLI are written on purpose: an agent that cannot find the program
 * (exit 127) lets the tool call through, and agents run hooks with a PATH of their own.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AgentId } from '../hooks/types';

export interface CommandOptions {
  /** Prefix that starts the CLI, e.g. `agent-guard` or `'/usr/bin/node' '/x/dist/cli.js'`; default: this CLI. */
  readonly prefix?: string;
  /** The hook timeout written into the agent's config, in seconds (passed so the hook answers before it). */
  readonly timeoutSeconds?: number;
  readonly autoApprove?: boolean;
  readonly trustedTools?: readonly string[];
  /** Tools this hook entry leaves to another event of the same agent (Cursor: shell and MCP). */
  readonly skipTools?: readonly string[];
}

export function shellQuote(s: string, platform: NodeJS.Platform = process.platform): string {
  if (/^[\w@%+=:,./-]+$/.test(s)) return s;
  if (platform === 'win32') return `"${s.replace(/"/g, '""')}"`;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** `node /abs/dist/cli.js` for the running CLI. */
export function defaultPrefix(): string {
  const script = process.argv[1];
  let cli = script ? resolve(script) : '';
  try {
    cli = realpathSync(cli);
  } catch {
    /* keep as is */
  }
  return `${shellQuote(process.execPath)} ${shellQuote(cli)}`;
}

export function hookCommandLine(agent: AgentId, opts: CommandOptions = {}): string {
  const parts = [opts.prefix ?? defaultPrefix(), 'hook', agent];
  if (opts.timeoutSeconds !== undefined) parts.push('--timeout', String(opts.timeoutSeconds));
  if (opts.autoApprove) parts.push('--auto-approve');
  for (const t of opts.trustedTools ?? []) parts.push('--trust-tool', shellQuote(t));
  for (const t of opts.skipTools ?? []) parts.push('--skip-tool', shellQuote(t));
  return parts.join(' ');
}

const AGENT_WORD = '(vscode|claude|cursor|gemini|codex|copilot-cli|cline)';
const OURS = new RegExp(`(agent-guard|cli\\.js)['"]?\\s+hook\\s+${AGENT_WORD}(\\s|$)`);

/** True for a hook command this tool wrote (any agent), whatever the path it was installed from. */
export function isOurCommand(command: unknown): boolean {
  return typeof command === 'string' && OURS.test(command);
}

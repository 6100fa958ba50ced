/** Which agents look installed on this machine: a program on PATH or their config folder in the home directory. */
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { basename, delimiter, join } from 'node:path';
import { AGENT_IDS, type AgentId } from '../hooks/types';
import { INSTALLERS } from './registry';
import type { InstallContext } from './types';

export interface Detection {
  readonly agent: AgentId;
  readonly found: boolean;
  /** e.g. `claude on PATH (/usr/local/bin/claude)`, `~/.gemini exists`. */
  readonly evidence: readonly string[];
}

function onPath(program: string, ctx: InstallContext): string | undefined {
  const dirs = (ctx.env['PATH'] ?? '').split(delimiter).filter(Boolean);
  const exts = ctx.platform === 'win32' ? (ctx.env['PATHEXT'] ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const d of dirs) {
    for (const e of exts) {
      const p = join(d, program + e);
      try {
        accessSync(p, ctx.platform === 'win32' ? constants.F_OK : constants.X_OK);
        if (statSync(p).isFile()) return p;
      } catch {
        /* not here */
      }
    }
  }
  return undefined;
}

function clineExtension(ctx: InstallContext): string | undefined {
  for (const dir of ['.vscode', '.vscode-server', '.cursor', '.vscode-insiders']) {
    const ext = join(ctx.home, dir, 'extensions');
    try {
      const hit = readdirSync(ext).find((n) => n.startsWith('saoudrizwan.claude-dev-'));
      if (hit) return join(ext, hit);
    } catch {
      /* none */
    }
  }
  return undefined;
}

export function detectAgent(agent: AgentId, ctx: InstallContext): Detection {
  const hints = INSTALLERS[agent].detectHints(ctx);
  const evidence: string[] = [];
  for (const p of hints.programs) {
    const at = onPath(p, ctx);
    if (at) evidence.push(`${p} on PATH (${at})`);
  }
  for (const d of hints.dirs) if (existsSync(d)) evidence.push(`${d} exists`);
  if (agent === 'cline') {
    const ext = clineExtension(ctx);
    if (ext) evidence.push(`extension ${basename(ext)}`);
  }
  return { agent, found: evidence.length > 0, evidence };
}

export function detectAll(ctx: InstallContext): Detection[] {
  return AGENT_IDS.map((a) => detectAgent(a, ctx));
}

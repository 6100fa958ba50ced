/** Which agents look installed on this machine: a program on PATH or their config folder in the home directory. */
import * as fs from 'node:fs';
import * as path from 'node:path';
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
  const dirs = (ctx.env['PATH'] ?? '').split(path.delimiter).filter(Boolean);
  const exts = ctx.platform === 'win32' ? (ctx.env['PATHEXT'] ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const d of dirs) {
    for (const e of exts) {
      const p = path.join(d, program + e);
      try {
        fs.accessSync(p, ctx.platform === 'win32' ? fs.constants.F_OK : fs.constants.X_OK);
        if (fs.statSync(p).isFile()) return p;
      } catch {
        /* not here */
      }
    }
  }
  return undefined;
}

function clineExtension(ctx: InstallContext): string | undefined {
  for (const dir of ['.vscode', '.vscode-server', '.cursor', '.vscode-insiders']) {
    const ext = path.join(ctx.home, dir, 'extensions');
    try {
      const hit = fs.readdirSync(ext).find((n) => n.startsWith('saoudrizwan.claude-dev-'));
      if (hit) return path.join(ext, hit);
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
  for (const d of hints.dirs) if (fs.existsSync(d)) evidence.push(`${d} exists`);
  if (agent === 'cline') {
    const ext = clineExtension(ctx);
    if (ext) evidence.push(`extension ${path.basename(ext)}`);
  }
  return { agent, found: evidence.length > 0, evidence };
}

export function detectAll(ctx: InstallContext): Detection[] {
  return AGENT_IDS.map((a) => detectAgent(a, ctx));
}

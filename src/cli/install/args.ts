/** Options shared by `install`, `uninstall` and `doctor`. */
import { homeDirectory } from '../homeDirectory';
import { resolve } from 'node:path';
import { DEFAULT_CONFIRM_WAIT_SECONDS } from '../../shared/bridgeProtocol';
import { AGENT_IDS, isAgentId, type AgentId } from '../hooks/types';
import type { InstallContext, Scope } from './types';

export interface SetupArgs {
  readonly agents: readonly AgentId[] | 'all' | 'detected';
  readonly scopes: readonly Scope[];
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly ctx: InstallContext;
}

export class UsageError extends Error {}

export const SETUP_USAGE =
  '[--agent A[,B]…|--all] [--scope user|workspace] [--workspace DIR] [--dry-run] [--json]\n' +
  '       [--auto-approve] [--trust-tool NAME]… [--confirm-wait SECONDS] [--command PREFIX]\n' +
  `agents: ${AGENT_IDS.join(', ')}`;

/** `scopeDefault`: install/uninstall act on one scope (user unless told), doctor looks at both. */
export function parseSetupArgs(argv: readonly string[], scopeDefault: readonly Scope[], env: Readonly<Record<string, string | undefined>> = process.env): SetupArgs {
  const agents: AgentId[] = [];
  let all = false;
  let scopes: Scope[] | undefined;
  let dryRun = false;
  let json = false;
  let workspace = process.cwd();
  let autoApprove = false;
  const trustedTools: string[] = [];
  let confirmWait = DEFAULT_CONFIRM_WAIT_SECONDS;
  let prefix: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] ?? '';
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const value = (): string => {
      const v = eq > 0 ? raw.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--agent':
      case '--agents':
        for (const a of value().split(',').map((s) => s.trim()).filter(Boolean)) {
          if (!isAgentId(a)) throw new UsageError(`unknown agent "${a}" (agents: ${AGENT_IDS.join(', ')})`);
          if (!agents.includes(a)) agents.push(a);
        }
        break;
      case '--all': all = true; break;
      case '--scope': {
        const s = value();
        if (s !== 'user' && s !== 'workspace') throw new UsageError(`--scope is user or workspace, not "${s}"`);
        scopes = [...(scopes ?? []), s];
        break;
      }
      case '--workspace': workspace = resolve(value()); break;
      case '--dry-run': dryRun = true; break;
      case '--json': json = true; break;
      case '--auto-approve': autoApprove = true; break;
      case '--trust-tool': trustedTools.push(value()); break;
      case '--confirm-wait': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 5 || n > 3600) throw new UsageError('--confirm-wait is a whole number of seconds between 5 and 3600');
        confirmWait = n;
        break;
      }
      case '--command': prefix = value(); break;
      default:
        throw new UsageError(`unknown option "${raw}"`);
    }
  }
  if (all && agents.length > 0) throw new UsageError('use either --agent or --all');
  const home = env['HOME'] || env['USERPROFILE'] || homeDirectory();
  return {
    agents: all ? 'all' : agents.length > 0 ? agents : 'detected',
    scopes: scopes ?? scopeDefault,
    dryRun,
    json,
    ctx: {
      home,
      workspace,
      env,
      platform: process.platform,
      command: { ...(prefix !== undefined ? { prefix } : {}), autoApprove, trustedTools },
      confirmWaitSeconds: confirmWait,
    },
  };
}

/**
 * Protected files outside the workspace that the watch also looks after: the agents' user-level configuration
 * (where their hooks and approval switches live — the files an agent would edit to switch Agent Guard off for
 * itself) and the user policy. The list comes from the hook installers, so it names exactly the files
 * `agent-guard install` writes, plus the agents' approval settings; only those the policy protects are kept.
 *
 * Not included on purpose: files the agents rewrite all the time on their own (`~/.claude.json`, session
 * state) and VS Code's user settings (changed by every Settings UI edit): watching those would nag.
 *
 * No `vscode` here: unit-tested directly.
 */
import * as path from 'node:path';
import { INSTALLERS } from '../../cli/install/registry';
import type { InstallContext } from '../../cli/install/types';
import { userPolicyPath } from '../../cli/policy/load';
import type { Policy } from '../../core/policy/types';

export interface HomeContext {
  readonly home: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
}

/** Every candidate file (absolute), whether or not it exists. */
export function homeConfigCandidates({ home, env, platform }: HomeContext): string[] {
  const ctx: InstallContext = { home, workspace: home, env, platform, command: {}, confirmWaitSeconds: 110 };
  const hookFiles = Object.values(INSTALLERS).map((installer) => installer.configFile('user', ctx));
  const approvals = [
    // Codex: approval_policy and sandbox_mode
    path.join(env['CODEX_HOME'] || path.join(home, '.codex'), 'config.toml'),
    // Copilot CLI: trusted folders and allowed tools
    path.join(env['COPILOT_HOME'] || path.join(home, '.copilot'), 'config.json'),
  ];
  return [...new Set([...hookFiles, ...approvals, userPolicyPath(env, home)])];
}

/** The candidates the policy protects (as a path outside any workspace). */
export function homeConfigFiles(policy: Policy, context: HomeContext): string[] {
  return homeConfigCandidates(context).filter((abs) => policy.protectedPaths.some((p) => (p.ops.includes('write') || p.ops.includes('delete')) && p.matches(undefined, abs)));
}

/** `abs` with the home directory shown as `~`. */
export function tildePath(abs: string, home: string): string {
  const rel = path.relative(home, abs);
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return abs;
  return `~/${rel.split(path.sep).join('/')}`;
}

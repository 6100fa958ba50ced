/**
 * `agent-guard doctor`: for every agent, whether it is installed here, whether our hook is wired (user and
 * workspace scope) and still protects — not removed, not changed from what `install` writes, its programs still
 * there, not skipped by a setting or trust decision of the agent (protection.ts, shared with the extension) —,
 * whether the wired command really blocks a dangerous call when run as the agent runs it, and whether an editor
 * answers on the bridge for this workspace. Exit 1 when an installed hook is broken or a found agent is unguarded.
 */
import { homeDirectory } from '../homeDirectory';
import { pingEditor } from '../bridge/client';
import { runtimeDir } from '../bridge/runtimeDir';
import { findRuntimeFile } from '../bridge/runtimeFile';
import { serviceStatus, type ServiceStatus } from '../service/status';
import { AGENT_IDS, type AgentId } from '../hooks/types';
import { readIfExists } from './apply';
import { parseSetupArgs, SETUP_USAGE, UsageError } from './args';
import { detectAgent, type Detection } from './detect';
import { shellQuote } from './hookCommand';
import { INSTALLERS } from './registry';
import { checkProtection, type HookCheck, type HookStatus } from './protection';
import { selfTest, type SelfTestResult } from './selfTest';
import type { InstallContext, Scope } from './types';

export interface ScopeReport {
  readonly scope: Scope;
  readonly file: string;
  readonly exists: boolean;
  readonly wired: boolean;
  /** See protection.ts: ok, not-installed, removed, changed, unresolvable, skipped, unreadable. */
  readonly status: HookStatus;
  /** In the install record. */
  readonly recorded: boolean;
  /** `agent-guard install` for this agent and scope would fix the problems. */
  readonly repairable: boolean;
  readonly problems: readonly string[];
  readonly selfTest?: SelfTestResult;
  readonly notes: readonly string[];
}

export interface AgentReport {
  readonly agent: AgentId;
  readonly name: string;
  readonly detection: Detection;
  /**
   * `protected`: every installed scope works; `unprotected`: something installed is broken; `not installed`: no
   * hook installed for it here (`not wired` when the agent is on this machine, so it runs unguarded).
   */
  readonly status: 'protected' | 'unprotected' | 'not installed' | 'not wired';
  readonly scopes: readonly ScopeReport[];
}

export interface BridgeReport {
  readonly runtimeDir: string;
  readonly workspace: string;
  readonly editor: 'answers' | 'absent' | 'not answering';
  readonly detail: string;
}

export interface DoctorReport {
  readonly workspace: string;
  readonly agents: readonly AgentReport[];
  readonly bridge: BridgeReport;
  /** The judge service (`agent-guard serve`): speed only, never part of `ok`. */
  readonly service: ServiceStatus;
  readonly ok: boolean;
}

function scopeReport(check: HookCheck, ctx: InstallContext, runSelfTest: boolean): ScopeReport {
  let test: SelfTestResult | undefined;
  if (check.wired && runSelfTest) {
    const line = check.agent === 'cline' ? shellQuote(check.file) : check.command;
    test = line ? selfTest(check.agent, line, ctx.workspace, { ...process.env, ...(ctx.env as NodeJS.ProcessEnv) }) : { ok: false, detail: 'no command line found' };
  }
  const installNotes = check.wired ? safeNotes(() => INSTALLERS[check.agent].install(readIfExists(check.file), check.file, ctx).notes) : [];
  const status: HookStatus = test && !test.ok && check.status === 'ok' ? 'unresolvable' : check.status;
  return {
    scope: check.scope,
    file: check.file,
    exists: check.exists,
    wired: check.wired,
    status,
    recorded: check.recorded,
    repairable: check.repairable,
    problems: check.problems,
    ...(test ? { selfTest: test } : {}),
    notes: [...new Set([...installNotes, ...check.notes])],
  };
}

function safeNotes(f: () => readonly string[]): readonly string[] {
  try {
    return f();
  } catch {
    return [];
  }
}

async function bridgeReport(workspace: string, env: InstallContext['env']): Promise<BridgeReport> {
  const dir = runtimeDir(env);
  const lookup = findRuntimeFile(workspace, dir);
  if (!lookup.file) return { runtimeDir: dir, workspace, editor: 'absent', detail: lookup.detail };
  const ping = await pingEditor(lookup.file);
  if (ping.ok) return { runtimeDir: dir, workspace, editor: 'answers', detail: `${ping.pong.editor ?? 'editor'} for ${lookup.file.root} answered in ${ping.ms} ms` };
  return { runtimeDir: dir, workspace, editor: 'not answering', detail: `${lookup.path}: ${ping.detail}` };
}

export async function doctor(argv: readonly string[]): Promise<{ report: DoctorReport; json: boolean }> {
  const args = parseSetupArgs(argv, ['user', 'workspace']);
  const agents = args.agents === 'all' || args.agents === 'detected' ? [...AGENT_IDS] : [...args.agents];
  const { checks } = checkProtection({ home: args.ctx.home, workspaces: [args.ctx.workspace], env: args.ctx.env, platform: args.ctx.platform, agents, scopes: args.scopes });
  const selfTested = new Set<string>();
  const reports: AgentReport[] = agents.map((agent) => {
    const scopes = checks.filter((c) => c.agent === agent).map((check) => {
      // VS Code and Copilot CLI share a file: test each agent's own command line once per file
      const key = `${agent}\u0000${check.file}`;
      const first = !selfTested.has(key);
      selfTested.add(key);
      return scopeReport(check, args.ctx, first);
    });
    const detection = detectAgent(agent, args.ctx);
    const installed = scopes.filter((s) => s.status !== 'not-installed');
    const broken = installed.some((s) => s.status !== 'ok' || s.problems.length > 0 || (s.selfTest !== undefined && !s.selfTest.ok));
    const status: AgentReport['status'] = broken ? 'unprotected' : installed.length > 0 ? 'protected' : detection.found ? 'not wired' : 'not installed';
    return { agent, name: INSTALLERS[agent].displayName, detection, status, scopes };
  });
  const bridge = await bridgeReport(args.ctx.workspace, args.ctx.env);
  const service = await serviceStatus(args.ctx.env);
  const ok = reports.every((r) => r.status === 'protected' || r.status === 'not installed');
  return { report: { workspace: args.ctx.workspace, agents: reports, bridge, service, ok }, json: args.json };
}

function tilde(p: string): string {
  const home = homeDirectory();
  return p.startsWith(home + '/') ? '~' + p.slice(home.length) : p;
}

const STATE: Record<HookStatus, string> = {
  ok: 'hook wired',
  'not-installed': 'not installed',
  removed: 'REMOVED',
  changed: 'CHANGED',
  unresolvable: 'BROKEN (hook program missing)',
  skipped: 'SKIPPED by the agent',
  unreadable: 'UNREADABLE',
};

export function formatDoctor(r: DoctorReport): string {
  const lines: string[] = [`Agent Guard doctor — workspace ${tilde(r.workspace)}`, ''];
  for (const a of r.agents) {
    const found = a.detection.found ? `found (${a.detection.evidence.join('; ')})` : 'not found on this machine';
    lines.push(`${a.name} [${a.agent}]: ${a.status.toUpperCase()} — ${found}`);
    for (const s of a.scopes) {
      const state = s.status === 'not-installed' ? (s.exists ? 'no Agent Guard hook' : 'no config') : STATE[s.status];
      lines.push(`  ${s.scope.padEnd(9)} ${tilde(s.file)}: ${state}`);
      if (s.selfTest) lines.push(`            self-test: ${s.selfTest.ok ? 'ok, ' : 'FAILED, '}${s.selfTest.detail}`);
      for (const p of s.problems) lines.push(`            problem: ${p}`);
      for (const n of s.notes) lines.push(`            note: ${n}`);
      if (s.repairable && s.status !== 'ok') lines.push(`            → repair: agent-guard install --agent ${a.agent} --scope ${s.scope}${s.scope === 'workspace' ? ` --workspace ${shellQuote(r.workspace)}` : ''}`);
    }
    if (a.status === 'not wired') lines.push(`  → not protected: run \`agent-guard install --agent ${a.agent}\``);
  }
  lines.push('', `Editor bridge (${tilde(r.bridge.runtimeDir)}): ${r.bridge.editor} — ${r.bridge.detail}`);
  if (r.bridge.editor !== 'answers') lines.push('  Without an editor, calls that need confirmation are asked in the agent where it can ask, otherwise blocked with how to approve.');
  lines.push('', `Judge service${r.service.socket !== undefined ? ` (${tilde(r.service.socket)})` : ''}: ${r.service.detail}`);
  lines.push('', r.ok ? 'Every installed hook is wired and blocks as it should.' : 'Some agents are not protected or their hooks have problems (see above).');
  return lines.join('\n') + '\n';
}

export async function runDoctor(argv: readonly string[]): Promise<number> {
  try {
    const { report, json } = await doctor(argv);
    process.stdout.write(json ? JSON.stringify(report, null, 2) + '\n' : formatDoctor(report));
    return report.ok ? 0 : 1;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`agent-guard doctor: ${e.message}\nusage: agent-guard doctor ${SETUP_USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

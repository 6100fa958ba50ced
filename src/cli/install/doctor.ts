/**
 * `agent-guard doctor`: for every agent, whether it is installed here, whether our hook is wired (user and
 * workspace scope), whether the wired command really blocks a dangerous call when run as the agent runs it,
 * and whether an editor answers on the bridge for this workspace.
 */
import * as os from 'node:os';
import { pingEditor } from '../bridge/client';
import { runtimeDir } from '../bridge/runtimeDir';
import { findRuntimeFile } from '../bridge/runtimeFile';
import { AGENT_IDS, type AgentId } from '../hooks/types';
import { readIfExists } from './apply';
import { parseSetupArgs, SETUP_USAGE, UsageError } from './args';
import { detectAgent, type Detection } from './detect';
import { shellQuote } from './hookCommand';
import { INSTALLERS } from './registry';
import { selfTest, type SelfTestResult } from './selfTest';
import type { InstallContext, Scope } from './types';

export interface ScopeReport {
  readonly scope: Scope;
  readonly file: string;
  readonly exists: boolean;
  readonly wired: boolean;
  readonly problems: readonly string[];
  readonly selfTest?: SelfTestResult;
  readonly notes: readonly string[];
}

export interface AgentReport {
  readonly agent: AgentId;
  readonly name: string;
  readonly detection: Detection;
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
  readonly ok: boolean;
}

function inspectScope(agent: AgentId, scope: Scope, ctx: InstallContext, runSelfTest: boolean): ScopeReport {
  const inst = INSTALLERS[agent];
  const file = inst.configFile(scope, ctx);
  let current: string | undefined;
  try {
    current = readIfExists(file);
  } catch (e) {
    return { scope, file, exists: true, wired: false, problems: [`cannot read: ${e instanceof Error ? e.message : String(e)}`], notes: [] };
  }
  try {
    const ins = inst.inspect(current, file, ctx);
    let test: SelfTestResult | undefined;
    if (ins.wired && runSelfTest) {
      const line = agent === 'cline' ? shellQuote(file) : ins.commands[0];
      test = line ? selfTest(agent, line, ctx.workspace, { ...process.env, ...(ctx.env as NodeJS.ProcessEnv) }) : { ok: false, detail: 'no command line found' };
    }
    const notes = ins.wired && current !== undefined ? safeNotes(() => inst.install(current, file, ctx).notes) : [];
    return { scope, file, exists: current !== undefined, wired: ins.wired, problems: ins.problems, ...(test ? { selfTest: test } : {}), notes };
  } catch (e) {
    return { scope, file, exists: current !== undefined, wired: false, problems: [e instanceof Error ? e.message : String(e)], notes: [] };
  }
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
  const selfTested = new Set<string>();
  const reports: AgentReport[] = agents.map((agent) => {
    const scopes = args.scopes.map((scope) => {
      const file = INSTALLERS[agent].configFile(scope, args.ctx);
      // VS Code and Copilot CLI share a file: test each agent's own command line once per file
      const key = `${agent}\u0000${file}`;
      const first = !selfTested.has(key);
      selfTested.add(key);
      return inspectScope(agent, scope, args.ctx, first);
    });
    return { agent, name: INSTALLERS[agent].displayName, detection: detectAgent(agent, args.ctx), scopes };
  });
  const bridge = await bridgeReport(args.ctx.workspace, args.ctx.env);
  const ok = reports.every((r) => {
    const wired = r.scopes.filter((s) => s.wired);
    if (r.detection.found && wired.length === 0) return false;
    return wired.every((s) => s.problems.length === 0 && (s.selfTest?.ok ?? true));
  });
  return { report: { workspace: args.ctx.workspace, agents: reports, bridge, ok }, json: args.json };
}

function tilde(p: string): string {
  const home = os.homedir();
  return p.startsWith(home + '/') ? '~' + p.slice(home.length) : p;
}

export function formatDoctor(r: DoctorReport): string {
  const lines: string[] = [`Agent Guard doctor — workspace ${tilde(r.workspace)}`, ''];
  for (const a of r.agents) {
    const status = a.detection.found ? `installed (${a.detection.evidence.join('; ')})` : 'not found on this machine';
    lines.push(`${a.name} [${a.agent}]: ${status}`);
    for (const s of a.scopes) {
      const state = s.wired ? 'hook wired' : s.exists ? 'no Agent Guard hook' : 'no config';
      lines.push(`  ${s.scope.padEnd(9)} ${tilde(s.file)}: ${state}`);
      if (s.selfTest) lines.push(`            self-test: ${s.selfTest.ok ? 'ok, ' : 'FAILED, '}${s.selfTest.detail}`);
      for (const p of s.problems) lines.push(`            problem: ${p}`);
      for (const n of s.notes) lines.push(`            note: ${n}`);
    }
    if (a.detection.found && !a.scopes.some((s) => s.wired)) lines.push(`  → not protected: run \`agent-guard install --agent ${a.agent}\``);
  }
  lines.push('', `Editor bridge (${tilde(r.bridge.runtimeDir)}): ${r.bridge.editor} — ${r.bridge.detail}`);
  if (r.bridge.editor !== 'answers') lines.push('  Without an editor, calls that need confirmation are asked in the agent where it can ask, otherwise blocked with how to approve.');
  lines.push('', r.ok ? 'All wired hooks block as they should.' : 'Some agents are not protected or their hooks have problems (see above).');
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

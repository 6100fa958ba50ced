/**
 * `install` and `uninstall`: pick the agents, plan every file (several agents may share one), print the plan,
 * write it unless --dry-run.
 */
import { homeDirectory } from '../homeDirectory';
import { AGENT_IDS, type AgentId } from '../hooks/types';
import { applyChange, planChange, type FileChange } from './apply';
import { parseSetupArgs, SETUP_USAGE, UsageError, type SetupArgs } from './args';
import { detectAll } from './detect';
import { recordPath, updateRecord, type InstallRecordEntry } from './installRecord';
import { INSTALLERS } from './registry';
import { entriesFor } from './repair';
import type { Planned, Scope } from './types';

export type SetupKind = 'install' | 'uninstall';

export interface SetupOutput {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
}

const stdio: SetupOutput = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

function tilde(p: string): string {
  const home = homeDirectory();
  return p.startsWith(home + '/') ? '~' + p.slice(home.length) : p;
}

function chooseAgents(args: SetupArgs, kind: SetupKind): AgentId[] {
  if (args.agents === 'all') return [...AGENT_IDS];
  if (args.agents !== 'detected') return [...args.agents];
  // uninstall without --agent removes ours wherever it is; install without it targets what is installed here
  if (kind === 'uninstall') return [...AGENT_IDS];
  return detectAll(args.ctx).filter((d) => d.found).map((d) => d.agent);
}

/** Plans all changes, chaining agents that share a file through the in-memory text. */
export function planSetup(args: SetupArgs, kind: SetupKind, agents: readonly AgentId[]): FileChange[] {
  const byFile = new Map<string, FileChange>();
  const order: string[] = [];
  for (const scope of args.scopes) {
    for (const agent of agents) {
      const inst = INSTALLERS[agent];
      const file = inst.configFile(scope, args.ctx);
      const prior = byFile.get(file);
      const make = (current: string | undefined): Planned =>
        kind === 'install' ? inst.install(current, file, args.ctx) : inst.uninstall(current, file, args.ctx);
      if (prior && prior.action !== 'error') {
        // a second agent on the same file: start from what the first one planned
        const chained = planChange(agent, file, () => make(prior.after ?? undefined));
        const after = chained.after;
        const action = chained.action === 'error' ? 'error' : after === null ? (prior.before === undefined ? 'absent' : 'delete') : prior.before === undefined ? 'create' : after === prior.before ? 'unchanged' : 'update';
        byFile.set(file, { ...chained, agent: prior.agent, also: [...(prior.also ?? []), agent], before: prior.before, action, notes: [...new Set([...prior.notes, ...chained.notes])] });
      } else if (!prior) {
        byFile.set(file, planChange(agent, file, make));
        order.push(file);
      }
    }
  }
  return order.map((f) => byFile.get(f)).filter((c): c is FileChange => c !== undefined);
}

function describe(c: FileChange, kind: SetupKind, dryRun: boolean): string {
  const verb = {
    create: dryRun ? 'would create' : 'created',
    update: dryRun ? 'would update' : 'updated',
    delete: dryRun ? 'would delete' : 'deleted',
    unchanged: kind === 'install' ? 'already installed' : 'nothing of ours in',
    absent: 'not present',
    error: 'skipped',
  }[c.action];
  const names = [c.agent, ...(c.also ?? [])].map((a) => INSTALLERS[a].displayName).join(' + ');
  const lines = [`${names}: ${verb} ${tilde(c.file)}`];
  if (c.error) lines.push(`  ! ${c.error}`);
  if (c.backup) lines.push(`  backup: ${tilde(c.backup)}`);
  if (kind === 'install') for (const n of c.notes) lines.push(`  note: ${n}`);
  if (dryRun && c.after !== null && (c.action === 'create' || c.action === 'update')) {
    lines.push('  --- new content ---', ...c.after.trimEnd().split('\n').map((l) => '  | ' + l));
  }
  return lines.join('\n') + '\n';
}

/**
 * Keeps the install record (installRecord.ts) in step with what was written, so `doctor` and the editor can tell
 * a hook that disappeared from one that was never installed. False when the record could not be written.
 * Every installer should call it after writing (the extension's Install Agent Hooks too).
 */
export function recordSetup(kind: SetupKind, done: readonly FileChange[], args: Pick<SetupArgs, 'scopes' | 'ctx'>, io: SetupOutput = stdio): boolean {
  const installed: InstallRecordEntry[] = [];
  const removed: { agent: FileChange['agent']; file: string; scope: Scope }[] = [];
  for (const c of done) {
    if (c.action === 'error') continue;
    const scope: Scope = args.scopes.find((s) => INSTALLERS[c.agent].configFile(s, args.ctx) === c.file) ?? 'user';
    if (kind === 'install') installed.push(...entriesFor(c, scope, args.ctx));
    else for (const agent of [c.agent, ...(c.also ?? [])]) removed.push({ agent, file: c.file, scope });
  }
  const file = recordPath(args.ctx.env, args.ctx.home);
  try {
    updateRecord(file, installed, removed);
    return true;
  } catch (e) {
    io.err(`agent-guard ${kind}: could not update ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return false;
  }
}

export async function runSetup(kind: SetupKind, argv: readonly string[], io: SetupOutput = stdio): Promise<number> {
  await Promise.resolve();
  let args: SetupArgs;
  try {
    args = parseSetupArgs(argv, ['user']);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`agent-guard ${kind}: ${e.message}\nusage: agent-guard ${kind} ${SETUP_USAGE}\n`);
      return 2;
    }
    throw e;
  }
  const agents = chooseAgents(args, kind);
  if (agents.length === 0) {
    io.err(`agent-guard ${kind}: no supported agent found on this machine; name one with --agent (${AGENT_IDS.join(', ')}) or use --all\n`);
    return 1;
  }
  const planned = planSetup(args, kind, agents);
  const done: FileChange[] = [];
  let failed = planned.some((c) => c.action === 'error');
  for (const c of planned) {
    if (args.dryRun) { done.push(c); continue; }
    try {
      done.push(applyChange(c));
    } catch (e) {
      failed = true;
      done.push({ ...c, action: 'error', error: `could not write: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  if (!args.dryRun) failed = !recordSetup(kind, done, args, io) || failed;
  if (args.json) {
    io.out(JSON.stringify({ kind, dryRun: args.dryRun, changes: done.map(({ before: _b, after: _a, ...rest }) => rest) }, null, 2) + '\n');
  } else {
    for (const c of done) io.out(describe(c, kind, args.dryRun));
    if (!args.dryRun && kind === 'install' && !failed) io.out('Run `agent-guard doctor` to check that every hook answers.\n');
  }
  return failed ? 1 : 0;
}

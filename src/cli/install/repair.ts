/**
 * Repair: run `install` again for exactly the agents and scopes whose hook was removed, changed, or points at a
 * program that no longer exists — with the options they were installed with — and record it. Used by the
 * extension's **Repair Agent Hooks** (in-process) and available to the CLI. Trust decisions inside an agent
 * (Codex's /hooks review, Gemini's trusted folders) cannot be repaired by writing a config; they are reported.
 */
import { chmodSync } from 'node:fs';
import { DEFAULT_CONFIRM_WAIT_SECONDS } from '../../shared/bridgeProtocol';
import type { AgentId } from '../hooks/types';
import { applyChange, planChange, type FileChange } from './apply';
import { parseHookCommand, unresolvedPrograms } from './commandLine';
import { defaultPrefix } from './hookCommand';
import { activeEntry, readRecord, recordPath, updateRecord, type InstallRecordEntry } from './installRecord';
import { installContextFor, type HookCheck } from './protection';
import { INSTALLERS } from './registry';
import type { InstallContext, Scope } from './types';

export interface RepairOptions {
  readonly home: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform?: NodeJS.Platform;
  readonly recordFile?: string;
  /** Starts this CLI; used when the recorded prefix no longer resolves (default: the running CLI). */
  readonly fallbackPrefix?: string;
}

export interface RepairResult {
  readonly agent: AgentId;
  readonly scope: Scope;
  readonly file: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** Record entries for what an install wrote (each agent of a shared file gets its own). */
export function entriesFor(change: FileChange, scope: Scope, ctx: InstallContext, now: Date = new Date()): InstallRecordEntry[] {
  return [change.agent, ...(change.also ?? [])].map((agent) => ({
    agent,
    scope,
    file: change.file,
    ...(scope === 'workspace' ? { workspace: ctx.workspace } : {}),
    prefix: ctx.command.prefix ?? defaultPrefix(),
    autoApprove: ctx.command.autoApprove ?? false,
    trustedTools: [...(ctx.command.trustedTools ?? [])],
    confirmWaitSeconds: ctx.confirmWaitSeconds,
    installedAt: now.toISOString(),
  }));
}

function prefixResolves(prefix: string | undefined, agent: AgentId, env: RepairOptions['env']): boolean {
  if (prefix === undefined) return false;
  const parsed = parseHookCommand(`${prefix} hook ${agent}`, agent);
  return parsed !== undefined && unresolvedPrograms(parsed, env).length === 0;
}

export function repairHooks(checks: readonly HookCheck[], opts: RepairOptions): RepairResult[] {
  const recordFile = opts.recordFile ?? recordPath(opts.env, opts.home);
  const results: RepairResult[] = [];
  for (const check of checks) {
    if (!check.repairable) {
      results.push({ agent: check.agent, scope: check.scope, file: check.file, ok: false, detail: check.problems.join('; ') || 'nothing to repair' });
      continue;
    }
    const record = readRecord(recordFile);
    const base: InstallContext = { home: opts.home, workspace: check.workspace ?? opts.home, env: opts.env, platform: opts.platform ?? process.platform, command: {}, confirmWaitSeconds: DEFAULT_CONFIRM_WAIT_SECONDS };
    const parsed = check.command !== undefined ? parseHookCommand(check.command, check.agent) : undefined;
    let ctx = installContextFor(base, activeEntry(record, check.agent, check.file), parsed);
    if (!prefixResolves(ctx.command.prefix, check.agent, opts.env)) ctx = { ...ctx, command: { ...ctx.command, prefix: opts.fallbackPrefix ?? defaultPrefix() } };
    const inst = INSTALLERS[check.agent];
    const planned = planChange(check.agent, check.file, (current) => inst.install(current, check.file, ctx));
    if (planned.action === 'error') {
      results.push({ agent: check.agent, scope: check.scope, file: check.file, ok: false, detail: planned.error ?? 'could not plan the change' });
      continue;
    }
    try {
      const done = applyChange(planned);
      // the content may be intact while the mode is not (Cline's script lost its executable bit)
      if (done.mode !== undefined && done.after !== null) chmodSync(done.file, done.mode);
      updateRecord(recordFile, entriesFor(done, check.scope, ctx), []);
      results.push({ agent: check.agent, scope: check.scope, file: check.file, ok: true, detail: done.action === 'unchanged' ? 'already as installed' : `${done.action === 'create' ? 'recreated' : 'rewrote'} ${check.file}${done.backup ? ` (backup ${done.backup})` : ''}` });
    } catch (e) {
      results.push({ agent: check.agent, scope: check.scope, file: check.file, ok: false, detail: `could not write: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  return results;
}

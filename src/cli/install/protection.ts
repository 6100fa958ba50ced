/**
 * Is every hook the person installed still protecting them? For each agent and scope: whether it was installed
 * (the install record, or our entry found in its config), and if so whether the entry is still there, still what
 * `install` writes for the same options (command, matcher, timeout, fail-closed switches), whether the programs
 * its command starts still exist, and whether a setting or trust decision makes the agent skip it.
 *
 * In-process and cheap (a few small file reads, nothing spawned): `doctor` adds its self-test on top, and the
 * extension calls this after activation and whenever an agent's hook config changes. No `vscode` here.
 */
import { accessSync, constants } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_CONFIRM_WAIT_SECONDS } from '../../shared/bridgeProtocol';
import { AGENT_IDS, type AgentId } from '../hooks/types';
import { readIfExists } from './apply';
import { parseHookCommand, unresolvedPrograms, type ParsedHookCommand } from './commandLine';
import { activeEntry, readRecord, recordPath, type InstallRecord, type InstallRecordEntry } from './installRecord';
import { INSTALLERS } from './registry';
import { trustSwitches, type EditorHookSettings } from './trustSwitches';
import type { InstallContext, Scope } from './types';

/**
 * - `ok`: installed and protecting;
 * - `not-installed`: never installed here (or uninstalled): nothing to protect, nothing wrong;
 * - `removed`: installed, but the file or our entry in it is gone;
 * - `changed`: our entry is there but differs from what `install` writes (command, matcher, timeout, switches);
 * - `unresolvable`: the programs the hook command starts no longer exist;
 * - `skipped`: wired correctly, but a setting or trust decision makes the agent skip it;
 * - `unreadable`: the config cannot be read or parsed.
 */
export type HookStatus = 'ok' | 'not-installed' | 'removed' | 'changed' | 'unresolvable' | 'skipped' | 'unreadable';

export interface HookCheck {
  readonly agent: AgentId;
  readonly name: string;
  readonly scope: Scope;
  readonly file: string;
  /** The workspace folder, for workspace scope. */
  readonly workspace?: string;
  readonly status: HookStatus;
  /** In the install record (and not uninstalled since). */
  readonly recorded: boolean;
  readonly exists: boolean;
  /** Our entry is in the config. */
  readonly wired: boolean;
  /** Why it does not protect; empty for `ok` and `not-installed`. */
  readonly problems: readonly string[];
  readonly notes: readonly string[];
  /** `agent-guard install` for this agent and scope would fix it (not so for trust decisions in the agent). */
  readonly repairable: boolean;
  /** The command line of our entry (for doctor's self-test). */
  readonly command?: string;
}

export interface ProtectionOptions {
  readonly home: string;
  /** Workspace folders whose workspace-scope hooks are checked. */
  readonly workspaces: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform?: NodeJS.Platform;
  readonly agents?: readonly AgentId[];
  readonly scopes?: readonly Scope[];
  /** VS Code settings as the running editor resolves them (the extension); the CLI reads the files. */
  readonly editorSettings?: EditorHookSettings;
  /** Another install record (tests). */
  readonly recordFile?: string;
  /**
   * Hooks known to be installed from elsewhere — the editor remembers every hook it has seen wired, so one
   * installed without a record (an older CLI, an installer that does not record) still counts when it disappears.
   * A hook the record says was uninstalled is not counted.
   */
  readonly known?: ReadonlyArray<{ readonly agent: AgentId; readonly file: string }>;
}

export interface ProtectionReport {
  readonly checks: readonly HookCheck[];
  /** Installed hooks that do not protect. */
  readonly broken: readonly HookCheck[];
}

export function isBroken(c: HookCheck): boolean {
  return c.status !== 'ok' && c.status !== 'not-installed';
}

/** The install options for `file`: what was recorded, else what the installed command line says, else defaults. */
export function installContextFor(base: InstallContext, entry: InstallRecordEntry | undefined, parsed: ParsedHookCommand | undefined): InstallContext {
  if (entry) {
    return { ...base, command: { prefix: entry.prefix, autoApprove: entry.autoApprove, trustedTools: entry.trustedTools }, confirmWaitSeconds: entry.confirmWaitSeconds };
  }
  if (parsed) {
    const t = parsed.options.timeoutSeconds;
    const wait = t !== undefined && t - 30 >= 5 ? t - 30 : base.confirmWaitSeconds;
    return { ...base, command: { prefix: parsed.prefix, autoApprove: parsed.options.autoApprove, trustedTools: parsed.options.trustedTools }, confirmWaitSeconds: wait };
  }
  return base;
}

function baseContext(opts: ProtectionOptions, workspace: string): InstallContext {
  return { home: opts.home, workspace, env: opts.env, platform: opts.platform ?? process.platform, command: {}, confirmWaitSeconds: DEFAULT_CONFIRM_WAIT_SECONDS };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** One agent in one scope. */
export function checkHook(agent: AgentId, scope: Scope, base: InstallContext, record: InstallRecord, editorSettings?: EditorHookSettings, known: ProtectionOptions['known'] = []): HookCheck {
  const inst = INSTALLERS[agent];
  const file = inst.configFile(scope, base);
  const entry = activeEntry(record, agent, file);
  const uninstalled = entry === undefined && record.entries.some((e) => e.agent === agent && e.file === file && e.removedAt !== undefined);
  const remembered = !uninstalled && known.some((k) => k.agent === agent && k.file === file);
  const head = { agent, name: inst.displayName, scope, file, ...(scope === 'workspace' ? { workspace: base.workspace } : {}), recorded: entry !== undefined };
  let current: string | undefined;
  try {
    current = readIfExists(file);
  } catch (e) {
    return { ...head, status: 'unreadable', exists: true, wired: false, problems: [`cannot read ${file}: ${message(e)}`], notes: [], repairable: false };
  }
  const exists = current !== undefined;
  let found;
  try {
    found = inst.inspect(current, file, base);
  } catch (e) {
    const status: HookStatus = entry ? 'unreadable' : 'not-installed';
    return { ...head, status, exists, wired: false, problems: entry ? [message(e)] : [], notes: [], repairable: false };
  }
  if (!found.wired) {
    if (!entry && !remembered) return { ...head, status: 'not-installed', exists, wired: false, problems: [], notes: [], repairable: false };
    const why = exists ? `the Agent Guard hook was removed from ${file}` : `${file} was deleted`;
    return { ...head, status: 'removed', exists, wired: false, problems: [`${why}: ${inst.displayName} no longer asks Agent Guard`], notes: [], repairable: true };
  }
  const command = found.commands[0] ?? '';
  const parsed = parseHookCommand(command, agent);
  const ctx = installContextFor(base, entry, parsed);
  const problems: string[] = [];
  let status: HookStatus = 'ok';

  const programs = parsed ? unresolvedPrograms(parsed, base.env) : [`the hook command cannot be read: ${command}`];
  if (agent === 'cline' && current !== undefined && !isExecutable(file)) programs.push(`${file} is not executable`);
  if (programs.length > 0) {
    status = 'unresolvable';
    problems.push(...programs);
  }

  try {
    const expected = inst.install(current, file, ctx);
    if (expected.content === current) {
      // the entry is what install writes: what inspect still finds is about the agent's own trust or settings
      const trust = inst.inspect(current, file, ctx).problems;
      if (trust.length > 0 && status === 'ok') status = 'skipped';
      problems.push(...trust);
    } else {
      if (status === 'ok') status = 'changed';
      const want = expected.content === null ? [] : inst.inspect(expected.content, file, ctx).commands;
      const differs = want.filter((w) => !found.commands.includes(w));
      if (differs.length > 0) problems.push(`the hook command is "${command}"; agent-guard install writes "${differs[0] ?? ''}"`);
      const specific = inst.inspect(current, file, ctx).problems;
      problems.push(...specific);
      if (differs.length === 0 && specific.length === 0) problems.push(`the Agent Guard entry in ${file} differs from what agent-guard install writes (matcher, timeout or fail-closed switch)`);
    }
  } catch (e) {
    if (status === 'ok') status = 'unreadable';
    problems.push(message(e));
  }

  const switches = trustSwitches(agent, scope, file, ctx, editorSettings ? { editorSettings } : {});
  if (switches.problems.length > 0) {
    if (status === 'ok') status = 'skipped';
    problems.push(...switches.problems);
  }
  const repairable = status === 'changed' || status === 'unresolvable';
  return { ...head, status, exists, wired: true, problems, notes: switches.notes, repairable, ...(command ? { command } : {}) };
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Every agent in user scope and in each workspace folder. */
export function checkProtection(opts: ProtectionOptions): ProtectionReport {
  const record = readRecord(opts.recordFile ?? recordPath(opts.env, opts.home));
  const agents = opts.agents ?? AGENT_IDS;
  const scopes = opts.scopes ?? ['user', 'workspace'];
  const checks: HookCheck[] = [];
  for (const scope of scopes) {
    const folders = scope === 'user' ? [opts.workspaces[0] ?? opts.home] : opts.workspaces.map((w) => resolve(w));
    for (const folder of folders) {
      const base = baseContext(opts, folder);
      for (const agent of agents) checks.push(checkHook(agent, scope, base, record, opts.editorSettings, opts.known));
    }
  }
  return { checks, broken: checks.filter(isBroken) };
}

/**
 * "Agent Guard: Install Agent Hooks…": pick the agents (those found on this machine preselected) and the scope,
 * then the same planning and writing as `agent-guard install` (other hooks and comments kept, a backup before
 * every write), with the hook command pointing at the CLI inside this extension (see hookRuntime.ts for how it
 * finds Node). Like the CLI it then updates the install record, so `agent-guard doctor` and the editor's
 * protection monitor count these hooks as installed (and notice when one disappears). The result is shown and
 * logged; "Check Hooks" runs `agent-guard doctor` in a terminal.
 *
 * Called with `{ agents: [...], scope: 'user' | 'workspace' }` it skips the pickers (tests, the walkthrough).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { applyChange, type FileChange } from '../../cli/install/apply';
import { detectAll } from '../../cli/install/detect';
import { recordPath } from '../../cli/install/installRecord';
import { INSTALLERS } from '../../cli/install/registry';
import { planSetup, recordSetup } from '../../cli/install/setup';
import type { InstallContext, Scope } from '../../cli/install/types';
import { isAgentId, type AgentId } from '../../cli/hooks/types';
import { DEFAULT_CONFIRM_WAIT_SECONDS } from '../../shared/bridgeProtocol';
import { announceAgentGuardWrite } from '../protect/register';
import type { Services } from '../services';
import { chooseHookRuntime, type HookRuntime } from './hookRuntime';

export const INSTALL_HOOKS_COMMAND_ID = 'agentGuard.installAgentHooks';

export interface InstallHooksResult {
  readonly runtime: string;
  readonly changes: readonly Pick<FileChange, 'agent' | 'also' | 'file' | 'action' | 'error' | 'backup' | 'notes'>[];
}

function nodeOnPath(env: NodeJS.ProcessEnv): { path: string; major: number } | undefined {
  const exe = process.platform === 'win32' ? 'node.exe' : 'node';
  for (const dir of (env['PATH'] ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, exe);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      const real = fs.realpathSync(candidate);
      const r = spawnSync(real, ['--version'], { encoding: 'utf8', timeout: 5000 });
      const major = Number(/^v(\d+)\./.exec(r.stdout ?? '')?.[1]);
      if (Number.isInteger(major)) return { path: real, major };
    } catch {
      /* not here */
    }
  }
  return undefined;
}

export function hookRuntime(extensionPath: string): HookRuntime {
  return chooseHookRuntime({
    platform: process.platform,
    execPath: process.execPath,
    electronVersion: process.versions.electron,
    nodeOnPath: nodeOnPath(process.env),
    cli: path.join(extensionPath, 'dist', 'cli.js'),
  });
}

function installContext(prefix: string, workspace: string): InstallContext {
  const wait = vscode.workspace.getConfiguration('agentGuard').get<number>('confirmation.timeoutSeconds') ?? DEFAULT_CONFIRM_WAIT_SECONDS;
  return {
    home: os.homedir(),
    workspace,
    env: process.env,
    platform: process.platform,
    command: { prefix, autoApprove: false, trustedTools: [] },
    confirmWaitSeconds: Math.round(wait),
  };
}

async function pickAgents(ctx: InstallContext): Promise<AgentId[] | undefined> {
  const detections = detectAll(ctx);
  const items = detections.map((d): vscode.QuickPickItem & { agent: AgentId } => ({
    label: INSTALLERS[d.agent].displayName,
    description: d.found ? 'found on this machine' : 'not found',
    ...(d.evidence.length > 0 ? { detail: d.evidence.join('; ') } : {}),
    picked: d.found,
    agent: d.agent,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Agent Guard: Install Agent Hooks (1/2)',
    placeHolder: 'Which agents should Agent Guard stop before destructive commands?',
    canPickMany: true,
    ignoreFocusOut: true,
  });
  return picked?.map((p) => p.agent);
}

async function pickScope(hasFolder: boolean): Promise<Scope | undefined> {
  const items: (vscode.QuickPickItem & { scope: Scope })[] = [
    { label: 'User', description: 'every project on this machine (the agents\' user configuration)', scope: 'user' },
  ];
  if (hasFolder) items.push({ label: 'Workspace', description: 'this folder only (files you can commit for the team)', scope: 'workspace' });
  const picked = await vscode.window.showQuickPick(items, { title: 'Agent Guard: Install Agent Hooks (2/2)', placeHolder: 'Where should the hooks be installed?', ignoreFocusOut: true });
  return picked?.scope;
}

function describe(c: FileChange): string {
  const names = [c.agent, ...(c.also ?? [])].map((a) => INSTALLERS[a].displayName).join(' + ');
  const verb = { create: 'created', update: 'updated', delete: 'deleted', unchanged: 'already installed in', absent: 'nothing in', error: 'could not update' }[c.action];
  const lines = [`${names}: ${verb} ${c.file}`];
  if (c.error !== undefined) lines.push(`  ! ${c.error}`);
  if (c.backup !== undefined) lines.push(`  backup: ${c.backup}`);
  for (const n of c.notes) lines.push(`  note: ${n}`);
  return lines.join('\n');
}

function givenArguments(argument: unknown): { agents?: AgentId[]; scope?: Scope } {
  if (typeof argument !== 'object' || argument === null) return {};
  const a = argument as { agents?: unknown; scope?: unknown };
  const agents = Array.isArray(a.agents) ? a.agents.filter((x): x is AgentId => typeof x === 'string' && isAgentId(x)) : undefined;
  const scope = a.scope === 'user' || a.scope === 'workspace' ? a.scope : undefined;
  return { ...(agents !== undefined ? { agents } : {}), ...(scope !== undefined ? { scope } : {}) };
}

export function registerInstallHooksCommand({ context, log }: Services): vscode.Disposable {
  return vscode.commands.registerCommand(INSTALL_HOOKS_COMMAND_ID, async (argument?: unknown): Promise<InstallHooksResult | undefined> => {
    const runtime = hookRuntime(context.extensionPath);
    if (!runtime.ok) {
      void vscode.window.showErrorMessage(`Agent Guard: ${runtime.problem}`);
      return undefined;
    }
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
    const ctx = installContext(runtime.prefix, folder?.uri.fsPath ?? os.homedir());
    const given = givenArguments(argument);
    const agents = given.agents ?? (await pickAgents(ctx));
    if (agents === undefined || agents.length === 0) return undefined;
    const scope = given.scope ?? (await pickScope(folder !== undefined));
    if (scope === undefined) return undefined;

    const planned = planSetup({ agents, scopes: [scope], dryRun: false, json: false, ctx }, 'install', agents);
    const done = planned.map((c) => {
      try {
        // our own write of an agent's hook file is not an agent tampering with it
        announceAgentGuardWrite(c.file);
        return applyChange(c);
      } catch (e) {
        return { ...c, action: 'error' as const, error: `could not write: ${e instanceof Error ? e.message : String(e)}` };
      }
    });
    log.info(`install hooks (${scope}) with ${runtime.how}:\n${done.map(describe).join('\n')}`);
    // the record is a protected file too: our own write of it is not tampering
    announceAgentGuardWrite(recordPath(ctx.env, ctx.home));
    const recorded = recordSetup('install', done, { scopes: [scope], ctx }, { out: (s) => log.info(s.trimEnd()), err: (s) => log.error(s.trimEnd()) });
    const failed = done.filter((c) => c.action === 'error');
    const names = (list: readonly FileChange[]): string => list.map((c) => [c.agent, ...(c.also ?? [])].map((a) => INSTALLERS[a].displayName).join(' + ')).join(', ');
    const ok = done.filter((c) => c.action !== 'error');
    const unrecorded = recorded ? '' : ' The install record could not be updated, so "agent-guard doctor" may not count them; see the log.';
    const message = failed.length > 0
      ? `Agent Guard: hooks installed for ${names(ok) || 'no agent'}; failed for ${names(failed)}. See the log for why.${unrecorded}`
      : `Agent Guard: hooks installed for ${names(ok)} (${scope === 'user' ? 'user' : 'this workspace'}).${unrecorded}`;
    const shown = failed.length > 0 || !recorded ? vscode.window.showWarningMessage(message, 'Show Details', 'Check Hooks') : vscode.window.showInformationMessage(message, 'Show Details', 'Check Hooks');
    void shown.then((choice) => {
      if (choice === 'Show Details') log.show(true);
      if (choice === 'Check Hooks') {
        const terminal = vscode.window.createTerminal({ name: 'Agent Guard doctor', ...(folder !== undefined ? { cwd: folder.uri } : {}) });
        terminal.show();
        terminal.sendText(`${runtime.prefix} doctor`);
      }
    });
    return {
      runtime: runtime.how,
      changes: done.map(({ before: _before, after: _after, ...rest }) => rest),
    };
  });
}

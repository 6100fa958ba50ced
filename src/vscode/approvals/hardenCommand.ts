/**
 * "Agent Guard: Harden Built-in Approvals": writes VS Code's own `chat.tools.terminal.autoApprove` and
 * `chat.tools.edits.autoApprove` from the policy — ask before the destructive command families and before
 * touching protected paths — so Copilot's agent mode asks too, even where no hook runs. The person picks user or
 * workspace settings, sees every change first, and their own entries are kept.
 *
 * Called with `{ target: 'user' | 'workspace' }` it skips the target pick (the walkthrough and tests use this);
 * it resolves to what was written, or undefined when cancelled.
 */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { describePlan, planPreview, planSetting, wantedEditEntries, wantedTerminalEntries, type HardenSources, type SettingPlan } from './hardenPlan';
import { EDITS_AUTO_APPROVE, TERMINAL_AUTO_APPROVE } from './settingShapes';
import { writeSetting, type SettingsTarget } from './settingsWriter';

export const HARDEN_COMMAND_ID = 'agentGuard.hardenBuiltInApprovals';

const APPLY = 'Apply';
const APPLY_AND_TIGHTEN = 'Apply and Tighten Mine';
const SHOW_ALL = 'Show All Changes';

export interface HardenResult {
  readonly target: SettingsTarget;
  readonly plans: readonly SettingPlan[];
  readonly via: readonly string[];
}

/** Protected paths and team rules of every open folder's policy (built-ins included). */
export function hardenSources({ guards }: Services): HardenSources {
  const protectedPaths = new Map<string, { glob: string; id: string }>();
  const commandRules: HardenSources['commandRules'][number][] = [];
  for (const root of guards.roots()) {
    const { loaded } = guards.forRoot(root);
    // the policy files' own paths first: they are what the person wrote and wants to see named
    const ordered = [...loaded.policy.protectedPaths].sort((a, b) => Number(a.source.layer === 'builtin') - Number(b.source.layer === 'builtin'));
    for (const p of ordered) if (!protectedPaths.has(p.glob)) protectedPaths.set(p.glob, { glob: p.glob, id: p.id });
    for (const layer of loaded.layers) commandRules.push(...(layer.document?.commands ?? []));
  }
  return { protectedPaths: [...protectedPaths.values()], commandRules };
}

async function pickTarget(argument: unknown): Promise<SettingsTarget | undefined> {
  const given = (argument as { target?: unknown } | undefined)?.target;
  if (given === 'user' || given === 'workspace') return given;
  const items: (vscode.QuickPickItem & { target: SettingsTarget })[] = [
    { label: 'User settings', description: 'every workspace on this machine', target: 'user' },
  ];
  if ((vscode.workspace.workspaceFolders?.length ?? 0) > 0) {
    items.push({ label: 'Workspace settings', description: '.vscode/settings.json of this folder (shared with the team when committed)', target: 'workspace' });
  }
  const picked = await vscode.window.showQuickPick(items, { title: 'Agent Guard: Harden Built-in Approvals', placeHolder: 'Where should VS Code\'s auto-approve rules be written?', ignoreFocusOut: true });
  return picked?.target;
}

function currentValue(key: string, target: SettingsTarget): unknown {
  const inspected = vscode.workspace.getConfiguration().inspect(key);
  return target === 'user' ? inspected?.globalValue : inspected?.workspaceValue;
}

export function registerHardenCommand(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand(HARDEN_COMMAND_ID, async (argument?: unknown): Promise<HardenResult | undefined> => {
    const target = await pickTarget(argument);
    if (target === undefined) return undefined;
    const sources = hardenSources(services);
    const plan = (tighten: boolean): SettingPlan[] => [
      planSetting(TERMINAL_AUTO_APPROVE, currentValue(TERMINAL_AUTO_APPROVE, target), wantedTerminalEntries(sources), tighten),
      planSetting(EDITS_AUTO_APPROVE, currentValue(EDITS_AUTO_APPROVE, target), wantedEditEntries(sources), tighten),
    ];
    const preview = plan(false);
    const where = target === 'user' ? 'User settings' : 'Workspace settings';
    const conflicts = preview.reduce((n, p) => n + p.conflicts.length, 0);
    const additions = preview.reduce((n, p) => n + p.added.length, 0);
    if (additions === 0 && conflicts === 0) {
      void vscode.window.showInformationMessage(`VS Code's approvals in ${where} already ask before everything the Agent Guard policy protects.`);
      return { target, plans: preview, via: [] };
    }
    const detail = preview.flatMap((p) => [`${p.setting}:`, ...describePlan(p), '']).join('\n');
    const buttons = conflicts > 0 ? [APPLY, APPLY_AND_TIGHTEN, SHOW_ALL] : [APPLY, SHOW_ALL];
    let choice: string | undefined;
    for (;;) {
      choice = await vscode.window.showWarningMessage(
        `Add ${additions} "ask first" rule${additions === 1 ? '' : 's'} to VS Code's auto-approve settings in ${where}?`,
        { modal: true, detail: `Your own entries are kept${conflicts > 0 ? `; ${conflicts} of them approve what the policy protects ("${APPLY_AND_TIGHTEN}" changes those to ask)` : ''}.\n\n${detail}` },
        ...buttons,
      );
      if (choice !== SHOW_ALL) break;
      const doc = await vscode.workspace.openTextDocument({ language: 'jsonc', content: `// What Harden Built-in Approvals would add to ${where}\n${planPreview(preview)}` });
      await vscode.window.showTextDocument(doc, { preview: true });
    }
    if (choice === undefined) return undefined;
    const plans = choice === APPLY_AND_TIGHTEN ? plan(true) : preview;
    const folder = vscode.workspace.workspaceFolders?.[0];
    const via: string[] = [];
    for (const p of plans) {
      if (p.added.length === 0 && p.tightened.length === 0) continue;
      const written = await writeSetting(services.context, p.setting, p.next, target, folder);
      via.push(written.via);
      services.log.info(`harden: wrote ${p.setting} to ${where} (${written.via === 'api' ? 'settings API' : written.via}): ${p.added.length} added, ${p.tightened.length} tightened, ${p.conflicts.length} of yours kept`);
    }
    void vscode.window.showInformationMessage(`Agent Guard wrote VS Code's auto-approve rules to ${where}: Copilot now asks before destructive commands and edits of protected paths.`, 'Open Settings (JSON)').then((open) => {
      if (open !== undefined) void vscode.commands.executeCommand(target === 'user' ? 'workbench.action.openSettingsJson' : 'workbench.action.openWorkspaceSettingsFile');
    });
    return { target, plans, via };
  });
}

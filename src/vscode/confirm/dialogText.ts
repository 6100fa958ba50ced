/**
 * The words of the confirmation dialog: which agent wants to do what (each command or path), in which folder,
 * which rules fired and why, and what the person's choices mean. Also what a person must type for critical
 * actions and production targets. No `vscode` import: unit-tested directly.
 */
import * as path from 'node:path';
import type { ConfirmRequest, GuardedAction } from '../../shared/bridgeProtocol';
import { sessionAllowanceOffered } from './sessionAllowances';

const AGENT_NAMES: Readonly<Record<string, string>> = {
  vscode: 'The VS Code agent',
  claude: 'Claude Code',
  cursor: 'Cursor',
  gemini: 'Gemini CLI',
  codex: 'Codex',
  'copilot-cli': 'Copilot CLI',
  cline: 'Cline',
};

export function agentName(agent: string): string {
  return AGENT_NAMES[agent] ?? `The agent "${agent}"`;
}

export type Choice = 'allow-once' | 'allow-session' | 'deny';

export const CHOICE_LABELS: Readonly<Record<Choice, string>> = {
  'allow-once': 'Allow Once',
  'allow-session': 'Allow for This Session',
  deny: 'Deny',
};

export interface DialogText {
  /** One line: who wants to do what, where. */
  readonly message: string;
  /** The details: agent and tool, folder, every action, every rule with its reason, the risk, the time limit. */
  readonly detail: string;
  /**
   * Buttons in order. The first is the modal's default button, the one Enter presses, so it is always `deny`:
   * someone typing in another editor when the modal appears must not approve anything.
   */
  readonly choices: readonly Choice[];
  /** When set, allowing needs this text typed exactly. */
  readonly typedTarget?: string;
}

const MAX_INLINE = 80;
const MAX_DETAIL_ACTIONS = 20;

function clip(s: string, max: number): string {
  const one = s.replace(/\s*\n\s*/g, ' ⏎ ');
  return one.length > max ? one.slice(0, max - 1) + '…' : one;
}

function verbPhrase(a: GuardedAction): string {
  switch (a.kind) {
    case 'command':
      return `run \`${clip(a.command, MAX_INLINE)}\``;
    case 'edit':
      return `${a.op === 'write' ? 'write' : a.op === 'delete' ? 'delete' : 'rename'} ${path.basename(a.path)}`;
    case 'tool':
      return `use the tool ${a.tool}`;
  }
}

function actionLine(a: GuardedAction, root: string): string {
  switch (a.kind) {
    case 'command':
      return `Command: ${a.command}` + (a.cwd !== root ? `\n  in ${a.cwd}` : '');
    case 'edit':
      return `${a.op === 'write' ? 'Write' : a.op === 'delete' ? 'Delete' : 'Rename'}: ${a.path}`;
    case 'tool':
      return `Tool ${a.tool}: ${a.summary}`;
  }
}

/**
 * What a person must type to allow, or undefined when a click is enough: the production target the policy
 * names, else — for a critical action — the workspace folder's name.
 */
export function typedConfirmationTarget(request: Pick<ConfirmRequest, 'verdict' | 'root'>): string | undefined {
  const v = request.verdict;
  if (v.typedConfirmation !== undefined && v.typedConfirmation.trim() !== '') return v.typedConfirmation.trim();
  const target = v.reasons.find((r) => r.target !== undefined && r.target.trim() !== '')?.target;
  if (target !== undefined) return target.trim();
  if (v.risk === 'critical' || v.reasons.some((r) => r.risk === 'critical')) return path.basename(request.root) || request.root;
  return undefined;
}

export function dialogText(request: ConfirmRequest, timeoutSeconds: number): DialogText {
  const who = agentName(request.agent);
  const folder = path.basename(request.root) || request.root;
  const first = request.actions[0];
  const what = request.actions.length === 0 ? 'do something' : request.actions.length === 1 && first ? verbPhrase(first) : `make ${request.actions.length} changes`;
  const message = `${who} wants to ${what} in ${folder}`;

  const typedTarget = typedConfirmationTarget(request);
  const lines: string[] = [`Agent: ${who} (tool: ${request.tool})`, `Folder: ${request.root}`, ''];
  for (const a of request.actions.slice(0, MAX_DETAIL_ACTIONS)) lines.push(actionLine(a, request.root));
  if (request.actions.length > MAX_DETAIL_ACTIONS) lines.push(`…and ${request.actions.length - MAX_DETAIL_ACTIONS} more`);
  lines.push('', request.verdict.reasons.length === 1 ? 'Rule:' : 'Rules:');
  for (const r of request.verdict.reasons) {
    const where = r.file !== undefined ? ` (${r.file}${r.line !== undefined ? `:${r.line}` : ''})` : '';
    lines.push(`• ${r.rule} (${r.decision}, ${r.risk}): ${r.message}${where}`);
    if (r.command && request.actions.length > 1) lines.push(`  on: ${clip(r.command, MAX_INLINE)}`);
  }
  lines.push('', `Risk: ${request.verdict.risk}`);
  if (typedTarget !== undefined) {
    const why = request.verdict.typedConfirmation !== undefined || request.verdict.reasons.some((r) => r.target !== undefined) ? 'This targets production' : 'This is a critical action';
    lines.push(`${why}: to allow it you will type "${typedTarget}".`);
  }
  const offered = typedTarget === undefined && sessionAllowanceOffered(request.verdict);
  if (offered) lines.push('Allow for This Session: the same agent doing exactly this again in this folder is allowed without asking until the window closes.');
  lines.push(`No answer within ${Math.max(1, Math.round(timeoutSeconds))} s denies it.`);

  const choices: Choice[] = offered ? ['deny', 'allow-once', 'allow-session'] : ['deny', 'allow-once'];
  return { message, detail: lines.join('\n'), choices, ...(typedTarget !== undefined ? { typedTarget } : {}) };
}

export interface ChoiceItem {
  readonly title: string;
  readonly choice: Choice;
  readonly isCloseAffordance: false;
}

/**
 * The modal's message items, in the order of `text.choices`. VS Code (1.100, mainThreadMessageService) takes an
 * item marked `isCloseAffordance` out of the row and makes it the cancel button, so the first item NOT so marked
 * becomes the default button that has focus and answers Enter. Deny therefore comes first and is not the close
 * affordance; VS Code then adds its own Cancel button for Escape and the close icon, which answers `undefined`:
 * a denial as well.
 */
export function modalItems(text: Pick<DialogText, 'choices'>): ChoiceItem[] {
  return text.choices.map((choice) => ({ title: CHOICE_LABELS[choice], choice, isCloseAffordance: false }));
}

/** One line for logs and ledger subjects: the commands or paths of a request. */
export function subjectOf(actions: readonly GuardedAction[]): string {
  return actions.map((a) => (a.kind === 'command' ? a.command : a.kind === 'edit' ? a.path : `${a.tool}: ${a.summary}`)).join('\n');
}

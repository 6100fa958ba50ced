/**
 * Findings about the shape of a command rather than what a program does: text that cannot be parsed, a program
 * or script only known when it runs, limits exceeded. Each is a rule with an id like any other.
 */
import type { Decision, Reason, Risk } from '../verdict';

export interface StructuralRule {
  readonly id: string;
  readonly decision: Decision;
  readonly risk: Risk;
  readonly message: string;
}

export const STRUCTURAL_RULES: readonly StructuralRule[] = [
  {
    id: 'shell.unparseable',
    decision: 'confirm',
    risk: 'medium',
    message: 'The command could not be fully parsed, so what it would do cannot be checked. Nothing that cannot be read completely is allowed without a person.',
  },
  {
    id: 'shell.limit-exceeded',
    decision: 'confirm',
    risk: 'medium',
    message: 'The command is larger or more deeply nested than Agent Guard checks; a person must look at it.',
  },
  {
    id: 'shell.dynamic-program',
    decision: 'confirm',
    risk: 'medium',
    message: 'The program to run is computed when the command runs (a variable or `$( )`), so it cannot be checked beforehand.',
  },
  {
    id: 'shell.dynamic-script',
    decision: 'confirm',
    risk: 'high',
    message: 'Shell code is built when the command runs (eval, `bash -c "$(…)"`), so it cannot be checked beforehand.',
  },
  {
    id: 'shell.unknown-script',
    decision: 'confirm',
    risk: 'high',
    message: 'A shell reads commands from input that is only known when it runs (a download, decoded text, another program).',
  },
  {
    id: 'shell.unreadable-script',
    decision: 'confirm',
    risk: 'medium',
    message: 'The command runs a script whose text could not be read (missing, unreadable, too large, or only known when it runs), so what it would do cannot be checked beforehand.',
  },
  {
    id: 'shell.fork-bomb',
    decision: 'deny',
    risk: 'critical',
    message: 'A function that starts copies of itself in the background (a fork bomb) exhausts the machine until it is rebooted.',
  },
];

const BY_ID = new Map(STRUCTURAL_RULES.map((r) => [r.id, r]));

export function structural(id: string, command: string, line: number, detail?: string, file?: string): Reason {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`unknown structural rule ${id}`);
  const message = detail === undefined ? rule.message : `${rule.message} (${detail})`;
  const base = { rule: id, message, command: command.length > 300 ? command.slice(0, 297) + '…' : command, decision: rule.decision, risk: rule.risk, line };
  return file === undefined ? base : { ...base, file };
}

/**
 * Reasons the hook itself adds (not from a rule pack): they carry rule ids too, so every blocking answer names
 * one. Ids are stable; the documentation and the audit log refer to them.
 */
import type { Reason } from '../../core/verdict';

export const HOOK_RULES = {
  malformedInput: 'hook.malformed-input',
  unknownTool: 'hook.unknown-tool',
  unreadableInput: 'hook.unreadable-input',
  internalError: 'hook.internal-error',
  timeout: 'hook.timeout',
} as const;

export function malformedInput(problem: string): Reason {
  return {
    rule: HOOK_RULES.malformedInput,
    message: `Agent Guard could not read the hook input (${problem}), so it cannot tell what the tool call would do.`,
    command: '',
    decision: 'deny',
    risk: 'high',
  };
}

export function unknownTool(tool: string, summary: string): Reason {
  return {
    rule: HOOK_RULES.unknownTool,
    message: `Agent Guard does not know the tool "${tool}" and cannot tell whether it writes files or runs commands; a person should approve it.`,
    command: summary,
    decision: 'confirm',
    risk: 'medium',
  };
}

export function unreadableInput(tool: string, problem: string, summary: string): Reason {
  return {
    rule: HOOK_RULES.unreadableInput,
    message: `Agent Guard cannot tell which files this ${tool} call touches (${problem}); a person should look at it.`,
    command: summary,
    decision: 'confirm',
    risk: 'medium',
  };
}

export function internalError(error: unknown): Reason {
  const text = error instanceof Error ? error.message : String(error);
  return {
    rule: HOOK_RULES.internalError,
    message: `Agent Guard failed while judging this tool call (${text.slice(0, 300)}); it blocks rather than let it through unchecked.`,
    command: '',
    decision: 'deny',
    risk: 'high',
  };
}

export function hookTimeout(seconds: number): Reason {
  return {
    rule: HOOK_RULES.timeout,
    message: `Agent Guard could not finish judging this tool call within the hook's ${seconds} s budget; it blocks rather than let it through unchecked.`,
    command: '',
    decision: 'deny',
    risk: 'high',
  };
}

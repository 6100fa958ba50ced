/**
 * What the terminal watch records and says about a command someone ran in an integrated terminal. The command
 * has already started when VS Code reports it, so the outcome is always `observed`; a `deny` verdict is
 * flagged to the person with an offer to stop the terminal. No `vscode` here: unit-tested directly.
 */
import type { Verdict } from '../../core/verdict';
import type { DecisionRecord } from '../session/decisionRecord';

export interface TerminalCommand {
  readonly commandLine: string;
  readonly cwd: string;
  readonly root: string;
  /** The terminal's name, e.g. `bash`. */
  readonly terminalName: string;
  readonly time: Date;
}

export function terminalDecisionRecord(command: TerminalCommand, verdict: Verdict): DecisionRecord {
  return {
    time: command.time.toISOString(),
    source: 'terminal',
    agent: 'terminal',
    tool: command.terminalName,
    subject: command.commandLine,
    cwd: command.cwd,
    decision: verdict.decision,
    risk: verdict.risk,
    rules: verdict.reasons.map((r) => r.rule),
    outcome: 'observed',
    root: command.root,
  };
}

/** Longest command line quoted in a notification. */
const MAX_SHOWN = 120;

/** The warning shown for a denied command. */
export function deniedWarning(command: TerminalCommand, verdict: Verdict): string {
  const shown = command.commandLine.length > MAX_SHOWN ? `${command.commandLine.slice(0, MAX_SHOWN - 1)}…` : command.commandLine;
  const first = verdict.reasons[0];
  const why = first ? ` ${first.rule}: ${first.message}` : '';
  return `Agent Guard: terminal "${command.terminalName}" is running a command the policy denies: ${shown}.${why}`;
}

/** Whether the command line is worth judging (shell integration reports empty lines for a bare Enter). */
export function isJudgeable(commandLine: string): boolean {
  return commandLine.trim() !== '';
}

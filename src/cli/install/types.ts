/** The contract of a per-agent config writer. */
import type { AgentId } from '../hooks/types';
import type { CommandOptions } from './hookCommand';

export type Scope = 'user' | 'workspace';

export interface InstallContext {
  readonly home: string;
  /** Absolute workspace folder (for `--scope workspace`). */
  readonly workspace: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  /** How the hook command line is written (prefix, timeout, auto-approve, trusted tools). */
  readonly command: CommandOptions;
  /** Seconds a person gets to answer in the editor; the agent timeout is derived from it. */
  readonly confirmWaitSeconds: number;
}

/** New content for one file: a string to write, or `null` to delete the file. */
export interface Planned {
  readonly content: string | null;
  /** File mode for a new or rewritten file (Cline's hook is an executable script). */
  readonly mode?: number;
  /** Things the person should know (trust prompts, settings to enable, shared files). */
  readonly notes: readonly string[];
}

export interface Inspection {
  /** Our hook entry is present. */
  readonly wired: boolean;
  /** The command lines of our entries. */
  readonly commands: readonly string[];
  /** Problems found (wrong timeout, missing fail-closed switch, unreadable file…). */
  readonly problems: readonly string[];
}

export interface AgentInstaller {
  readonly id: AgentId;
  readonly displayName: string;
  configFile(scope: Scope, ctx: InstallContext): string;
  /** `current` is the file's text, undefined when it does not exist. Throws ConfigParseError on files it will not touch. */
  install(current: string | undefined, file: string, ctx: InstallContext): Planned;
  uninstall(current: string | undefined, file: string, ctx: InstallContext): Planned;
  inspect(current: string | undefined, file: string, ctx: InstallContext): Inspection;
  /** Whether the agent seems installed on this machine, and why we think so. */
  detectHints(ctx: InstallContext): { readonly programs: readonly string[]; readonly dirs: readonly string[] };
}

/** The agent's hook timeout we write: the person's time to answer plus the hook's own margin and start-up. */
export function agentTimeoutSeconds(ctx: InstallContext): number {
  return ctx.confirmWaitSeconds + 30;
}

/**
 * The public contract of the core (also `dist/core.js`). Keep it stable: the CLI, the hooks, the extension
 * and third parties call it.
 */
import type { Verdict } from './verdict';
import type { EditOp, Policy } from './policy/types';

/**
 * Reads a file the command would run or use (a script, package.json, a Makefile, an SQL file, the repository's HEAD
 * and git config for a push of the current branch). Supplied by adapters.
 * Returns the text; `undefined` when it cannot be read (too large, no permission, not a file); `null` when nothing
 * is at that path, so that `source missing.sh` is known to run nothing (a reader that cannot tell returns undefined).
 */
export type ReadFile = (absolutePath: string) => string | undefined | null;

export interface CheckCommandOptions {
  /** Absolute directory the command runs in. */
  readonly cwd: string;
  /** Absolute workspace root; defaults to `cwd`. */
  readonly root?: string;
  /** Environment variables known to be set for the command (from the request), e.g. `KUBECONFIG`. */
  readonly env?: Readonly<Record<string, string>>;
  /** Lets the core judge scripts the command runs; without it such scripts are judged by name only. */
  readonly readFile?: ReadFile;
  /**
   * The real location of an absolute path, following symbolic links (in the workspace root's own spelling when it
   * lies in the workspace), or undefined when it is the path itself or cannot be told. Lets the core see that a
   * write to `notes` lands on `.git/config`; supplied by adapters, like readFile.
   */
  readonly realPath?: (absolutePath: string) => string | undefined;
}

export interface CheckEditOptions {
  /** Absolute workspace root that relative paths and protected-path globs are resolved against. */
  readonly root: string;
  /**
   * The file's new text, when the edit tool says it (optional). Lets the guard explain a change that switches an
   * agent's approvals off (`"chat.tools.global.autoApprove": true`, `"defaultMode": "bypassPermissions"`, a task
   * with `runOn: folderOpen`).
   */
  readonly content?: string;
}

export interface GuardOptions {
  /** The compiled policy; defaults to the built-in one. */
  readonly policy?: Policy;
  /** Absolute home directory (`~`, `$HOME`); when absent, `env.HOME` of the request, else `~` is unknown. */
  readonly home?: string;
}

export interface Guard {
  readonly policy: Policy;
  checkCommand(command: string, options: CheckCommandOptions): Verdict;
  checkEdit(path: string, op: EditOp, options: CheckEditOptions): Verdict;
}

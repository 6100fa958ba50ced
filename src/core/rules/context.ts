/**
 * What a matcher may ask about the world: all of it computed by the core from the request, never by I/O.
 */
import type { Arg, ContainerMount } from '../invocation';
import type { Decision, Risk } from '../verdict';

export interface ResolvedPath {
  /** Absolute, normalised path (`..`, `~`, `$HOME` resolved); for a dynamic path, the worst case. */
  readonly abs: string;
  /** Some part was unknown; `abs` is the worst case (an unset variable expanding to nothing). */
  readonly dynamic: boolean;
  /** Contains a glob; `abs` is the directory the glob expands in. */
  readonly glob: boolean;
  /** Inside the workspace root (and not the root itself). */
  readonly insideWorkspace: boolean;
  /** The workspace root itself (or a glob/dynamic path that covers all of it). */
  readonly isWorkspaceRoot: boolean;
  /** The home directory itself (or all of it). */
  readonly isHome: boolean;
  /** `/` or a top-level system directory (`/etc`, `/usr`, `/var`, …), or all of one. */
  readonly isSystem: boolean;
  /** Relative to the workspace root when inside it, with `/` separators. */
  readonly relative: string | undefined;
}

export interface RuleContext {
  /** Absolute workspace root. */
  readonly root: string;
  /** Absolute home directory. */
  readonly home: string;
  /** Resolve a path argument against the invocation's cwd (or the root when unknown). */
  resolvePath(path: Arg | string, cwd: string | undefined): ResolvedPath;
  /** Reads a file the command uses (an SQL file, a script), when the adapter supplied a reader; else undefined. */
  readFile(absolutePath: string): string | undefined;
  /**
   * Judge a shell command found inside something else (a string an interpreter passes to `system`, a script
   * line). Returns the findings it triggers, most severe first; used by matchers that want to say
   * "this Python one-liner runs `rm -rf /`". `mounts`: the command runs in a new container with these bind mounts
   * (Invocation.mounts), and `cwd` is the container's.
   */
  checkNestedShell(text: string, cwd: string | undefined, mounts?: readonly ContainerMount[]): readonly NestedFinding[];
}

export interface NestedFinding {
  readonly rule: string;
  readonly decision: Decision;
  readonly risk: Risk;
  readonly message: string;
}

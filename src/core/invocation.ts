/**
 * What rule packs see: one simple command after parsing, expansion of what can be known, and unwrapping of
 * every wrapper (sudo, env, bash -c, xargs, find -exec, …). Rule packs never look at raw text or the AST.
 */

/** One argument word after quote removal. */
export interface Arg {
  /** The literal value; unknown parts (`$X` unset, `$(…)`) are replaced by the empty string. */
  readonly value: string;
  /** Some part of the word is only known when it runs (unknown variable, command substitution). */
  readonly dynamic: boolean;
  /** Contains an unquoted glob character (`*`, `?`, `[`). */
  readonly glob: boolean;
}

/** A host directory bind-mounted into a new container (`docker run -v SRC:DST`). */
export interface ContainerMount {
  /** The host side as written (`/`, `~/`, `.` resolved against the host cwd by the walker); may be dynamic. */
  readonly source: Arg;
  /** Absolute path inside the container. */
  readonly target: string;
  /** Mounted `:ro` / `readonly`: nothing can be written or deleted through it. */
  readonly readOnly: boolean;
  /**
   * Stands for the rest of a container whose mounts are not all on the command line (`docker compose run -v …`:
   * the compose file may mount more). Paths it covers are judged as written, as for `docker compose exec`, and
   * the container is not walled off from this machine (rules with `scope: 'machine'` still apply).
   */
  readonly asWritten?: true;
}

export type RedirectOp = '>' | '>>' | '>|' | '&>' | '&>>' | '<' | '<>' | '<<' | '<<-' | '<<<' | '>&' | '<&';

export interface Redirect {
  readonly op: RedirectOp;
  /** File descriptor written before the operator (`2>`), if any. */
  readonly fd: number | undefined;
  readonly target: Arg;
}

/** Where the command's standard input comes from, when it can be told. */
export interface StdinSource {
  readonly kind: 'heredoc' | 'herestring' | 'pipe' | 'file';
  /** The literal text, when it is known before running (heredoc, here-string, `echo …|`, `printf …|`). */
  readonly text: string | undefined;
  /** For `pipe`: the program writing into the pipe (after unwrapping), e.g. `curl`. */
  readonly from: string | undefined;
  /** For `pipe`: the writer's arguments. */
  readonly fromArgs: readonly string[] | undefined;
  /** For `file`: the file redirected in with `<`. */
  readonly path: string | undefined;
}

export interface Invocation {
  /** The program's name as it will be looked up: basename, quotes removed (`/bin/rm`, `r''m`, `\rm` → `rm`). */
  readonly program: string;
  /** The program word as written, quotes removed (`/bin/rm`). */
  readonly programPath: string;
  /** The program word could not be known (computed by `$( )`, an unknown variable). */
  readonly programDynamic: boolean;
  /** Arguments after the program, as literal values. */
  readonly args: readonly string[];
  /** The same arguments with their expansion facts. */
  readonly argv: readonly Arg[];
  /** Environment in effect for this command: the request's env, `X=1 cmd` prefixes, `env X=1`, `export X=1`. */
  readonly env: Readonly<Record<string, string>>;
  /** Absolute working directory for this command (after `cd`/`pushd` in the same line); undefined if unknown. */
  readonly cwd: string | undefined;
  /** The command as a person would read it (normalised spacing), used in reasons. */
  readonly text: string;
  readonly stdin: StdinSource | undefined;
  readonly redirects: readonly Redirect[];
  /** The wrappers this command was found inside, outermost first, e.g. `['sudo', 'bash -c']`. */
  readonly wrappers: readonly string[];
  /** Runs with elevated privileges (sudo, doas, pkexec, su -c). */
  readonly elevated: boolean;
  /** 1-based line of the command within the checked text (multi-line commands, scripts). */
  readonly line: number;
  /**
   * The file the command comes from when it is not the checked text itself: a script the command runs, or the
   * package.json / Makefile whose script it is. `line` is then the line in that file.
   */
  readonly file?: string;
  /**
   * Where the command runs when it is not on this machine: `inside the container web, through docker exec`,
   * `on db1, through ssh`. Its working directory is then unknown; reasons mention where it runs.
   */
  readonly remote?: string;
  /**
   * Set when the command runs in a new container (`docker run`): its files are the container's own except for
   * these bind mounts, so paths are judged through them (`docker run -v ~:/h img rm -rf /h` deletes the home
   * directory) and every other path is harmless to this machine.
   */
  readonly mounts?: readonly ContainerMount[];
  /**
   * Set on a git command when a command before it in the same line may have checked out another branch or changed
   * git's settings (`git checkout main && git push -f`; unwrap/gitStateChanges.ts): what the repository says
   * before the line runs is then not what this command will find.
   */
  readonly afterGitStateChange?: true;
}

/**
 * Options of `git` itself, before the sub-command, that take the next word as their value: `git -C dir push`,
 * `git -c k=v push`, `git --attr-source HEAD reset`. One list for every place that looks for git's sub-command
 * (rules, aliases, settings that run commands). `--exec-path` is not one: bare, it prints the path and exits; its
 * value is only ever given as `--exec-path=dir`.
 */
export const GIT_GLOBAL_VALUE_OPTS: readonly string[] = ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--config-env', '--super-prefix', '--attr-source'];

/**
 * Programs the guard has no table for that may still run the command written after them. Launchers are an open
 * family (`faketime X rm -rf ~`, `trickle -d 10 rm …`, `tsp rm …`, `numactl -N 0 rm …`, `cross-env A=1 rm …`,
 * `hyperfine 'rm -rf ~'`, `sops exec-env s.yaml 'rm …'`, `expect -c 'spawn rm …'`): no list of them is ever
 * complete, so for a program the guard knows nothing about, the rest of its words from the first one that names a
 * program the guard judges (`rm`, `git`, `dd`, `sudo`, `bash`…) is judged as a command it may run, and so is an
 * argument that is shell text naming such a program. Ordinary work is not nagged by this: `tsp npm test` judges
 * `npm test`, which is silent, and only a tail that is itself dangerous raises anything.
 */
import type { Arg } from '../invocation';
import { PACK_PROGRAMS } from '../rules/packPrograms';
import { EFFECT_PROGRAMS } from '../effects';
import { isReaderProgram } from '../readOnly';
import { basename } from '../paths/posix';

/**
 * Programs with a meaning of their own whose arguments name programs without running them (package managers,
 * manuals, build tools, messages), beside those the guard already judges or knows to be readers.
 */
const NOT_LAUNCHERS: ReadonlySet<string> = new Set([
  'man', 'info', 'tldr', 'apropos', 'whatis', 'help', 'command-not-found',
  'brew', 'port', 'snap', 'flatpak', 'pip', 'pip3', 'pipx', 'conda', 'mamba', 'apt-cache', 'apt-file', 'dpkg-query', 'rpm', 'nix-env',
  'make', 'gmake', 'ninja', 'meson', 'bazel', 'go', 'cargo', 'mvn', 'gradle', 'dotnet', 'cc', 'gcc', 'clang',
  'logger', 'notify-send', 'wall', 'cowsay', 'figlet', 'toilet', 'banner', 'zenity', 'kdialog', 'say', 'espeak', 'espeak-ng',
  'complete', 'compgen', 'bind', 'trap', 'read', 'mapfile', 'readarray', 'getopts', 'let', 'local', 'declare', 'typeset', 'export', 'readonly', 'unset',
]);

let heads: ReadonlySet<string> | undefined;

/** Programs whose invocation the guard judges: the rule packs', the file writers', the wrappers' and shells'. */
function judgedPrograms(isWrapper: (name: string) => boolean, wrapperNames: Iterable<string>): ReadonlySet<string> {
  if (heads !== undefined) return heads;
  const s = new Set<string>(EFFECT_PROGRAMS);
  for (const list of Object.values(PACK_PROGRAMS)) for (const p of list) if (p !== '*' && p !== '.' && p !== 'source') s.add(p);
  for (const w of wrapperNames) if (isWrapper(w)) s.add(w);
  heads = s;
  return s;
}

/** What an unknown program may run: the words from the first judged program on, and arguments that are shell text. */
export interface LaunchGuess {
  readonly argv: readonly Arg[] | undefined;
  readonly texts: readonly Arg[];
}

/** The first command word of some text, after `NAME=value` assignments and Tcl/expect's `spawn`/`exec`. */
const FIRST_WORD = /^\s*(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*(?:(?:spawn|exec)\s+)?([^\s;|&()<>]+)/;

/** Text that starts with a judged program (`rm -rf ~`, `A=1 git push -f`); a sentence (`how to rm -rf ~`) does not. */
function startsWithJudged(text: string, judged: ReadonlySet<string>): boolean {
  const first = FIRST_WORD.exec(text)?.[1];
  return first !== undefined && judged.has(basename(first.replace(/^['"]|['"]$/g, '')));
}

/** Options whose value is a command (`-c`, `--exec`, `--prepare`, `--on-change`, `--cmd`): the rest name patterns, titles, messages. */
const COMMAND_OPTION = /^--?(?:[a-z]*-)*(?:a|args|c|e|x|cmd|command|commands|exec|execute|run|shell|eval|script|prepare|setup|cleanup|conclude|before|after|pre|post|hook|on(?:-[a-z]+)+)$/;

/**
 * The shell text an argument may be: a positional word as it is, the value of a command option (`-c 'rm …'`,
 * `--exec='rm …'`); undefined for the value of any other option (`--grep 'rm -rf ~ is denied'`, `-m 'git reset'`).
 */
function shellTextOf(value: string, before: string | undefined): string | undefined {
  if (value.startsWith('-')) {
    const eq = value.indexOf('=');
    return eq > 0 && COMMAND_OPTION.test(value.slice(0, eq)) ? value.slice(eq + 1) : undefined;
  }
  if (before === undefined || !before.startsWith('-') || before.includes('=') || before === '--') return value;
  return COMMAND_OPTION.test(before) ? value : undefined;
}

/**
 * For `name args…`, when `name` is a program the guard knows nothing about: what it may run. Undefined when the
 * program is known (judged, a reader, or one of NOT_LAUNCHERS) or nothing in its words names a judged program.
 */
export function guessLaunch(name: string, args: readonly Arg[], isWrapper: (name: string) => boolean, wrapperNames: Iterable<string>): LaunchGuess | undefined {
  const judged = judgedPrograms(isWrapper, wrapperNames);
  if (judged.has(name) || NOT_LAUNCHERS.has(name) || isReaderProgram(name) || name === '' || name.startsWith('-')) return undefined;
  let argv: Arg[] | undefined;
  const texts: Arg[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as Arg;
    if (a.dynamic) continue;
    // the first judged program starts the tail; text arguments are looked at anywhere (`sg docker 'rm …'`: `docker` is the group)
    if (argv === undefined && !a.glob && !a.value.startsWith('-') && judged.has(basename(a.value))) argv = args.slice(i);
    const text = shellTextOf(a.value, args[i - 1]?.value);
    if (text !== undefined && /\s/.test(text) && startsWithJudged(text, judged)) texts.push({ ...a, value: text });
  }
  return argv === undefined && texts.length === 0 ? undefined : { argv, texts };
}

/**
 * Commands made only of plain words, recognised by one regular expression: what most lines of a shell set-up
 * script's functions are (`nvm_echo "${VERSION}"`, `local PATTERN`, `return 1`, `[ -z "${1-}" ] || return`,
 * `VERSION="$(nvm_ls_current)"`, `>&2 nvm_echo "$@"`). The parser skips such a command without building it
 * inside a function body it drops anyway (an installed tool's, `dropFunctionBodies`): the first parse in a process
 * runs before its code is optimised, and the 160 KB of `~/.nvm/nvm.sh` read word by word cost a hook about 100 ms
 * of CPU.
 *
 * What matches is read by the parser to the same offset, without an error, and without leaving any other trace
 * in its state (no here-document, backtick, arithmetic, array, extglob, process substitution or line continuation
 * in it), so skipping it cannot change where a body ends or whether the script parses:
 * - words of unquoted characters from a small set (no quote, `\`, `$`, backtick, metacharacter, `#`, `!`, brace
 *   or bracket; `[` and `]` only as whole words, so `a[1]=x` never starts an assignment whose `]` the parser
 *   looks for further on), single quotes, double quotes with escapes, `$NAME`, `$1`, `$@`-style specials, a
 *   lone `$` in double quotes, `${…}` with a plain operator and argument, and `$( … )` around such commands
 *   (one level);
 * - redirects `>`, `>>`, `>&`, `<`, `&>`, `&>>` (with a file descriptor number) to such a word;
 * - joined by `&&`, `||` or `|` on the same line; a word in first position must not be one the parser reads as a
 *   reserved word, `time` or `coproc` (`PLAIN_COMMAND_FIRST_WORDS`): the parser checks the first command's itself;
 * - followed by `;`, a newline, `)` or the end, or by a comment after a blank.
 * The parts that could be read in more than one way (`$NAME` against the characters after it, a file descriptor
 * against a word of digits) are written so they cannot: the expression backtracks in linear time.
 */

/** Plain words the parser reads as more than a command name in first position. */
export const PLAIN_COMMAND_FIRST_WORDS: ReadonlySet<string> = new Set([
  'if', 'while', 'until', 'for', 'select', 'case', 'function', 'time', 'coproc',
  'then', 'fi', 'do', 'done', 'esac', 'elif', 'else',
]);

const NAME = '[A-Za-z_][A-Za-z0-9_]*(?![A-Za-z0-9_])';
/**
 * `${NAME}`, `${1-}`, `${NAME:-0}`, `${path%/*}`: an operator and argument with no quote, `\\`, `$`, backtick, brace
 * or newline in them, and no `[` right after the name (a subscript, which the parser closes at the next `]`).
 */
const SIMPLE_BRACE = `\\$\\{(?:${NAME}|[0-9]+(?![0-9]))(?:[^{}[\\]\\\\'"$\`\\n][^{}\\\\'"$\`\\n]*)?\\}`;
const SINGLE_QUOTED = "'[^']*'";
const UNQUOTED_CHAR = '[A-Za-z0-9_./:=,+%@^~*?-]';
/** After a word in first position: a reserved word only when a metacharacter or the end follows it. */
const NOT_RESERVED = `(?!(?:${[...PLAIN_COMMAND_FIRST_WORDS].join('|')})(?:[ \\t\\r\\n;&|()<>]|$))`;

/**
 * The pattern of commands joined by `&&`, `||` or `|`, whose words may hold `$( … )` around `inner` (undefined:
 * none). Every token ends with blanks or before what ends a command (`;`, a newline, `)`, `&`, `|`, the end), so
 * `a>x` and `a#b` are left to the parser, and tokens cannot be split in more than one way; a separator is always
 * followed by a command (`a &&` at the end of a line joins the next line, which is not read here). The first
 * command starts with neither a separator nor `&>` (the parser's list stops at `&` and `|` there).
 */
function chain(inner: string | undefined): string {
  const cmdsub = inner === undefined ? [] : [`\\$\\((?!\\()[ \\t]*${inner}\\)`];
  const inQuotes = ['[^"\\\\$`]', '\\\\[^]', '\\$(?![({[])', SIMPLE_BRACE, ...cmdsub];
  const parameter = [`\\$(?:${NAME}|[0-9@*#?$!-])`, SIMPLE_BRACE, ...cmdsub];
  const parts = [UNQUOTED_CHAR, SINGLE_QUOTED, `"(?:${inQuotes.join('|')})*"`, ...parameter];
  const word = `(?:[[\\]](?=[ \\t;\\n)]|$)|(?:${parts.join('|')})+)`;
  const redirect = '(?:(?:[0-9]+(?=[<>]))?(?:>>|>&|>(?![>|&(])|<(?![<&>(]))|&>>?)[ \\t]*';
  const command = `${NOT_RESERVED}(?:(?:${redirect})?${word}(?:[ \\t]+|(?=[;\\n)&|]|$)))+`;
  return `(?![&|])${command}(?:(?:&&|\\|\\||\\|(?![|&]))[ \\t]*${command})*`;
}

const PLAIN_COMMAND = new RegExp(`${chain(chain(undefined))}(?:#[^\\n]*)?(?=[;\\n)]|$)`, 'y');

/** The offset just after the plain commands starting at `from` (trailing blanks and comment included), or -1. */
export function plainCommandEnd(src: string, from: number): number {
  PLAIN_COMMAND.lastIndex = from;
  return PLAIN_COMMAND.test(src) ? PLAIN_COMMAND.lastIndex : -1;
}

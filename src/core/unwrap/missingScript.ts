/**
 * `source ./x.sh` (or `bash ./x.sh`, `./x.sh`) when ./x.sh does not exist: bash prints "No such file or
 * directory", runs nothing from it, and goes on (`source ./x.sh && rm -rf ~` still runs nothing more, but `;` does —
 * and the rest of the line is judged as usual). A missing file is no unknown code, with two exceptions.
 *
 * A name without a slash is not looked up where the guard looks: `source x.sh` and `. x.sh` search the
 * directories of $PATH first and the working directory last, and `bash x.sh` searches $PATH when the working
 * directory has no x.sh (bash 5.2; `sh` may be bash). So `export PATH=$PWD/bin:$PATH; source x.sh` runs bin/x.sh,
 * which the agent may have written: such a name counts as missing never, and stays a script nobody has read.
 *
 * Something in the same line may create it first: `tar xf kit.tar && source kit/env.sh`, `sort -o x.sh
 * payload; source ./x.sh` run text nobody has seen. Knowing every program that can write a file is not possible,
 * so the file counts as missing only when every command before it is one of a few that create no file (`cd`,
 * `test`, `echo` without a redirect…, INERT below), no redirect writes a file, no command's known file effects
 * write one, and it is not in a loop or beside a concurrent command, which could create it between two runs of it.
 */
import type { Arg, Invocation } from '../invocation';
import { fileEffects } from '../effects';

/** Whether bash looks for this script word where the guard looked: only a word with a slash is taken as it is. */
export function isLookedUpAsWritten(word: string): boolean {
  return word.includes('/');
}

/**
 * Programs that never create a file (their redirects are counted apart, as writes): shell state and tests.
 * Deliberately small; `isReadOnly` (readOnly.ts) is wider and answers another question.
 */
const INERT = new Set([
  'cd', 'pushd', 'popd', 'pwd', 'test', '[', '[[', ':', 'true', 'false', 'echo', 'printf', 'export', 'unset',
  'set', 'shopt', 'local', 'declare', 'typeset', 'readonly', 'shift', 'alias', 'unalias', 'type', 'which',
]);

/**
 * Whether the commands walked so far could have created a file. Left aside: the command that runs the missing
 * file itself (`command`, the text of `bash x.sh` or `./x.sh`), and `source`/`.` builtins, whose scripts' own
 * commands are walked and counted.
 */
export function mayHaveCreatedFiles(invocations: readonly Invocation[], writes: readonly { readonly target: Arg }[], command: string): boolean {
  if (writes.some((w) => w.target.dynamic || !w.target.value.startsWith('/dev/'))) return true;
  return invocations.some((inv) => inv.text !== command && inv.program !== 'source' && inv.program !== '.' && mayCreate(inv));
}

function mayCreate(inv: Invocation): boolean {
  if (!INERT.has(inv.program)) return true;
  // `printf -v` sets a variable; options of the others write nothing. Redirects are in `writes` (above).
  return fileEffects(inv).some((e) => e.op !== 'delete');
}

/**
 * The file a file test checks for: `[ -f W ]`, `test -e W`, `[[ -r W ]]` (words as their values; the test node's
 * words come without the brackets). `[ -f .env ] && source .env` sources .env only when the working directory
 * has it, so when it has not, nothing runs even though bash would look for `.env` in $PATH.
 */
export function testedFile(words: readonly string[]): string | undefined {
  let w = words;
  if (w[0] === '[' && w[w.length - 1] === ']') w = w.slice(1, -1);
  else if (w[0] === 'test') w = w.slice(1);
  return w.length === 2 && /^-[efrs]$/.test(w[0] ?? '') ? w[1] : undefined;
}

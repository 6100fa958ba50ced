/**
 * `source x.sh` (or `bash x.sh`, `./x.sh`) when x.sh does not exist: bash prints "No such file or directory",
 * runs nothing from it, and goes on (`source x.sh && rm -rf ~` still runs nothing more, but `;` does — and the
 * rest of the line is judged as usual). A missing file is no unknown code, unless something in the same line
 * may create it first: `tar xf kit.tar && source kit/env.sh` runs text nobody has seen. So the file counts as
 * missing only when every command before it only reads — no write, no program that could create files — and it
 * is not in a loop or beside a concurrent command, which could create it between two runs of it.
 */
import type { Arg, Invocation } from '../invocation';
import { isReadOnly } from '../readOnly';

/**
 * Whether the commands walked so far could have created a file. Left aside: the command that runs the missing
 * file itself (`command`, the text of `bash x.sh` or `./x.sh`), and `source`/`.` builtins, whose scripts' own
 * commands are walked and counted.
 */
export function mayHaveCreatedFiles(invocations: readonly Invocation[], writes: readonly { readonly target: Arg }[], command: string): boolean {
  if (writes.some((w) => w.target.dynamic || !w.target.value.startsWith('/dev/'))) return true;
  return invocations.some((inv) => inv.text !== command && inv.program !== 'source' && inv.program !== '.' && !isReadOnly(inv));
}

/**
 * Python virtual environments created earlier in the same command line. `python3 -m venv .venv && source
 * .venv/bin/activate && pip install …` is how agents start Python work; at check time the activate script does
 * not exist yet, so sourcing it read as an unreadable script. The creator writes a script whose effect is known
 * (variables, PATH, a `deactivate` function), so the walker gets a stand-in with that effect. Any later write to
 * the same path in the line (`cp x .venv/bin/activate`) replaces the stand-in with unknown text, as for any file.
 */
import type { Arg } from '../invocation';
import { resolve } from '../paths/posix';

/** Options of `python -m venv` / `virtualenv` / `uv venv` that take a value. */
const VALUE_OPTIONS = new Set(['--prompt', '-p', '--python', '--seed', '--activators', '--extra-search-dir', '--index-url', '--cache-dir', '--relocatable']);

/** The environment directory a venv creator is given, or undefined when this is not one (or it is not literal). */
function venvDirectory(program: string, args: readonly Arg[]): Arg | undefined {
  let rest: readonly Arg[];
  if (/^python[0-9.]*$/.test(program) && args[0]?.value === '-m' && (args[1]?.value === 'venv' || args[1]?.value === 'virtualenv')) rest = args.slice(2);
  else if (program === 'virtualenv') rest = args;
  else if (program === 'uv' && args[0]?.value === 'venv') rest = args.slice(1);
  else return undefined;
  const operands: Arg[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as Arg;
    if (a.value.startsWith('-')) {
      if (VALUE_OPTIONS.has(a.value)) i++;
      continue;
    }
    operands.push(a);
  }
  if (operands.length === 0) return program === 'uv' ? { value: '.venv', dynamic: false, glob: false } : undefined;
  const dir = operands[0] as Arg;
  return operands.length === 1 && !dir.dynamic && !dir.glob ? dir : undefined;
}

/** `[path of bin/activate, stand-in text]` for a command that creates a virtual environment, else undefined. */
export function createdActivateScript(program: string, args: readonly Arg[], cwd: string): [string, string] | undefined {
  const dir = venvDirectory(program, args);
  if (dir === undefined) return undefined;
  const root = resolve(cwd, dir.value);
  const text = `deactivate () { :; }\nVIRTUAL_ENV='${root.replace(/'/g, '')}'\nexport VIRTUAL_ENV\nPATH="$VIRTUAL_ENV/bin:$PATH"\nexport PATH\n`;
  return [resolve(root, 'bin/activate'), text];
}

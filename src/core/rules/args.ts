/**
 * Reading command-line flags the way programs do: combined short flags (`-rf`), separate ones (`-r -f`),
 * long ones (`--force`, `--force=true`), option values (`-n ns`, `--namespace=ns`), and `--` ending options.
 */

/** True when a short flag letter is present, alone or combined (`-f`, `-rf`, `-fr`). */
export function hasShort(args: readonly string[], letter: string, opts: { valueOpts?: string } = {}): boolean {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') return false;
    if (a.length < 2 || a[0] !== '-' || a[1] === '-') continue;
    // in `-n5` style combined flags, stop at the first letter that takes a value
    for (let j = 1; j < a.length; j++) {
      const c = a[j] ?? '';
      if (c === letter) return true;
      if (opts.valueOpts?.includes(c)) break;
    }
  }
  return false;
}

/** True when `--name` or `--name=value` is present (before `--`). Prefixes are not expanded. */
export function hasLong(args: readonly string[], name: string): boolean {
  for (const a of args) {
    if (a === '--') return false;
    if (a === '--' + name || a.startsWith('--' + name + '=')) return true;
  }
  return false;
}

/** Either spelling of a flag: `hasFlag(args, 'f', 'force')`. */
export function hasFlag(args: readonly string[], short: string | undefined, long: string | undefined): boolean {
  return (short !== undefined && hasShort(args, short)) || (long !== undefined && hasLong(args, long));
}

/** True when an exact argument is present before `--` (for single-dash long options like `-auto-approve`). */
export function hasExact(args: readonly string[], ...names: string[]): boolean {
  for (const a of args) {
    if (a === '--') return false;
    for (const n of names) if (a === n || a.startsWith(n + '=')) return true;
  }
  return false;
}

/**
 * Value of an option: `-n ns`, `-nns`, `--namespace ns`, `--namespace=ns`, or single-dash long
 * `-chdir=dir`. Returns the last occurrence (later flags win), or undefined.
 */
export function optionValue(args: readonly string[], names: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') break;
    for (const n of names) {
      if (a === n) {
        const v = args[i + 1];
        if (v !== undefined) found = v;
      } else if (a.startsWith(n + '=')) {
        found = a.slice(n.length + 1);
      } else if (n.length === 2 && n[0] === '-' && n[1] !== '-' && a.startsWith(n) && a.length > 2 && !a.startsWith('--')) {
        found = a.slice(2);
      }
    }
  }
  return found;
}

/**
 * Positional arguments (not flags), skipping the values of options that take one.
 * `valueOpts` lists options that consume the next argument, e.g. `['-n', '--namespace', '-C']`.
 * Everything after `--` is positional.
 */
export function positionals(args: readonly string[], valueOpts: readonly string[] = []): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') {
      for (let j = i + 1; j < args.length; j++) out.push(args[j] ?? '');
      break;
    }
    if (a.length > 1 && a[0] === '-') {
      if (!a.includes('=') && valueOpts.includes(a)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** Index of the first positional (the sub-command of `git`, `kubectl`, `terraform` …), skipping global options. */
export function subcommand(args: readonly string[], valueOpts: readonly string[] = []): { name: string; rest: readonly string[] } | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') return undefined;
    if (a.length > 1 && a[0] === '-') {
      if (!a.includes('=') && valueOpts.includes(a)) i++;
      continue;
    }
    return { name: a, rest: args.slice(i + 1) };
  }
  return undefined;
}

import type { Arg } from '../invocation';

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

/** Values Go's `strconv.ParseBool` reads as true (Go flag packages: terraform, tofu, terragrunt). */
const GO_TRUE: ReadonlySet<string> = new Set(['1', 't', 'T', 'true', 'TRUE', 'True']);

/**
 * A Go-style boolean flag, which may be written with one or two dashes and may carry a value:
 * `-auto-approve`, `--auto-approve`, `-auto-approve=true`; `-auto-approve=false` is off. The last one wins.
 */
export function hasGoBool(args: readonly string[], name: string): boolean {
  let on = false;
  for (const a of args) {
    if (a === '--') break;
    if (a.length < name.length + 1 || a[0] !== '-') continue;
    const start = a[1] === '-' ? 2 : 1;
    if (!a.startsWith(name, start)) continue;
    const end = start + name.length;
    if (a.length === end) on = true;
    else if (a[end] === '=') on = GO_TRUE.has(a.slice(end + 1));
  }
  return on;
}

/**
 * The first `count` positionals (the command path of `aws s3 rm`, `gcloud compute instances delete`), skipping
 * options and the values of `valueOpts`; stops early, so trailing arguments are never looked at.
 */
export function leadingPositionals(args: readonly string[], valueOpts: readonly string[], count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length && out.length < count; i++) {
    const a = args[i] ?? '';
    if (a === '--') break;
    if (a.length > 1 && a[0] === '-') {
      if (!a.includes('=') && valueOpts.includes(a)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/**
 * Every value of an option, in order (`psql -c A -c B`, `perl -e A -e B`): the same spellings as
 * `optionValue` (`-c v`, `-cv`, `--command v`, `--command=v`).
 */
export function optionValues(args: readonly string[], names: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') break;
    for (const n of names) {
      if (a === n) {
        const v = args[i + 1];
        if (v !== undefined) out.push(v);
        i++;
        break;
      } else if (a.startsWith(n + '=')) {
        out.push(a.slice(n.length + 1));
        break;
      } else if (n.length === 2 && n[0] === '-' && n[1] !== '-' && a.startsWith(n) && a.length > 2 && !a.startsWith('--')) {
        out.push(a.slice(2));
        break;
      }
    }
  }
  return out;
}

/**
 * Values of the short options `wanted` (and long `longs`) in getopt style, clusters included: `-qc SQL`,
 * `-Xc SQL`, `-cSQL`, `--command=SQL`. `valueLetters` are every short option that takes a value, so that in
 * `-dlive` the `l` is part of the value.
 */
export function clusteredValues(args: readonly string[], wanted: string, valueLetters: string, longs: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') break;
    if (a.startsWith('--')) {
      for (const n of longs) {
        if (a === n && args[i + 1] !== undefined) {
          out.push(args[i + 1] ?? '');
          i++;
        } else if (a.startsWith(n + '=')) out.push(a.slice(n.length + 1));
      }
      continue;
    }
    if (a.length < 2 || a[0] !== '-') continue;
    for (let j = 1; j < a.length; j++) {
      const c = a[j] ?? '';
      if (!valueLetters.includes(c)) continue;
      const attached = j + 1 < a.length;
      const value = attached ? a.slice(j + 1) : args[i + 1];
      if (!attached) i++;
      if (wanted.includes(c) && value !== undefined) out.push(value);
      break;
    }
  }
  return out;
}

/** `positionals` over the arguments with their expansion facts (a dynamic word is never taken for an option). */
export function positionalArgs(argv: readonly Arg[], valueOpts: readonly string[] = []): Arg[] {
  const out: Arg[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a) continue;
    if (a.value === '--' && !a.dynamic) {
      for (let j = i + 1; j < argv.length; j++) {
        const rest = argv[j];
        if (rest) out.push(rest);
      }
      break;
    }
    if (a.value.length > 1 && a.value[0] === '-' && !a.dynamic) {
      if (!a.value.includes('=') && valueOpts.includes(a.value)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/**
 * Index of the sub-command in `args` (like `subcommand`, without copying the rest), or -1. Lets a rule
 * compare `args[i]` with the one sub-command it cares about before doing any other work.
 */
export function subcommandIndex(args: readonly string[], valueOpts: readonly string[] = []): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') return -1;
    if (a.length > 1 && a[0] === '-') {
      if (!a.includes('=') && valueOpts.includes(a)) i++;
      continue;
    }
    return i;
  }
  return -1;
}

/**
 * Skipping a wrapper's own options to find the command it runs: `sudo -u root -E rm …` → `rm …`.
 * getopt-style: clustered short flags (`-Eu root`), short options with attached values (`-uroot`), long options
 * with `=` or a separate value, and `--`.
 */
import type { Arg } from '../invocation';

export interface OptionSpec {
  /** Short option letters that take a value, e.g. `'ugCDhprtUT'`. */
  readonly shortWithValue?: string;
  /** Long options (without `--`) that take a value. */
  readonly longWithValue?: readonly string[];
  /** Stop at the first argument that is not an option (default true; POSIX style). */
  readonly stopAtPositional?: boolean;
  /** Accept single-dash long options (`-name value`), checked before short clusters. */
  readonly singleDashWithValue?: readonly string[];
}

export interface ParsedOptions {
  /** Every option seen, by its letter or long name, with its value ('' for flags). Last one wins. */
  readonly options: Map<string, string>;
  /** Index of the first non-option argument (after `--` if present). */
  readonly rest: number;
}

export function parseOptions(args: readonly Arg[], spec: OptionSpec): ParsedOptions {
  const options = new Map<string, string>();
  const shortV = spec.shortWithValue ?? '';
  const longV = spec.longWithValue ?? [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = (args[i] as Arg).value;
    if (a === '--') {
      i++;
      break;
    }
    if (a.length < 2 || a[0] !== '-') break;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      if (eq >= 0) options.set(name, a.slice(eq + 1));
      else if (longV.includes(name)) {
        options.set(name, args[i + 1]?.value ?? '');
        i++;
      } else options.set(name, '');
      continue;
    }
    if (spec.singleDashWithValue?.includes(a.slice(1))) {
      options.set(a.slice(1), args[i + 1]?.value ?? '');
      i++;
      continue;
    }
    // a short cluster: -Eu root, -uroot, -n10
    for (let j = 1; j < a.length; j++) {
      const c = a[j] ?? '';
      if (shortV.includes(c)) {
        if (j + 1 < a.length) options.set(c, a.slice(j + 1));
        else {
          options.set(c, args[i + 1]?.value ?? '');
          i++;
        }
        break;
      }
      options.set(c, '');
    }
  }
  return { options, rest: i };
}

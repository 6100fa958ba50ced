/**
 * What a wrapper says it runs, and the small helpers every wrapper table uses (wrappers.ts, containers.ts,
 * runners.ts, embeddedCommands.ts).
 */
import type { Arg, ContainerMount } from '../invocation';
import { parseOptions, type OptionSpec } from './options';

export type WrapperResult =
  /** Runs argv directly (possibly with environment changes or a new cwd). */
  | {
    readonly kind: 'exec';
    readonly argv: readonly Arg[];
    readonly label: string;
    readonly env?: Readonly<Record<string, string>>;
    readonly cwd?: Arg;
    readonly elevated?: boolean;
    /** Where argv runs when not on this machine (`inside the container web, through docker exec`); its cwd is unknown. */
    readonly remote?: string;
    /** The wrapper command is judged too (`docker compose run -v /:/host …` is a docker command in its own right). */
    readonly outer?: boolean;
    /** argv runs in a new container with these bind mounts (`docker run`); see Invocation.mounts. */
    readonly mounts?: readonly ContainerMount[];
  }
  /** Runs shell text (`bash -c`, `eval`, `su -c`, `watch`, `sudo -s`), with optional positional parameters. */
  | { readonly kind: 'shell'; readonly text: Arg; readonly label: string; readonly positional?: readonly Arg[]; readonly elevated?: boolean; readonly remote?: string }
  /** A shell reading its commands from standard input (`bash`, `sh -s`, `sudo bash`). */
  | { readonly kind: 'stdin'; readonly label: string; readonly elevated?: boolean }
  /** A shell running a script file (`bash x.sh`, `source x.sh`). */
  | { readonly kind: 'script'; readonly path: Arg; readonly label: string; readonly positional: readonly Arg[]; readonly elevated?: boolean }
  /** Several commands (`find -exec … {} +` on its matches, `parallel`). */
  | {
    readonly kind: 'many';
    readonly commands: readonly (readonly Arg[])[];
    readonly shellTexts: readonly ShellText[];
    readonly label: string;
    /** The wrapper command itself also runs and is judged (find lists paths; git runs its pager). */
    readonly self?: boolean;
  }
  /** Runs nothing (e.g. `command -v rm`, `sudo -l`). */
  | { readonly kind: 'none' };

/** Shell text another program runs, with the positional parameters it is given (`parallel` puts `$1` for an unknown argument). */
export interface ShellText extends Arg {
  readonly positional?: readonly Arg[];
}

/** Input facts a wrapper may need: literal stdin (for xargs/parallel), and what produced it. */
export interface WrapperInput {
  /** Literal standard input, when known. */
  readonly stdinText: string | undefined;
  /** The program writing into our stdin pipe, when known. */
  readonly stdinFrom: string | undefined;
  /** Arguments of that program. */
  readonly stdinFromArgs: readonly Arg[] | undefined;
  /** Environment in effect (`GIT_PAGER='…' git log` runs the pager's text). */
  readonly env?: Readonly<Record<string, string>>;
}

export type Wrapper = (args: readonly Arg[], input: WrapperInput) => WrapperResult;

export const lit = (value: string): Arg => ({ value, dynamic: false, glob: false });
/** An argument whose value only exists at run time. */
export const UNKNOWN: Arg = { value: '', dynamic: true, glob: false };

export function exec(args: readonly Arg[], from: number, label: string, extra: Omit<Extract<WrapperResult, { kind: 'exec' }>, 'kind' | 'argv' | 'label'> = {}): WrapperResult {
  const argv = args.slice(from);
  if (argv.length === 0) return { kind: 'none' };
  return { kind: 'exec', argv, label, ...extra };
}

/** Join words back into shell text, quoting each so that re-parsing gives the same words. */
export function joinForShell(args: readonly Arg[]): Arg {
  let dynamic = false;
  const parts: string[] = [];
  for (const a of args) {
    if (a.dynamic) dynamic = true;
    parts.push(a.value);
  }
  return { value: parts.join(' '), dynamic, glob: false };
}

function quote(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : "'" + value.replace(/'/g, "'\\''") + "'";
}

/** Quote args for re-parsing as separate words (aliases, xargs -I, parallel). */
export function quoteArgs(args: readonly Arg[]): Arg {
  return { value: args.map((a) => quote(a.value)).join(' '), dynamic: args.some((a) => a.dynamic), glob: false };
}

/** Skip options (with the values of those in `withValue`) from `i`; returns the index of the first other word. */
export function skipOptions(args: readonly Arg[], i: number, withValue: readonly string[]): number {
  for (; i < args.length; i++) {
    const v = (args[i] as Arg).value;
    if (v === '--') return i + 1;
    if (!v.startsWith('-') || v.length < 2) return i;
    if (!v.includes('=') && withValue.includes(v)) i++;
  }
  return i;
}

/** A wrapper whose own options follow `spec` and whose first other word starts the command it runs. */
export function simple(label: string, spec: OptionSpec): Wrapper {
  return (args) => exec(args, parseOptions(args, spec).rest, label);
}

/** `rimraf@5` → `rimraf`, `@scope/cli@latest` → `@scope/cli`: the package's binary is judged like the binary itself. */
export function withoutVersion(word: Arg): Arg {
  const m = /^((?:@[^/@]+\/)?[^/@:]+)@[^/@:]*$/.exec(word.value);
  return m?.[1] !== undefined ? { ...word, value: m[1] } : word;
}

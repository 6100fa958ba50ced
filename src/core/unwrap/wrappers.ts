/**
 * Programs that run another program: what each one really runs. Data (option specs) plus one small function
 * per wrapper. The walker applies them repeatedly, so `sudo env X=1 timeout 5 bash -c '…'` is peeled layer by
 * layer down to the commands inside the string.
 */
import type { Arg } from '../invocation';
import { parseOptions, type OptionSpec } from './options';
import { packageRun } from '../scripts/packageScripts';

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
    readonly shellTexts: readonly Arg[];
    readonly label: string;
    /** The wrapper command itself also runs and is judged (find lists paths; git runs its pager). */
    readonly self?: boolean;
  }
  /** Runs nothing (e.g. `command -v rm`, `sudo -l`). */
  | { readonly kind: 'none' };

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

type Wrapper = (args: readonly Arg[], input: WrapperInput) => WrapperResult;

const lit = (value: string): Arg => ({ value, dynamic: false, glob: false });
/** An argument whose value only exists at run time. */
const UNKNOWN: Arg = { value: '', dynamic: true, glob: false };

function exec(args: readonly Arg[], from: number, label: string, extra: Omit<Extract<WrapperResult, { kind: 'exec' }>, 'kind' | 'argv' | 'label'> = {}): WrapperResult {
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

// ---- shells ------------------------------------------------------------------------------------------

export const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'yash', 'posh', 'rbash', 'fish', 'tcsh', 'csh', 'busybox-sh', 'pwsh']);

const SHELL_SPEC: OptionSpec = { shortWithValue: 'oO', longWithValue: ['rcfile', 'init-file'] };

function shell(name: string): Wrapper {
  return (args) => {
    // -c may sit anywhere in a cluster (-lc, -ec, -xec); `+o opt` style options take a value too
    let i = 0;
    let command = false;
    let readStdin = false;
    for (; i < args.length; i++) {
      const a = (args[i] as Arg).value;
      if (a === '--' || a === '-') {
        i++;
        break;
      }
      if ((a[0] === '-' || a[0] === '+') && a.length > 1) {
        if (a.startsWith('--')) {
          if (SHELL_SPEC.longWithValue?.includes(a.slice(2))) i++;
          if (a === '--command') command = true;
          continue;
        }
        const cluster = a.slice(1);
        if (cluster.includes('c')) command = true;
        if (cluster.includes('s')) readStdin = true;
        if (cluster.includes('o') || cluster.includes('O')) i++;
        continue;
      }
      break;
    }
    const label = name + (command ? ' -c' : '');
    if (command) {
      const text = args[i];
      if (!text) return { kind: 'none' };
      return { kind: 'shell', text, label, positional: args.slice(i + 1) };
    }
    if (readStdin || i >= args.length) return { kind: 'stdin', label: name };
    const path = args[i] as Arg;
    return { kind: 'script', path, label: name + ' ' + path.value, positional: args.slice(i) };
  };
}

// ---- privilege -----------------------------------------------------------------------------------------

const SUDO_SPEC: OptionSpec = {
  shortWithValue: 'ugCDhprtUTc',
  longWithValue: ['user', 'group', 'close-from', 'chdir', 'host', 'prompt', 'role', 'type', 'other-user', 'command-timeout', 'login-class'],
};

const sudo: Wrapper = (args) => {
  const { options, rest } = parseOptions(args, SUDO_SPEC);
  if (options.has('l') || options.has('list') || options.has('v') || options.has('validate') || options.has('K') || options.has('k') && rest >= args.length || options.has('V')) {
    return { kind: 'none' };
  }
  if (options.has('e') || options.has('edit')) {
    return exec([lit('sudoedit'), ...args.slice(rest)], 0, 'sudo -e', { elevated: true });
  }
  const cwd = options.get('D') ?? options.get('chdir');
  if (options.has('s') || options.has('shell') || options.has('i') || options.has('login')) {
    if (rest >= args.length) return { kind: 'stdin', label: 'sudo -s', elevated: true };
    return { kind: 'shell', text: joinForShell(args.slice(rest)), label: 'sudo -s', elevated: true };
  }
  return exec(args, rest, 'sudo', { elevated: true, ...(cwd !== undefined ? { cwd: lit(cwd) } : {}) });
};

const doas: Wrapper = (args) => {
  const { options, rest } = parseOptions(args, { shortWithValue: 'uC' });
  if (options.has('C')) return { kind: 'none' };
  if (options.has('s')) return { kind: 'stdin', label: 'doas -s', elevated: true };
  return exec(args, rest, 'doas', { elevated: true });
};

const pkexec: Wrapper = (args) => {
  const { rest } = parseOptions(args, { longWithValue: ['user'] });
  return exec(args, rest, 'pkexec', { elevated: true });
};

/** `su [-] [-l] [user] -c 'cmd'` */
const su: Wrapper = (args) => {
  for (let i = 0; i < args.length; i++) {
    const a = (args[i] as Arg).value;
    if (a === '-c' || a === '--command') {
      const text = args[i + 1];
      return text ? { kind: 'shell', text, label: 'su -c', elevated: true } : { kind: 'none' };
    }
    if (a.startsWith('--command=')) return { kind: 'shell', text: lit(a.slice(10)), label: 'su -c', elevated: true };
  }
  return { kind: 'stdin', label: 'su', elevated: true };
};

const runuser: Wrapper = (args) => {
  const { options, rest } = parseOptions(args, { shortWithValue: 'ugGcs', longWithValue: ['user', 'group', 'supp-group', 'command', 'shell'] });
  const text = options.get('c') ?? options.get('command');
  if (text !== undefined) return { kind: 'shell', text: lit(text), label: 'runuser -c', elevated: true };
  if (options.has('u') || options.has('user')) return exec(args, rest, 'runuser', { elevated: true });
  return exec(args, rest + 1, 'runuser', { elevated: true });
};

// ---- environment and scheduling --------------------------------------------------------------------

const env: Wrapper = (args) => {
  const vars: Record<string, string> = {};
  let cwd: Arg | undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i] as Arg;
    const a = arg.value;
    if (a === '--') {
      i++;
      break;
    }
    if (a === '-' || a === '-i' || a === '--ignore-environment' || a === '-0' || a === '--null' || a === '-v' || a === '--debug') continue;
    if (a === '-u' || a === '--unset' || a === '--block-signal' || a === '--default-signal' || a === '--ignore-signal') {
      i++;
      continue;
    }
    if (a.startsWith('--unset=') || a.startsWith('--block-signal') || a.startsWith('--default-signal') || a.startsWith('--ignore-signal') || a.startsWith('--list-signal')) continue;
    if (a === '-C' || a === '--chdir') {
      cwd = args[i + 1];
      i++;
      continue;
    }
    if (a.startsWith('--chdir=')) {
      cwd = lit(a.slice(8));
      continue;
    }
    if (a === '-S' || a === '--split-string' || a.startsWith('--split-string=') || (a.startsWith('-S') && a.length > 2) || (a.startsWith('-') && !a.startsWith('--') && a.includes('S'))) {
      // -S 'cmd args': the string is split like a command line, then the rest follows
      let text: Arg | undefined;
      if (a.startsWith('--split-string=')) text = lit(a.slice(15));
      else if (a.startsWith('-S') && a.length > 2) text = lit(a.slice(2));
      else {
        text = args[i + 1];
        i++;
      }
      if (!text) return { kind: 'none' };
      const restText = quoteArgs(args.slice(i + 1));
      return {
        kind: 'shell',
        text: { value: text.value + (restText.value ? ' ' + restText.value : ''), dynamic: text.dynamic || restText.dynamic, glob: false },
        label: 'env -S',
      };
    }
    if (a.startsWith('-') && a.length > 1 && !a.includes('=')) continue;
    const eq = a.indexOf('=');
    if (eq > 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(a.slice(0, eq))) {
      vars[a.slice(0, eq)] = a.slice(eq + 1);
      continue;
    }
    break;
  }
  return exec(args, i, 'env', { env: vars, ...(cwd ? { cwd } : {}) });
};

function simple(label: string, spec: OptionSpec): Wrapper {
  return (args) => exec(args, parseOptions(args, spec).rest, label);
}

const command: Wrapper = (args) => {
  const { options, rest } = parseOptions(args, {});
  if (options.has('v') || options.has('V')) return { kind: 'none' };
  return exec(args, rest, 'command');
};

const timeout: Wrapper = (args) => {
  const { rest } = parseOptions(args, { shortWithValue: 'sk', longWithValue: ['signal', 'kill-after'] });
  return exec(args, rest + 1, 'timeout');
};

const watch: Wrapper = (args) => {
  const { options, rest } = parseOptions(args, { shortWithValue: 'nq', longWithValue: ['interval', 'differences', 'equexit', 'shotsdir'] });
  if (options.has('x') || options.has('exec')) return exec(args, rest, 'watch -x');
  if (rest >= args.length) return { kind: 'none' };
  return { kind: 'shell', text: joinForShell(args.slice(rest)), label: 'watch' };
};

const ionice: Wrapper = (args) => {
  const { options, rest } = parseOptions(args, { shortWithValue: 'cnpPu', longWithValue: ['class', 'classdata', 'pid', 'pgid', 'uid'] });
  if (options.has('p') || options.has('P') || options.has('u') || options.has('pid') || options.has('pgid') || options.has('uid')) return { kind: 'none' };
  return exec(args, rest, 'ionice');
};

const chroot: Wrapper = (args) => {
  const { rest } = parseOptions(args, { longWithValue: ['userspec', 'groups'] });
  if (rest + 1 >= args.length) return { kind: 'stdin', label: 'chroot', elevated: true };
  return exec(args, rest + 1, 'chroot', { elevated: true });
};

const flock: Wrapper = (args) => {
  const { options, rest } = parseOptions(args, { shortWithValue: 'wEc', longWithValue: ['wait', 'timeout', 'conflict-exit-code', 'command'] });
  const text = options.get('c') ?? options.get('command');
  if (text !== undefined) return { kind: 'shell', text: lit(text), label: 'flock -c' };
  // flock FILE -c CMD | flock FILE CMD…
  const after = args.slice(rest + 1);
  const c = after.findIndex((a) => a.value === '-c' || a.value === '--command');
  if (c >= 0) {
    const t = after[c + 1];
    return t ? { kind: 'shell', text: t, label: 'flock -c' } : { kind: 'none' };
  }
  return exec(args, rest + 1, 'flock');
};

const exec_: Wrapper = (args) => {
  const { rest } = parseOptions(args, { shortWithValue: 'a' });
  return exec(args, rest, 'exec');
};

/** `rimraf@5` → `rimraf`, `@scope/cli@latest` → `@scope/cli`: the package's binary is judged like the binary itself. */
export function withoutVersion(word: Arg): Arg {
  const m = /^((?:@[^/@]+\/)?[^/@:]+)@[^/@:]*$/.exec(word.value);
  return m?.[1] !== undefined ? { ...word, value: m[1] } : word;
}

/** `npx [-y] [-p pkg] pkg[@version] …`, `npx -c 'cmd'`. */
const npx: Wrapper = (args) => {
  const { options, rest } = parseOptions(args, { shortWithValue: 'pc', longWithValue: ['package', 'call'] });
  const text = options.get('c') ?? options.get('call');
  if (text !== undefined) return { kind: 'shell', text: lit(text), label: 'npx -c' };
  const first = args[rest];
  if (first === undefined) return { kind: 'none' };
  return exec([withoutVersion(first), ...args.slice(rest + 1)], 0, 'npx');
};

/** npm, pnpm, yarn, bun: the binaries they start (scripts are judged by the walker before it asks). */
function packageManager(program: string): Wrapper {
  return (args, input) => {
    const run = packageRun(program, args);
    if (run === undefined) return { kind: 'none' };
    if (run.kind === 'shell') return { kind: 'shell', text: run.text, label: `${program} exec` };
    if (run.kind === 'runner') return npx(args.slice(run.from), input);
    return exec(args, run.from, program);
  };
}

/** `corepack pnpm …`, `corepack yarn …`: the package manager it starts. */
const corepack: Wrapper = (args) => {
  const first = args[0]?.value;
  return first !== undefined && ['npm', 'npx', 'pnpm', 'pnpx', 'yarn', 'yarnpkg'].includes(first) ? exec(args, 0, 'corepack') : { kind: 'none' };
};

// ---- argument feeders --------------------------------------------------------------------------------

const XARGS_SPEC: OptionSpec = {
  shortWithValue: 'adEILnPs',
  longWithValue: ['arg-file', 'delimiter', 'eof', 'replace', 'max-lines', 'max-args', 'max-procs', 'max-chars', 'process-slot-var'],
};

const MAX_ITEMS = 64;

/** Split xargs input the way xargs does: blanks and newlines, with quotes and backslashes. */
function splitItems(text: string, delimiter: string | undefined): string[] {
  if (delimiter !== undefined) return text.split(delimiter).filter((s) => s !== '').slice(0, MAX_ITEMS);
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|((?:\\.|[^\s"'])+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && out.length < MAX_ITEMS) out.push(m[1] ?? m[2] ?? (m[3] ?? '').replace(/\\(.)/g, '$1'));
  return out;
}

/** Programs whose output is a list of paths below their search directories (or the cwd). */
const PATH_LISTERS = new Set(['find', 'fd', 'fdfind', 'ls', 'git', 'rg', 'grep', 'locate', 'du']);

/**
 * The items an xargs/parallel reads, when they can be known: literal text, or the paths a lister (find,
 * `git ls-files`, `grep -l`) prints below its directories — modelled as a filtered glob in each directory.
 */
function feedItems(input: WrapperInput, delimiter: string | undefined): Arg[] {
  if (input.stdinText !== undefined) return splitItems(input.stdinText, delimiter).map(lit);
  if (input.stdinFrom !== undefined && PATH_LISTERS.has(input.stdinFrom)) {
    const dirs = listerRoots(input.stdinFrom, input.stdinFromArgs ?? []);
    return dirs.map((d) => (d.dynamic && d.value === '' ? UNKNOWN : { value: d.value.replace(/\/+$/, '') + '/?*', dynamic: d.dynamic, glob: true }));
  }
  return [UNKNOWN];
}

/** Arguments that do not start with `-`. */
const operandsOf = (args: readonly Arg[]): Arg[] => args.filter((a) => !a.value.startsWith('-') || a.value === '-');

/**
 * The directories a path lister prints paths below; UNKNOWN when what it prints cannot be placed: `ls /etc`
 * prints bare names that xargs then takes relative to the cwd, `locate` prints paths anywhere on the disk.
 */
function listerRoots(program: string, args: readonly Arg[]): Arg[] {
  switch (program) {
    case 'find':
      return findRoots(args);
    case 'ls': {
      const dirs = operandsOf(args);
      return dirs.every((d) => !d.dynamic && !/^(?:\/|~|\.\.(?:\/|$))/.test(d.value)) ? [lit('.')] : [UNKNOWN];
    }
    case 'du':
      return operandsOf(args).length > 0 ? operandsOf(args) : [lit('.')];
    case 'fd':
    case 'fdfind':
    case 'rg':
    case 'grep': {
      // the first operand is the pattern unless it was given with -e / -f (fd: the first is always the pattern)
      const explicit = program !== 'fd' && program !== 'fdfind' && args.some((a) => /^-(?:e|f|-regexp|-file)(?:=|$)/.test(a.value));
      const dirs = operandsOf(args).slice(explicit ? 0 : 1);
      return dirs.length > 0 ? dirs : [lit('.')];
    }
    case 'git': {
      const c = args.findIndex((a) => a.value === '-C');
      const dir = c >= 0 ? args[c + 1] : undefined;
      return [dir ?? lit('.')];
    }
    default:
      return [UNKNOWN];
  }
}

const xargs: Wrapper = (args, input) => {
  const { options, rest } = parseOptions(args, XARGS_SPEC);
  const template = rest < args.length ? args.slice(rest) : [lit('echo')];
  const nul = options.has('0') || options.has('null');
  const delimiter = nul ? '\0' : options.get('d') ?? options.get('delimiter');
  const items = feedItems(input, delimiter);
  const replace = options.get('I') ?? options.get('replace') ?? (options.has('i') ? '{}' : undefined);
  if (replace !== undefined && replace !== '') {
    const commands = items.map((item) => template.map((t) => (t.value.includes(replace) ? { value: t.value.split(replace).join(item.value), dynamic: t.dynamic || item.dynamic, glob: t.glob || item.glob } : t)));
    return { kind: 'many', commands, shellTexts: [], label: 'xargs' };
  }
  return { kind: 'exec', argv: [...template, ...items], label: 'xargs' };
};

/** Search roots of a `find` invocation (default `.`). */
export function findRoots(args: readonly Arg[]): Arg[] {
  const roots: Arg[] = [];
  let i = 0;
  // leading -H -L -P -D debugopts -Olevel
  while (i < args.length) {
    const a = (args[i] as Arg).value;
    if (a === '-H' || a === '-L' || a === '-P' || /^-O\d$/.test(a)) i++;
    else if (a === '-D') i += 2;
    else break;
  }
  for (; i < args.length; i++) {
    const a = args[i] as Arg;
    if (a.value.startsWith('-') || a.value === '(' || a.value === '!' || a.value === ',') break;
    roots.push(a);
  }
  return roots.length > 0 ? roots : [lit('.')];
}

/** Tests that narrow what `find` matches (anything else matches every entry below the roots). */
const FIND_FILTERS = new Set([
  '-name', '-iname', '-path', '-ipath', '-wholename', '-iwholename', '-regex', '-iregex', '-type', '-xtype', '-newer',
  '-mtime', '-mmin', '-atime', '-amin', '-ctime', '-cmin', '-size', '-user', '-group', '-nouser', '-nogroup', '-perm',
  '-empty', '-links', '-inum', '-samefile', '-lname', '-ilname', '-newermt', '-used', '-uid', '-gid', '-readable',
  '-writable', '-executable', '-fstype', '-context',
]);

/**
 * Whether the action at `i` only sees entries a test narrowed: a test between the last `-o` before it and it
 * (`find . -path ./x -prune -o -delete` deletes everything else; `find . -delete -name x` deletes everything).
 */
function branchFiltered(args: readonly Arg[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const v = (args[k] as Arg).value;
    if (v === '-o' || v === '-or' || v === ',') return false;
    if (FIND_FILTERS.has(v)) return true;
  }
  return false;
}

const find: Wrapper = (args) => {
  const roots = findRoots(args);
  const narrowed = roots.map((r) => ({ value: r.value.replace(/\/+$/, '') + '/?*', dynamic: r.dynamic, glob: true }));
  const commands: Arg[][] = [];
  for (let i = 0; i < args.length; i++) {
    const a = (args[i] as Arg).value;
    const matches = a.startsWith('-') && (a === '-delete' || a.startsWith('-exec') || a.startsWith('-ok')) && !branchFiltered(args, i) ? roots : narrowed;
    if (a === '-exec' || a === '-execdir' || a === '-ok' || a === '-okdir') {
      const cmd: Arg[] = [];
      let j = i + 1;
      for (; j < args.length; j++) {
        const v = (args[j] as Arg).value;
        if (v === ';' || v === '+') break;
        cmd.push(args[j] as Arg);
      }
      i = j;
      const expanded: Arg[] = [];
      for (const c of cmd) {
        if (c.value.includes('{}')) for (const m of matches) expanded.push({ value: c.value.split('{}').join(m.value), dynamic: c.dynamic || m.dynamic, glob: m.glob });
        else expanded.push(c);
      }
      if (expanded.length > 0) commands.push(expanded);
    } else if (a === '-delete') {
      commands.push([lit('rm'), lit('-r'), lit('-f'), ...matches]);
    } else if (a === '-fprint' || a === '-fprintf' || a === '-fls' || a === '-fprint0') {
      const target = args[i + 1];
      if (target) commands.push([lit('tee'), target]);
    }
  }
  return { kind: 'many', commands, shellTexts: [], label: 'find', self: true };
};

const PARALLEL_VALUE = ['-j', '-P', '--jobs', '-S', '--sshlogin', '-n', '-N', '--delay', '--timeout', '--joblog', '--results', '-a', '--arg-file', '-d', '--delimiter', '--colsep', '-I', '--tmpdir', '-L', '--max-lines', '-s', '--max-chars', '--retries', '--load', '--memfree'];

const parallel: Wrapper = (args, input) => {
  let i = 0;
  let replace = '{}';
  for (; i < args.length; i++) {
    const a = (args[i] as Arg).value;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-')) break;
    if (a === '-I') replace = args[i + 1]?.value ?? '{}';
    if (PARALLEL_VALUE.includes(a)) i++;
  }
  const template: Arg[] = [];
  let items: Arg[] | undefined;
  for (; i < args.length; i++) {
    const a = args[i] as Arg;
    if (a.value === ':::' || a.value === ':::+' || a.value === '::::') {
      items = args.slice(i + 1).filter((x) => !x.value.startsWith(':::'));
      break;
    }
    template.push(a);
  }
  items ??= feedItems(input, undefined);
  if (template.length === 0) return { kind: 'none' };
  const texts: Arg[] = [];
  for (const item of items.slice(0, MAX_ITEMS)) {
    const q = quoteArgs([item]).value;
    const body = template.map((t) => t.value).join(' ');
    const text = body.includes(replace) ? body.split(replace).join(q) : body + ' ' + q;
    texts.push({ value: text, dynamic: item.dynamic || template.some((t) => t.dynamic), glob: false });
  }
  return { kind: 'many', commands: [], shellTexts: texts, label: 'parallel' };
};

/** `ssh host 'cmd'`: the command runs on another machine, but it runs. */
const ssh: Wrapper = (args) => {
  const { rest } = parseOptions(args, { shortWithValue: 'BbcDEeFIiJLlmOoPpQRSWw' });
  if (rest + 1 >= args.length) return { kind: 'none' };
  const host = args[rest]?.value ?? '';
  return { kind: 'shell', text: joinForShell(args.slice(rest + 1)), label: 'ssh ' + host, remote: `on ${host || 'another machine'}, through ssh` };
};

// ---- containers and pods ---------------------------------------------------------------------------

/** A command run inside a container or pod: judged like the command itself, with where it runs noted. */
function inside(argv: readonly Arg[], where: string, label: string): WrapperResult {
  if (argv.length === 0) return { kind: 'none' };
  return { kind: 'exec', argv, label, remote: where, cwd: UNKNOWN, outer: true };
}

/** Skip options (with the values of those in `withValue`) from `i`; returns the index of the first other word. */
function skipOptions(args: readonly Arg[], i: number, withValue: readonly string[]): number {
  for (; i < args.length; i++) {
    const v = (args[i] as Arg).value;
    if (v === '--') return i + 1;
    if (!v.startsWith('-') || v.length < 2) return i;
    if (!v.includes('=') && withValue.includes(v)) i++;
  }
  return i;
}

const DOCKER_GLOBAL = ['-H', '--host', '-c', '--context', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey'];
const DOCKER_EXEC = ['-e', '--env', '--env-file', '-u', '--user', '-w', '--workdir', '--detach-keys'];
const COMPOSE_GLOBAL = ['-f', '--file', '-p', '--project-name', '--profile', '--env-file', '--project-directory', '--ansi', '--parallel', '--progress'];
const COMPOSE_EXEC = ['-e', '--env', '-u', '--user', '-w', '--workdir', '--index'];
const COMPOSE_RUN = [...COMPOSE_EXEC, '--env-file', '--entrypoint', '-l', '--label', '--name', '-p', '--publish', '--pull', '-v', '--volume', '--cap-add', '--cap-drop'];

/** `docker-compose [opts] exec|run [opts] SERVICE cmd…` (also `docker compose …`), from index `i`. */
function compose(args: readonly Arg[], i: number, tool: string): WrapperResult {
  i = skipOptions(args, i, COMPOSE_GLOBAL);
  const sub = args[i]?.value;
  if (sub !== 'exec' && sub !== 'run') return { kind: 'none' };
  const at = skipOptions(args, i + 1, sub === 'exec' ? COMPOSE_EXEC : COMPOSE_RUN);
  const service = args[at]?.value ?? '';
  return inside(args.slice(at + 1), `inside the ${service} service's container, through ${tool} ${sub}`, `${tool} ${sub} ${service}`);
}

/** `docker exec [opts] CONTAINER cmd…`, `docker container exec …`, `docker compose exec|run …` (podman, nerdctl alike). */
function containerTool(tool: string): Wrapper {
  return (args) => {
    let i = skipOptions(args, 0, DOCKER_GLOBAL);
    let sub = args[i]?.value;
    if (sub === 'container') sub = args[++i]?.value;
    if (sub === 'compose') return compose(args, i + 1, `${tool} compose`);
    if (sub !== 'exec') return { kind: 'none' };
    const at = skipOptions(args, i + 1, DOCKER_EXEC);
    const container = args[at]?.value ?? '';
    return inside(args.slice(at + 1), `inside the container ${container}, through ${tool} exec`, `${tool} exec ${container}`);
  };
}

const KUBECTL_GLOBAL = ['-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-s', '--server', '--token', '--as', '--as-group', '--as-uid', '--request-timeout', '--cache-dir', '--certificate-authority', '--client-certificate', '--client-key', '--tls-server-name', '-v', '--profile', '--profile-output', '--password', '--username'];
const KUBECTL_EXEC = [...KUBECTL_GLOBAL, '-c', '--container', '-f', '--filename', '--pod-running-timeout'];

/** `kubectl [opts] exec [opts] POD [-c C] -- cmd…` (and the old form without `--`); `oc` alike. */
function podExec(tool: string): Wrapper {
  return (args) => {
    const i = skipOptions(args, 0, KUBECTL_GLOBAL);
    if (args[i]?.value !== 'exec') return { kind: 'none' };
    const rest = args.slice(i + 1);
    const dd = rest.findIndex((a) => a.value === '--');
    const head = dd >= 0 ? rest.slice(0, dd) : rest;
    // the pod is the first word that is not an option or an option's value
    let pod = '';
    for (let j = 0; j < head.length; j++) {
      const v = (head[j] as Arg).value;
      if (v.startsWith('-')) {
        if (!v.includes('=') && KUBECTL_EXEC.includes(v)) j++;
        continue;
      }
      pod = v;
      if (dd < 0) return inside(head.slice(j + 1), `inside the pod ${pod}, through ${tool} exec`, `${tool} exec ${pod}`);
      break;
    }
    if (dd < 0) return { kind: 'none' };
    return inside(rest.slice(dd + 1), `inside the pod ${pod || '(unnamed)'}, through ${tool} exec`, `${tool} exec ${pod}`);
  };
}

// ---- programs that run a command given to them --------------------------------------------------------

/** `busybox rm -rf /`, `toybox rm …`: the applet named first. */
function multiCall(label: string): Wrapper {
  return (args) => {
    const first = args[0]?.value;
    if (first === undefined || first.startsWith('-')) return { kind: 'none' };
    return exec(args, 0, label);
  };
}

/** `strace -f -o log cmd…`, `ltrace …`; attaching to a running process (`-p`) starts nothing. */
function tracer(label: string, withValue: string): Wrapper {
  return (args) => {
    const { options, rest } = parseOptions(args, { shortWithValue: withValue });
    if (options.has('p') && rest >= args.length) return { kind: 'none' };
    return exec(args, rest, label);
  };
}

/** `script -c 'cmd' [file]` (util-linux). The BSD form `script file cmd…` is left alone: `./script a b` is common. */
const script: Wrapper = (args) => {
  const { options } = parseOptions(args, { shortWithValue: 'cEIOBTm', longWithValue: ['command', 'echo', 'log-in', 'log-out', 'log-io', 'log-timing', 'logging-format', 'output-limit'] });
  const text = options.get('c') ?? options.get('command');
  return text !== undefined ? { kind: 'shell', text: lit(text), label: 'script -c' } : { kind: 'none' };
};

/** `at now <<< 'cmd'`, `echo cmd | at now`, `at -f file now`, `batch`: a shell runs the job's text later. */
const at: Wrapper = (args) => {
  const { options } = parseOptions(args, { shortWithValue: 'qfts', stopAtPositional: false });
  if (options.has('l') || options.has('r') || options.has('d') || options.has('c') || options.has('V')) return { kind: 'none' };
  const file = options.get('f');
  if (file !== undefined) return { kind: 'script', path: lit(file), label: 'at -f ' + file, positional: [] };
  return { kind: 'stdin', label: 'at' };
};

/** `vim -c ':!cmd'`, `vim +'!cmd'`, `nvim -c 'r !cmd'`: editor commands that run shell text. */
const editor: Wrapper = (args) => {
  const texts: Arg[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = (args[i] as Arg).value;
    const cmd = v === '-c' || v === '--cmd' ? args[++i]?.value : v.startsWith('+') ? v.slice(1) : undefined;
    const m = cmd === undefined ? null : /^:*\s*(?:(?:r|re|rea|read|w|wr|wri|writ|write)\s*)?!(.*)$/.exec(cmd);
    if (m?.[1] !== undefined && m[1].trim() !== '') texts.push({ value: m[1], dynamic: args[i]?.dynamic ?? false, glob: false });
  }
  return texts.length > 0 ? { kind: 'many', commands: [], shellTexts: texts, label: 'editor command', self: true } : { kind: 'none' };
};

/** `gdb -ex 'shell cmd'` / `-ex '!cmd'`: the debugger runs shell text. */
const gdb: Wrapper = (args) => {
  const texts: Arg[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = (args[i] as Arg).value;
    if (v !== '-ex' && v !== '--ex' && v !== '-eval-command' && v !== '--eval-command') continue;
    const m = /^\s*(?:shell\s+|!)(.*)$/.exec(args[++i]?.value ?? '');
    if (m?.[1] !== undefined) texts.push(lit(m[1]));
  }
  return texts.length > 0 ? { kind: 'many', commands: [], shellTexts: texts, label: 'gdb shell', self: true } : { kind: 'none' };
};

/** GNU tar options whose value is a command tar runs through the shell. */
const TAR_COMMAND_OPTIONS = ['--checkpoint-action=exec=', '--to-command=', '--use-compress-program=', '--info-script=', '--new-volume-script=', '--rsh-command='];

const tar: Wrapper = (args) => {
  const texts: Arg[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as Arg;
    const prefix = TAR_COMMAND_OPTIONS.find((o) => a.value.startsWith(o));
    if (prefix !== undefined) texts.push({ ...a, value: a.value.slice(prefix.length) });
    else if (['--to-command', '--use-compress-program', '--info-script', '--new-volume-script', '--rsh-command', '-I', '-F'].includes(a.value) && args[i + 1]) texts.push(args[++i] as Arg);
  }
  return texts.length > 0 ? { kind: 'many', commands: [], shellTexts: texts, label: 'tar command option', self: true } : { kind: 'none' };
};

/** awk programs: `system("cmd")`, `print | "cmd"`, `"cmd" | getline` with literal command strings. */
const AWK_COMMAND = /\bsystem\s*\(\s*"((?:[^"\\]|\\.)*)"|\|\s*"((?:[^"\\]|\\.)*)"|"((?:[^"\\]|\\.)*)"\s*\|\s*getline/g;

const awk: Wrapper = (args) => {
  const { options, rest } = parseOptions(args, { shortWithValue: 'fvFeiElW', longWithValue: ['file', 'assign', 'field-separator', 'source', 'include', 'load', 'exec'] });
  const program = options.get('e') ?? options.get('source') ?? (options.has('f') || options.has('file') ? undefined : args[rest]?.value);
  if (program === undefined || !program.includes('"')) return { kind: 'none' };
  const texts: Arg[] = [];
  for (const m of program.matchAll(AWK_COMMAND)) {
    const t = m[1] ?? m[2] ?? m[3];
    if (t !== undefined && t.trim() !== '') texts.push(lit(t.replace(/\\(.)/g, '$1')));
  }
  return texts.length > 0 ? { kind: 'many', commands: [], shellTexts: texts, label: 'awk', self: true } : { kind: 'none' };
};

/** GNU sed's `e command` (runs the command) in a script given with -e or as the first operand. */
const SED_EXECUTE = /(?:^|[\n;{}])\s*(?:(?:\d+|\$|\/[^/\n]*\/)(?:\s*,\s*(?:\d+|\$|\/[^/\n]*\/))?)?\s*e[ \t]+([^\n]+)/g;

const sed: Wrapper = (args) => {
  const scripts: string[] = [];
  let first = true;
  for (let i = 0; i < args.length; i++) {
    const v = (args[i] as Arg).value;
    if (v === '-e' || v === '--expression') {
      scripts.push(args[++i]?.value ?? '');
      first = false;
    } else if (v.startsWith('--expression=')) {
      scripts.push(v.slice(13));
      first = false;
    } else if (v === '-f' || v === '--file' || v === '-l' || v === '--line-length') {
      i++;
      first = false;
    } else if (!v.startsWith('-') && first) {
      scripts.push(v);
      first = false;
    }
  }
  const texts: Arg[] = [];
  for (const script of scripts) for (const m of script.matchAll(SED_EXECUTE)) if (m[1] !== undefined) texts.push(lit(m[1]));
  return texts.length > 0 ? { kind: 'many', commands: [], shellTexts: texts, label: 'sed e', self: true } : { kind: 'none' };
};

/** Git settings whose value is a command git runs (`!`-aliases and helpers run through the shell). */
const GIT_COMMAND_KEYS = /^(?:core\.(?:pager|editor|sshcommand|fsmonitor|askpass)|sequence\.editor|diff\.external|pager\.[\w.-]+|alias\.[\w.-]+|credential(?:\.[^=]*)?\.helper|gpg(?:\.\w+)?\.program|interactive\.difffilter|(?:diff|merge|filter)\.[^=]+\.(?:textconv|command|driver|clean|smudge|process|cmd))$/i;
const GIT_COMMAND_ENV = ['GIT_PAGER', 'GIT_EDITOR', 'GIT_SSH_COMMAND', 'GIT_SEQUENCE_EDITOR', 'GIT_EXTERNAL_DIFF', 'GIT_ASKPASS'];

/** Shell text of a git setting's value: `!cmd` for aliases, the value itself for the others. */
function gitCommandText(key: string, value: Arg): Arg | undefined {
  if (/^alias\./i.test(key)) return value.value.startsWith('!') ? { ...value, value: value.value.slice(1) } : undefined;
  if (/helper$/i.test(key) && !value.value.startsWith('!')) return undefined;
  const text = value.value.startsWith('!') ? value.value.slice(1) : value.value;
  return text.trim() === '' ? undefined : { ...value, value: text };
}

/**
 * `git -c core.pager='cmd' log`, `GIT_PAGER='cmd' git log`, `git config core.pager 'cmd'`: the command git will
 * run (now, or on a later git command) is judged; git itself is judged as usual.
 */
const git: Wrapper = (args, input) => {
  const texts: Arg[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const v = (args[i] as Arg).value;
    if (!v.startsWith('-')) break;
    if (v === '-c' || v === '--config-env') {
      const kv = args[++i];
      const eq = kv?.value.indexOf('=') ?? -1;
      if (kv && eq > 0 && v === '-c' && GIT_COMMAND_KEYS.test(kv.value.slice(0, eq))) {
        const t = gitCommandText(kv.value.slice(0, eq), { ...kv, value: kv.value.slice(eq + 1) });
        if (t) texts.push(t);
      }
    } else if (v === '-C' || v === '--git-dir' || v === '--work-tree' || v === '--namespace') i++;
  }
  if (args[i]?.value === 'config') {
    const words = args.slice(i + 1).filter((a) => !a.value.startsWith('-'));
    const [key, value] = words;
    if (key && value && words.length === 2 && GIT_COMMAND_KEYS.test(key.value)) {
      const t = gitCommandText(key.value, value);
      if (t) texts.push(t);
    }
  }
  if (input.env) for (const name of GIT_COMMAND_ENV) {
    const v = input.env[name];
    if (v !== undefined && v.trim() !== '') texts.push(lit(v));
  }
  return texts.length > 0 ? { kind: 'many', commands: [], shellTexts: texts, label: 'git runs', self: true } : { kind: 'none' };
};

export const WRAPPERS: ReadonlyMap<string, Wrapper> = new Map<string, Wrapper>([
  ['sudo', sudo],
  ['doas', doas],
  ['pkexec', pkexec],
  ['su', su],
  ['runuser', runuser],
  ['env', env],
  ['command', command],
  ['builtin', simple('builtin', {})],
  ['exec', exec_],
  ['nice', simple('nice', { shortWithValue: 'n', longWithValue: ['adjustment'] })],
  ['nohup', simple('nohup', {})],
  ['time', simple('time', { shortWithValue: 'fo', longWithValue: ['format', 'output'] })],
  ['timeout', timeout],
  ['watch', watch],
  ['stdbuf', simple('stdbuf', { shortWithValue: 'ioe', longWithValue: ['input', 'output', 'error'] })],
  ['ionice', ionice],
  ['chroot', chroot],
  ['setsid', simple('setsid', {})],
  ['unbuffer', simple('unbuffer', {})],
  ['flock', flock],
  ['chrt', (args) => exec(args, parseOptions(args, {}).rest + 1, 'chrt')],
  ['taskset', (args) => exec(args, parseOptions(args, {}).rest + 1, 'taskset')],
  ['xargs', xargs],
  ['find', find],
  ['parallel', parallel],
  ['npx', npx],
  ['pnpx', npx],
  ['bunx', npx],
  ['npm', packageManager('npm')],
  ['pnpm', packageManager('pnpm')],
  ['yarn', packageManager('yarn')],
  ['bun', packageManager('bun')],
  ['corepack', corepack],
  ['ssh', ssh],
  ['docker', containerTool('docker')],
  ['podman', containerTool('podman')],
  ['nerdctl', containerTool('nerdctl')],
  ['docker-compose', (args) => compose(args, 0, 'docker-compose')],
  ['podman-compose', (args) => compose(args, 0, 'podman-compose')],
  ['kubectl', podExec('kubectl')],
  ['busybox', multiCall('busybox')],
  ['toybox', multiCall('toybox')],
  ['strace', tracer('strace', 'eopsuaEIOSXPb')],
  ['ltrace', tracer('ltrace', 'eopsuanlFADx')],
  ['nsenter', simple('nsenter', { shortWithValue: 'tSGrw', longWithValue: ['target', 'setuid', 'setgid', 'root', 'wd', 'wdns', 'env'] })],
  ['unshare', simple('unshare', { shortWithValue: 'RwSGl', longWithValue: ['root', 'wd', 'setuid', 'setgid', 'map-user', 'map-group', 'map-users', 'map-groups', 'propagation', 'setgroups', 'load-interp'] })],
  ['systemd-run', simple('systemd-run', { shortWithValue: 'upEMHs', longWithValue: ['unit', 'property', 'setenv', 'machine', 'host', 'description', 'slice', 'uid', 'gid', 'nice', 'working-directory', 'on-active', 'on-boot', 'on-startup', 'on-unit-active', 'on-unit-inactive', 'on-calendar', 'on-timezone-change', 'on-clock-change', 'timer-property', 'path-property', 'socket-property', 'service-type', 'expand-environment'] })],
  ['firejail', simple('firejail', {})],
  ['fakeroot', simple('fakeroot', { shortWithValue: 'lisb', longWithValue: ['lib', 'faked'] })],
  ['fakechroot', simple('fakechroot', { shortWithValue: 'lsed', longWithValue: ['lib', 'use-system-libs', 'environment', 'config-dir'] })],
  ['xvfb-run', simple('xvfb-run', { shortWithValue: 'efnpsw', longWithValue: ['error-file', 'auth-file', 'server-num', 'xauth-protocol', 'server-args', 'wait'] })],
  ['proot', simple('proot', { shortWithValue: 'rbmwqk', longWithValue: ['rootfs', 'bind', 'mount', 'pwd', 'cwd', 'qemu', 'kernel-release'] })],
  ['script', script],
  ['at', at],
  ['batch', at],
  ['vim', editor],
  ['vi', editor],
  ['nvim', editor],
  ['ex', editor],
  ['gdb', gdb],
  ['tar', tar],
  ['gtar', tar],
  ['awk', awk],
  ['gawk', awk],
  ['mawk', awk],
  ['nawk', awk],
  ['sed', sed],
  ['gsed', sed],
  ['git', git],
  ['oc', podExec('oc')],
  ...[...SHELLS].map((s): [string, Wrapper] => [s, shell(s)]),
]);


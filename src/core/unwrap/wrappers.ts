/**
 * Programs that run another program: what each one really runs. Data (option specs) plus one small function
 * per wrapper. The walker applies them repeatedly, so `sudo env X=1 timeout 5 bash -c '…'` is peeled layer by
 * layer down to the commands inside the string. Containers, task runners and programs with commands inside
 * their arguments have their own tables (containers.ts, runners.ts, embeddedCommands.ts).
 */
import type { Arg } from '../invocation';
import { parseOptions, type OptionSpec } from './options';
import { packageRun } from '../scripts/packageScripts';
import { exec, joinForShell, lit, quoteArgs, simple, UNKNOWN, withoutVersion, type ShellText, type Wrapper, type WrapperInput } from './kit';
import { CONTAINER_WRAPPERS } from './containers';
import { RUNNER_WRAPPERS } from './runners';
import { EMBEDDED_COMMAND_WRAPPERS } from './embeddedCommands';
import { PARALLEL_SHORT_VALUE, parallelLongOption } from './parallelOptions';
import { gitSubcommandAt } from './gitAliases';

export { joinForShell, quoteArgs, type WrapperInput, type WrapperResult } from './kit';

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

/** systemd's `run0 [opts] cmd` and `please [opts] cmd`: run a command as root, like sudo. */
const run0: Wrapper = (args) => exec(args, parseOptions(args, { shortWithValue: 'ugD', longWithValue: ['user', 'group', 'nice', 'chdir', 'setenv', 'unit', 'property', 'description', 'slice', 'background', 'machine'] }).rest, 'run0', { elevated: true });
const please: Wrapper = (args) => exec(args, parseOptions(args, { shortWithValue: 'cdrtu' }).rest, 'please', { elevated: true });

/**
 * Shells with their own language (nushell, elvish, xonsh): only `-c TEXT` is judged, as shell text, since their
 * scripts are not bash; `nu -c 'rm -rf ~'` is still `rm -rf ~`.
 */
function foreignShell(name: string): Wrapper {
  return (args) => {
    const at = args.findIndex((a) => a.value === '-c' || a.value === '--commands' || a.value === '--command');
    const text = at >= 0 ? args[at + 1] : undefined;
    return text === undefined ? { kind: 'none' } : { kind: 'shell', text, label: `${name} -c` };
  };
}

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
  // `runuser [-l] user -c 'cmd'`: like su, the words after the user go to the user's shell
  const after = su(args.slice(rest + 1), { stdinText: undefined, stdinFrom: undefined, stdinFromArgs: undefined });
  if (after.kind === 'shell') return { ...after, label: 'runuser -c' };
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
    // `npm explore <pkg> [--] cmd…` runs cmd in the package's folder through the shell
    if (program === 'npm' && args[0]?.value === 'explore' && args.length > 2) {
      const from = args[2]?.value === '--' ? 3 : 2;
      return from < args.length ? { kind: 'shell', text: joinForShell(args.slice(from)), label: 'npm explore' } : { kind: 'none' };
    }
    const run = packageRun(program, args);
    if (run === undefined) return { kind: 'none' };
    if (run.kind === 'shell') return { kind: 'shell', text: run.text, label: `${program} exec` };
    if (run.kind === 'defines') return { kind: 'many', commands: [], shellTexts: run.texts, label: `${program} pkg set scripts`, self: true };
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
      // only some sub-commands print paths; `git tag`, `git branch`, `git log` print names and hashes
      if (!GIT_PATH_LISTERS.has(gitSubcommand(args))) return [UNKNOWN];
      const c = args.findIndex((a) => a.value === '-C');
      const dir = c >= 0 ? args[c + 1] : undefined;
      return [dir ?? lit('.')];
    }
    default:
      return [UNKNOWN];
  }
}

const GIT_PATH_LISTERS: ReadonlySet<string> = new Set(['ls-files', 'ls-tree', 'diff', 'grep', 'status', 'clean', 'diff-tree', 'diff-index', 'diff-files']);

/** `git [-C dir] [-c k=v] SUB …` → SUB. */
function gitSubcommand(args: readonly Arg[]): string {
  const i = gitSubcommandAt(args);
  return i < 0 ? '' : (args[i] as Arg).value;
}

const xargs: Wrapper = (args, input) => {
  const { options, rest } = parseOptions(args, XARGS_SPEC);
  const template = rest < args.length ? args.slice(rest) : [lit('echo')];
  const nul = options.has('0') || options.has('null');
  const delimiter = nul ? '\0' : options.get('d') ?? options.get('delimiter');
  const replace = options.get('I') ?? options.get('replace') ?? (options.has('i') ? '{}' : undefined);
  // with -I each input line is one item (blanks do not split it): `xargs -I{} sh -c {} <<< 'rm -rf ~'`
  const items = replace !== undefined && replace !== '' && delimiter === undefined && input.stdinText !== undefined
    ? input.stdinText.split('\n').map((l) => l.trimStart().replace(/"([^"]*)"|'([^']*)'|\\(.)/g, (_m, d: string | undefined, q: string | undefined, e: string | undefined) => d ?? q ?? e ?? '')).filter((l) => l !== '').slice(0, MAX_ITEMS).map(lit)
    : feedItems(input, delimiter);
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

/** Tests that do not narrow much (and `-type f`, see findBranch): `find . -type f -delete` still deletes every file below `.`, `.git`'s too. */
const FIND_WEAK_FILTERS = new Set(['-readable', '-writable', '-executable', '-user', '-uid', '-group', '-gid', '-fstype', '-context']);
/** Tests on the name or the path: what they match is known (`-name .git` matches `<root>/…/.git`). */
const FIND_NAME_TESTS = new Set(['-name', '-iname', '-path', '-ipath', '-wholename', '-iwholename']);

/** What the action at `i` sees: every entry, entries a test narrowed, or entries with these names or paths. */
type FindBranch = { readonly kind: 'all' } | { readonly kind: 'narrowed' } | { readonly kind: 'named'; readonly names: readonly Arg[]; readonly paths: readonly Arg[] };

/**
 * The tests between the start of the action's `-o` branch and the action (`find . -path ./x -prune -o -delete`
 * deletes everything else; `find . -delete -name x` deletes everything). Name and path tests that are not negated
 * say which entries (`find . -name .git -exec rm -rf {} +` removes `./…/.git`); only weak tests (`-type f`)
 * leave every entry.
 */
function findBranch(args: readonly Arg[], i: number): FindBranch {
  let depth = 0;
  let narrowed = false;
  let negated = false;
  const names: Arg[] = [];
  const paths: Arg[] = [];
  for (let k = i - 1; k >= 0; k--) {
    const v = (args[k] as Arg).value;
    if (v === ')') depth++;
    else if (v === '(') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (v === '-o' || v === '-or' || v === ',')) break;
    else if (FIND_NAME_TESTS.has(v)) {
      const value = args[k + 1];
      const before = k > 0 ? (args[k - 1] as Arg).value : '';
      if (value === undefined || value.dynamic || before === '!' || before === '-not') negated = true;
      else (v.endsWith('name') ? names : paths).push(value);
    } else if (v === '-type' || v === '-xtype') {
      // `-type f` is every file; `-type d` with -exec is every folder (`-delete` only removes empty ones); links, pipes… are few
      const t = args[k + 1]?.value ?? '';
      if (!(t.includes('f') || t.includes('d') && (args[i] as Arg).value !== '-delete')) narrowed = true;
    } else if (FIND_FILTERS.has(v) && !FIND_WEAK_FILTERS.has(v)) narrowed = true;
  }
  if (!negated && names.length + paths.length > 0) return { kind: 'named', names, paths };
  return narrowed || negated || names.length + paths.length > 0 ? { kind: 'narrowed' } : { kind: 'all' };
}

/** The entries a branch's action receives, as words for the command it runs. */
function findMatches(branch: FindBranch, roots: readonly Arg[], narrowed: readonly Arg[]): readonly Arg[] {
  if (branch.kind === 'all') return roots;
  if (branch.kind === 'narrowed') return narrowed;
  const isGlob = (v: string): boolean => /[*?[]/.test(v);
  const out: Arg[] = [...branch.paths.map((p) => ({ ...p, glob: isGlob(p.value) }))];
  for (const r of roots) for (const n of branch.names) out.push({ value: r.value.replace(/\/+$/, '') + '/' + n.value, dynamic: r.dynamic, glob: r.glob || isGlob(n.value) });
  return out;
}

const find: Wrapper = (args) => {
  const roots = findRoots(args);
  const narrowed = roots.map((r) => ({ value: r.value.replace(/\/+$/, '') + '/?*', dynamic: r.dynamic, glob: true }));
  const commands: Arg[][] = [];
  for (let i = 0; i < args.length; i++) {
    const a = (args[i] as Arg).value;
    const acts = a === '-delete' || a === '-exec' || a === '-execdir' || a === '-ok' || a === '-okdir';
    const matches = acts ? findMatches(findBranch(args, i), roots, narrowed) : narrowed;
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

const FD_EXEC = new Set(['-x', '--exec', '-X', '--exec-batch']);
const FD_MATCH_ALL = new Set(['.', '', '^', '.*', '^.*$']);
const FD_FILTERS = new Set(['-e', '--extension', '-t', '--type', '-S', '--size', '--changed-within', '--changed-before', '--change-newer-than', '--change-older-than', '-E', '--exclude', '-g', '--glob', '-d', '--max-depth', '--exact-depth', '--min-depth', '-o', '--owner', '-p', '--full-path']);
/** fd's placeholders: `{}` the path, `{.}` without extension, `{/}` basename, `{//}` parent, `{/.}`. */
const FD_PLACEHOLDER = /\{(?:\/\/|\/\.|\/|\.)?\}/g;

/** `fd [pattern] [dirs] -x|-X cmd… [;]`: the command runs on what fd finds below its directories. */
const fd: Wrapper = (args) => {
  const at = args.findIndex((a) => FD_EXEC.has(a.value));
  if (at < 0) return { kind: 'none' };
  let end = args.findIndex((a, k) => k > at && a.value === ';');
  if (end < 0) end = args.length;
  const template = args.slice(at + 1, end);
  if (template.length === 0) return { kind: 'none' };
  const own = [...args.slice(0, at), ...args.slice(end + 1)];
  const roots = listerRoots('fd', own);
  // `fd . dir` (or `^`, `.*`) with no filter finds everything in dir; any other pattern or filter narrows it
  const pattern = operandsOf(own)[0]?.value;
  const everything = (pattern === undefined || FD_MATCH_ALL.has(pattern)) && !own.some((a) => FD_FILTERS.has(a.value.split('=')[0] ?? ''));
  const tail = everything ? '/*' : '/?*';
  const matches = roots.map((r) => (r.dynamic && r.value === '' ? UNKNOWN : { value: r.value.replace(/\/+$/, '') + tail, dynamic: r.dynamic, glob: true }));
  const placed = template.some((c) => FD_PLACEHOLDER.test(c.value));
  const command: Arg[] = [];
  for (const c of template) {
    FD_PLACEHOLDER.lastIndex = 0;
    if (!FD_PLACEHOLDER.test(c.value)) command.push(c);
    else for (const m of matches) command.push({ value: c.value.replace(FD_PLACEHOLDER, m.value), dynamic: c.dynamic || m.dynamic, glob: m.glob });
  }
  if (!placed) command.push(...matches);
  return { kind: 'many', commands: [command], shellTexts: [], label: 'fd -x', self: true };
};

/** Options after which parallel prints something and runs nothing. */
const PARALLEL_INFO = new Set(['--version', '-V', '--help', '-h', '--citation', '--bibtex', '--number-of-cpus', '--number-of-cores', '--number-of-sockets', '--number-of-threads', '--max-line-length-allowed', '--minversion', '--dry-run', '--record-env', '--show-limits', '--embed']);

/** Replacement strings: `{}` `{.}` `{/}` `{//}` `{/.}` `{#}` `{%}`, and `{2}`, `{2.}`… for the second input source. */
const REPLACEMENT = /\{(\d*)(\.|\/\/|\/\.|\/|#|%)?\}/g;
/** `{= perl =}` and `{2= perl =}`: a Perl expression computes the word from the argument, so it could be anything. */
const PERL_REPLACEMENT = /\{\d*=[\s\S]*?=\}/g;
/** With `--plus`, also `{..}`, `{+/}`, `{:-x}`, `{%re}`, `{/re/s}`…: each computed by Perl like `{= =}` (not `${VAR}`). */
const PLUS_REPLACEMENT = /\{\d*=[\s\S]*?=\}|(?<!\$)\{(?!\d*(?:\.|\/\/|\/\.|\/|#|%)?\})[^{}\s]+\}/g;

/** What a replacement string makes of a known argument. */
function transformed(value: string, kind: string | undefined): string {
  const base = value.replace(/^.*\//, '');
  switch (kind) {
    case '.':
      return value.replace(/\.[^/.]*$/, '');
    case '/':
      return base;
    case '//':
      return value.includes('/') ? value.replace(/\/[^/]*$/, '') || '/' : '.';
    case '/.':
      return base.replace(/\.[^/.]*$/, '');
    default:
      return value;
  }
}

/**
 * The text of one job: the command template with its replacement strings filled in (or the arguments appended).
 * parallel quotes what it puts in, so a known argument is one quoted word; an argument only known when it runs
 * becomes a positional parameter of the job (`$1`), which keeps it unknown — or a glob (`find … | parallel`) —
 * for the rules, instead of an empty word.
 */
function jobText(template: string, job: readonly Arg[], jobNumber: number, dynamicTemplate: boolean, computed: RegExp): ShellText {
  const positional: Arg[] = [lit('parallel')];
  const word = (a: Arg, kind: string | undefined, quoted: boolean): string => {
    if (!a.dynamic && !a.glob) return quoteArgs([lit(transformed(a.value, kind))]).value;
    positional.push(a);
    const ref = `\${${positional.length - 1}}`;
    // inside '…' a parameter would not expand: close the quotes around it
    return quoted ? `'"${ref}"'` : ref;
  };
  let replaced = false;
  // a computed replacement string is a word only known when it runs: parallel quotes it like any argument, so it is
  // data where the template puts it (`rm -rf {= s:a:/: =}` deletes a path only known then; `echo {..}` is harmless)
  // (each is marked by a NUL, which shell text cannot hold, until the other replacement strings are filled in)
  const computedWords: string[] = [];
  const inComputed = singleQuotedOffsets(template);
  let text = template.replace(computed, (_m, offset: number) => {
    replaced = true;
    computedWords.push(word(UNKNOWN, undefined, inComputed(offset)));
    return '\0';
  });
  const inSingleQuotes = singleQuotedOffsets(text);
  text = text.replace(REPLACEMENT, (_m, n: string, kind: string | undefined, offset: number) => {
    replaced = true;
    const quoted = inSingleQuotes(offset);
    if (kind === '#' || kind === '%') return String(jobNumber);
    if (n !== '') {
      const a = job[Number(n) - 1];
      return a === undefined ? "''" : word(a, kind, quoted);
    }
    return job.map((a) => word(a, kind, quoted)).join(' ');
  });
  if (!replaced && job.length > 0) text += ' ' + job.map((a) => word(a, undefined, false)).join(' ');
  if (computedWords.length > 0) {
    let k = 0;
    text = text.replace(/\0/g, () => computedWords[k++] ?? '');
  }
  return { value: text, dynamic: dynamicTemplate, glob: false, positional };
}

/** Whether an offset of shell text is inside single quotes (outside double quotes, after no backslash). */
function singleQuotedOffsets(text: string): (offset: number) => boolean {
  const quoted: boolean[] = [];
  let state: 'none' | 'single' | 'double' = 'none';
  for (let i = 0; i < text.length; i++) {
    quoted[i] = state === 'single';
    const c = text[i];
    if (state === 'single') {
      if (c === "'") state = 'none';
    } else if (c === '\\') {
      quoted[++i] = false;
    } else if (state === 'double') {
      if (c === '"') state = 'none';
    } else if (c === "'") state = 'single';
    else if (c === '"') state = 'double';
  }
  return (offset) => quoted[offset] === true;
}

/** Every combination of one argument from each input source (what parallel runs), at most MAX_ITEMS. */
function jobsOf(sources: readonly (readonly Arg[])[]): Arg[][] {
  let jobs: Arg[][] = [[]];
  for (const source of sources) {
    const next: Arg[][] = [];
    for (const job of jobs) for (const a of source) if (next.length < MAX_ITEMS) next.push([...job, a]);
    jobs = next;
  }
  return jobs;
}

/**
 * `parallel [options] [command] [::: args | :::: files]…`, `… | parallel command`, `parallel -a file command`:
 * the command template runs once per argument, like `xargs -I{}` (an argument is data, never code). Without a
 * command the arguments are the commands (`parallel ::: "make a" "make b"`, `cat jobs.txt | parallel`).
 */
const parallel: Wrapper = (args, input) => {
  let argSep = ':::';
  let fileSep = '::::';
  const argFiles: Arg[] = [];
  let replace = '{}';
  /** Flags without a value: short letters and long names. */
  const flags = new Set<string>();
  let unknownOption = false;
  /** `--rpl` defines replacement strings of any shape, `--parens` moves `{= =}`: the template's words are not what runs. */
  let computedReplacements = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] as Arg;
    const v = a.value;
    if (v === '--') {
      i++;
      break;
    }
    if (PARALLEL_INFO.has(v)) return { kind: 'none' };
    if (v.length < 2 || !v.startsWith('-') || v.startsWith(argSep) || v.startsWith(fileSep)) break;
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      const option = parallelLongOption(eq < 0 ? v.slice(2) : v.slice(2, eq));
      // an option this table does not know may take a value: where the command starts is then unknown
      if (option === undefined || a.dynamic) unknownOption = true;
      if (option === undefined || !option.takesValue) {
        if (option !== undefined) flags.add(option.name);
        continue;
      }
      const name = option.name;
      const value = eq < 0 ? args[++i] : { ...a, value: v.slice(eq + 1) };
      if (value === undefined) break;
      if (name === 'rpl' || name === 'parens') computedReplacements = true;
      if (name === 'arg-file') argFiles.push(value);
      else if (name === 'replace') replace = value.value;
      else if (name === 'arg-sep') argSep = value.value;
      else if (name === 'arg-file-sep') fileSep = value.value;
      continue;
    }
    for (let j = 1; j < v.length; j++) {
      const c = v[j] ?? '';
      if (!PARALLEL_SHORT_VALUE.includes(c)) {
        flags.add(c);
        continue;
      }
      const value = j + 1 < v.length ? { ...a, value: v.slice(j + 1) } : args[++i];
      if (value !== undefined && c === 'a') argFiles.push(value);
      if (value !== undefined && c === 'I') replace = value.value;
      break;
    }
  }
  const template: Arg[] = [];
  for (; i < args.length && (args[i] as Arg).value !== argSep && (args[i] as Arg).value !== argSep + '+' && (args[i] as Arg).value !== fileSep && (args[i] as Arg).value !== fileSep + '+'; i++) template.push(args[i] as Arg);
  // input sources, in order: `-a file`s, then each `:::` list or `::::` file
  const stdinLines = (): Arg[] => feedItems(input, flags.has('0') || flags.has('null') ? '\0' : '\n');
  const fromFile = (f: Arg): Arg[] => (f.value === '-' && !f.dynamic ? stdinLines() : [UNKNOWN]);
  const sources: Arg[][] = argFiles.map(fromFile);
  for (let sep: string | undefined; i < args.length; i++) {
    const a = args[i] as Arg;
    if (a.value === argSep || a.value === argSep + '+') {
      sep = argSep;
      sources.push([]);
    } else if (a.value === fileSep || a.value === fileSep + '+') sep = fileSep;
    else if (sep === argSep) sources[sources.length - 1]?.push(a);
    else if (sep === fileSep) sources.push(fromFile(a));
  }
  const commands = template.length > 0 ? template : undefined;
  // `sem cmd` (`parallel --semaphore`) runs the command once, when a slot is free; `sem --wait` runs nothing
  const semaphore = flags.has('semaphore');
  if (semaphore && commands === undefined) return { kind: 'none' };
  // no command and no input source: the lines of its input are the commands, as for a shell
  if (commands === undefined && sources.length === 0) return { kind: 'stdin', label: 'parallel' };
  // --pipe: the input is cut into blocks given to the command's standard input, not into arguments
  const piped = flags.has('pipe') || flags.has('pipe-part');
  if (sources.length === 0) sources.push(piped ? [] : stdinLines());
  const jobs = piped || semaphore ? [[]] : jobsOf(sources);
  if (commands === undefined) return { kind: 'many', commands: [], shellTexts: jobs.map((job) => joinForShell(job)), label: 'parallel' };
  // -q quotes each word of the command, which parallel otherwise gives to a shell as one line
  const words = flags.has('q') || flags.has('quote') ? commands.map((t) => quoteArgs([t]).value) : commands.map((t) => t.value);
  const body = words.join(' ').split(replace === '' ? '{}' : replace).join('{}');
  const computed = flags.has('plus') ? PLUS_REPLACEMENT : PERL_REPLACEMENT;
  const dynamicTemplate = commands.some((t) => t.dynamic) || unknownOption || computedReplacements;
  return { kind: 'many', commands: [], shellTexts: jobs.map((job, k) => jobText(body, job, k + 1, dynamicTemplate, computed)), label: 'parallel' };
};

/** `ip [-n NS] netns exec NS cmd…` runs cmd (in another network namespace of this machine); other `ip` commands run nothing. */
const ip: Wrapper = (args) => {
  let i = 0;
  while (i < args.length && (args[i] as Arg).value.startsWith('-')) i += ['-n', '-netns', '-f', '-family', '-b', '-batch', '-rc', '-rcvbuf'].includes((args[i] as Arg).value) ? 2 : 1;
  const obj = args[i]?.value ?? '';
  if (obj === '' || !'netns'.startsWith(obj) || obj.length < 2 || args[i + 1]?.value !== 'exec') return { kind: 'none' };
  return exec(args, i + 3, 'ip netns exec');
};

/** `rustup run [--install] <toolchain> cmd…` runs cmd with that toolchain; other rustup commands run nothing. */
const rustup: Wrapper = (args) => {
  if (args[0]?.value !== 'run') return { kind: 'none' };
  let i = 1;
  while (i < args.length && (args[i] as Arg).value.startsWith('-')) i++;
  return exec(args, i + 1, 'rustup run');
};

/** `cmake -E <tool>`: CMake's portable file commands, as the programs they stand for. */
const CMAKE_TOOLS: ReadonlyMap<string, readonly string[]> = new Map([
  ['rm', ['rm']],
  ['remove', ['rm', '-f']],
  ['remove_directory', ['rm', '-rf']],
  ['copy', ['cp']],
  ['copy_directory', ['cp', '-r']],
  ['copy_directory_if_different', ['cp', '-r']],
  ['copy_if_different', ['cp']],
  ['rename', ['mv']],
  ['touch', ['touch']],
  ['create_symlink', ['ln', '-sf']],
  ['tar', ['tar']],
]);

/** `cmake -E rm -rf build`, `cmake -E chdir dir cmd…`, `cmake -E env A=1 cmd…`, `cmake -E time cmd…`; other cmake runs nothing. */
const cmake: Wrapper = (args) => {
  if (args[0]?.value !== '-E') return { kind: 'none' };
  const tool = args[1]?.value ?? '';
  if (tool === 'chdir') return args[2] ? exec(args, 3, 'cmake -E chdir', { cwd: args[2] }) : { kind: 'none' };
  if (tool === 'time') return exec(args, 2, 'cmake -E time');
  if (tool === 'env') return exec([lit('env'), ...args.slice(2)], 0, 'cmake -E env');
  const as = CMAKE_TOOLS.get(tool);
  return as === undefined ? { kind: 'none' } : { kind: 'exec', argv: [...as.map(lit), ...args.slice(2)], label: `cmake -E ${tool}` };
};

/** `ssh host 'cmd'`: the command runs on another machine, but it runs. */
const ssh: Wrapper = (args) => {
  const { rest } = parseOptions(args, { shortWithValue: 'BbcDEeFIiJLlmOoPpQRSWw' });
  if (rest + 1 >= args.length) return { kind: 'none' };
  const host = args[rest]?.value ?? '';
  return { kind: 'shell', text: joinForShell(args.slice(rest + 1)), label: 'ssh ' + host, remote: `on ${host || 'another machine'}, through ssh` };
};

export const WRAPPERS: ReadonlyMap<string, Wrapper> = new Map<string, Wrapper>([
  ['sudo', sudo],
  ['doas', doas],
  ['pkexec', pkexec],
  ['run0', run0],
  ['please', please],
  ['nu', foreignShell('nu')],
  ['nushell', foreignShell('nushell')],
  ['elvish', foreignShell('elvish')],
  ['xonsh', foreignShell('xonsh')],
  ['su', su],
  ['runuser', runuser],
  ['env', env],
  ['command', command],
  ['builtin', simple('builtin', {})],
  ['exec', exec_],
  ['nice', simple('nice', { shortWithValue: 'n', longWithValue: ['adjustment'] })],
  ['nohup', simple('nohup', {})],
  ['coproc', simple('coproc', {})],
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
  ['fd', fd],
  ['fdfind', fd],
  ['parallel', parallel],
  ['sem', (args, input) => parallel([lit('--semaphore'), ...args], input)],
  ['npx', npx],
  ['pnpx', npx],
  ['bunx', npx],
  ['npm', packageManager('npm')],
  ['pnpm', packageManager('pnpm')],
  ['yarn', packageManager('yarn')],
  ['bun', packageManager('bun')],
  ['corepack', corepack],
  ['ssh', ssh],
  ['ip', ip],
  ['cmake', cmake],
  ['rustup', rustup],
  ...CONTAINER_WRAPPERS,
  ...RUNNER_WRAPPERS,
  ...EMBEDDED_COMMAND_WRAPPERS,
  ...[...SHELLS].map((s): [string, Wrapper] => [s, shell(s)]),
]);


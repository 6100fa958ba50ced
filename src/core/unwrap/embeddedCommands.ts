/**
 * Programs whose arguments hold commands they run through a shell: editors (`vim -c ':!cmd'`), gdb, GNU tar's
 * command options, awk's `system()`, GNU sed's `e`, lua's `os.execute`, AppleScript's `do shell script`, and
 * git settings that name a command (`core.pager`, `!`-aliases, `GIT_PAGER=…`). The program itself is judged as
 * usual; the commands inside are judged too.
 */
import type { Arg } from '../invocation';
import { parseOptions } from './options';
import { lit, quoteArgs, type Wrapper } from './kit';
import { gitSubcommandAt } from './gitAliases';
import { GIT_GLOBAL_VALUE_OPTS } from '../gitGlobalOptions';

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
    if (!a.value.startsWith('-')) continue;
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

/**
 * GNU sed's `e command` (runs the command) in a script given with -e or as the first operand. Blanks are matched
 * once between the separator and `e` (never by two adjacent `*`), so long runs of blanks stay linear.
 */
const SED_EXECUTE = /(?:^|[\n;{}])[ \t]*(?:(?:\d+|\$|\/[^/\n]*\/)(?:[ \t]*,[ \t]*(?:\d+|\$|\/[^/\n]*\/))?[ \t]*)?e[ \t]+([^\n]+)/g;

/**
 * GNU sed's `s/regex/replacement/e`: the line after the substitution runs as a command. What runs depends on the
 * input, so it is only known when it runs; the replacement is judged as the likeliest command
 * (`echo x | sed 's/x/rm -rf ~/e'`).
 */
function substituteExecutes(script: string): Arg[] {
  const out: Arg[] = [];
  for (let i = script.indexOf('s'); i >= 0 && i < script.length; i = script.indexOf('s', i + 1)) {
    // `s` starts a command after a separator, an address or the start (not inside a word such as `gsub`)
    const before = script.slice(0, i).replace(/[ \t]+$/, '');
    if (before !== '' && !/[\n;{}!\d$/]$/.test(before)) continue;
    const delim = script[i + 1];
    if (delim === undefined || delim === '\\' || delim === '\n' || delim === ' ') continue;
    const parts: string[] = [];
    let j = i + 2;
    let cur = '';
    for (; j < script.length && parts.length < 2; j++) {
      const c = script[j] as string;
      if (c === '\\' && j + 1 < script.length) {
        cur += script[j + 1] === delim ? delim : c + (script[j + 1] as string);
        j++;
      } else if (c === delim) {
        parts.push(cur);
        cur = '';
      } else cur += c;
    }
    if (parts.length < 2) continue;
    const flags = /^[gpIiMme0-9]*/.exec(script.slice(j))?.[0] ?? '';
    if (flags.includes('e')) out.push({ value: (parts[1] ?? '').replace(/\\(.)/g, '$1'), dynamic: true, glob: false });
    i = j - 1;
  }
  return out;
}

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
  for (const script of scripts) {
    texts.push(...substituteExecutes(script));
    // most scripts have no `e` command at all: skip the full pattern for them
    if (!/e[ \t]/.test(script)) continue;
    for (const m of script.matchAll(SED_EXECUTE)) if (m[1] !== undefined) texts.push(lit(m[1]));
  }
  return texts.length > 0 ? { kind: 'many', commands: [], shellTexts: texts, label: 'sed e', self: true } : { kind: 'none' };
};

/** Git settings whose value is a command git runs (`!`-aliases and helpers run through the shell). */
const GIT_COMMAND_KEYS = /^(?:core\.(?:pager|editor|sshcommand|fsmonitor|askpass)|sequence\.editor|diff\.external|pager\.[\w.-]+|alias\.[\w.-]+|credential(?:\.[^=]*)?\.helper|gpg(?:\.\w+)?\.program|interactive\.difffilter|(?:diff|merge|filter)\.[^=]+\.(?:textconv|command|driver|clean|smudge|process|cmd))$/i;
const GIT_COMMAND_ENV = ['GIT_PAGER', 'GIT_EDITOR', 'GIT_SSH_COMMAND', 'GIT_SEQUENCE_EDITOR', 'GIT_EXTERNAL_DIFF', 'GIT_ASKPASS', 'PAGER', 'EDITOR', 'VISUAL'];

/** Shell text of a git setting's value: `!cmd` for aliases, the value itself for the others. */
function gitCommandText(key: string, value: Arg): Arg | undefined {
  // `alias.p = push -f` makes `git p` a `git push -f`
  if (/^alias\./i.test(key)) return value.value.startsWith('!') ? { ...value, value: value.value.slice(1) } : value.value.trim() === '' ? undefined : { ...value, value: 'git ' + value.value };
  // a value only known when git runs (`--config-env core.pager=P`) could be any command
  if (value.dynamic && value.value === '') return value;
  if (/helper$/i.test(key) && !value.value.startsWith('!')) return undefined;
  const text = value.value.startsWith('!') ? value.value.slice(1) : value.value;
  return text.trim() === '' ? undefined : { ...value, value: text };
}

/**
 * `--config-env KEY=ENVVAR` as the `-c KEY=VALUE` it stands for: the value is the environment variable's, known
 * when this line sets it (`P='!rm -rf ~' git --config-env alias.x=P x`), else only when git runs (dynamic).
 */
function configFromEnv(kv: Arg | undefined, env: Readonly<Record<string, string>> | undefined): Arg | undefined {
  if (kv === undefined) return undefined;
  const eq = kv.value.indexOf('=');
  if (eq <= 0) return undefined;
  const name = kv.value.slice(eq + 1);
  const known = kv.dynamic ? undefined : env?.[name];
  return { value: kv.value.slice(0, eq + 1) + (known ?? ''), dynamic: known === undefined, glob: false };
}

/**
 * `git -c core.pager='cmd' log`, `GIT_PAGER='cmd' git log`, `git config core.pager 'cmd'`: the command git will
 * run (now, or on a later git command) is judged; git itself is judged as usual.
 */
const git: Wrapper = (args, input) => {
  const texts: Arg[] = [];
  const aliases = new Map<string, Arg>();
  const at = gitSubcommandAt(args);
  const end = at < 0 ? args.length : at;
  for (let i = 0; i < end; i++) {
    const v = (args[i] as Arg).value;
    const fromEnv = v === '--config-env' ? args[++i] : v.startsWith('--config-env=') ? { ...(args[i] as Arg), value: v.slice(13) } : undefined;
    if (v === '-c' || fromEnv !== undefined) {
      const kv = fromEnv !== undefined ? configFromEnv(fromEnv, input.env) : args[++i];
      const eq = kv?.value.indexOf('=') ?? -1;
      if (kv && eq > 0 && GIT_COMMAND_KEYS.test(kv.value.slice(0, eq))) {
        const key = kv.value.slice(0, eq);
        const value = { ...kv, value: kv.value.slice(eq + 1) };
        // git ignores case in alias names: `-c alias.X=…` is what `git x` runs
        if (/^alias\./i.test(key)) aliases.set(key.slice(6).toLowerCase(), value);
        else {
          const t = gitCommandText(key, value);
          if (t) texts.push(t);
        }
      }
    } else if (GIT_GLOBAL_VALUE_OPTS.includes(v)) i++;
  }
  // `git -c alias.x='push -f' x origin main` runs `git push -f origin main`
  const sub = at < 0 ? undefined : args[at];
  const body = sub === undefined ? undefined : aliases.get(sub.value.toLowerCase());
  if (body !== undefined) {
    const rest = quoteArgs(args.slice(at + 1));
    texts.push({ value: (body.value.startsWith('!') ? body.value.slice(1) : 'git ' + body.value) + (rest.value === '' ? '' : ' ' + rest.value), dynamic: body.dynamic || rest.dynamic, glob: false });
  }
  // git sub-commands that run a command of the caller's: `rebase -x CMD`, `bisect run CMD…`, `submodule foreach CMD`, `difftool -x CMD`
  if (sub !== undefined) texts.push(...gitRunsCommand(sub.value, args.slice(at + 1)));
  if (sub?.value === 'config') {
    const words = args.slice(at + 1).filter((a) => !a.value.startsWith('-'));
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

/** The commands a git sub-command runs for the caller (shell text for each). */
function gitRunsCommand(sub: string, rest: readonly Arg[]): Arg[] {
  const out: Arg[] = [];
  const valueOf = (names: readonly string[], prefixes: readonly string[]): void => {
    for (let i = 0; i < rest.length; i++) {
      const v = (rest[i] as Arg).value;
      if (v === '--') break;
      if (names.includes(v) && rest[i + 1]) out.push(rest[++i] as Arg);
      else for (const p of prefixes) if (v.startsWith(p)) out.push({ ...(rest[i] as Arg), value: v.slice(p.length) });
    }
  };
  switch (sub) {
    case 'rebase':
      valueOf(['-x', '--exec'], ['--exec=']);
      break;
    case 'difftool':
    case 'mergetool':
      valueOf(['-x', '--extcmd'], ['--extcmd=']);
      break;
    case 'bisect':
      if (rest[0]?.value === 'run' && rest.length > 1) out.push(quoteArgs(rest.slice(1)));
      break;
    case 'submodule': {
      let at = rest.findIndex((a) => a.value === 'foreach');
      if (at < 0) break;
      for (at++; at < rest.length && ['--recursive', '--quiet', '-q'].includes((rest[at] as Arg).value); at++);
      // one word is shell text (git runs it through sh); several are a command line
      const cmd = rest.slice(at);
      if (cmd.length === 1 && cmd[0] !== undefined) out.push(cmd[0]);
      else if (cmd.length > 1) out.push(quoteArgs(cmd));
      break;
    }
    default:
      break;
  }
  return out.filter((a) => a.value.trim() !== '' || a.dynamic);
}

/** Literal command strings in a `lua -e` chunk: `os.execute("…")`, `io.popen('…')`. */
const LUA_COMMAND = /\b(?:os\.execute|io\.popen)\s*(?:\(\s*)?(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')/g;

/** Literal text of `do shell script "…"` in `osascript -e` lines. */
const APPLESCRIPT_SHELL = /\bdo\s+shell\s+script\s+"((?:[^"\\]|\\.)*)"/g;

/** Shell texts found by `pattern` in the values of the `-e` options (`lua -e`, `osascript -e`). */
function inlineCode(label: string, pattern: RegExp): Wrapper {
  return (args) => {
    const texts: Arg[] = [];
    for (let i = 0; i < args.length; i++) {
      if (args[i]?.value !== '-e') continue;
      for (const m of (args[++i]?.value ?? '').matchAll(pattern)) {
        const t = m[1] ?? m[2];
        if (t !== undefined && t.trim() !== '') texts.push(lit(t.replace(/\\(.)/g, '$1')));
      }
    }
    return texts.length > 0 ? { kind: 'many', commands: [], shellTexts: texts, label, self: true } : { kind: 'none' };
  };
}

export const EMBEDDED_COMMAND_WRAPPERS: readonly (readonly [string, Wrapper])[] = [
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
  ['lua', inlineCode('lua', LUA_COMMAND)],
  ['luajit', inlineCode('luajit', LUA_COMMAND)],
  ['osascript', inlineCode('osascript', APPLESCRIPT_SHELL)],
];

/**
 * Walks the syntax tree the way bash would run it — without running anything — and lists every program that
 * would start, with its arguments, environment, working directory and input. Tracks what a command line
 * itself makes knowable: `cd`, literal variable assignments, aliases and functions defined inline, loop items,
 * pipes from `echo`. Wrappers are peeled (see wrappers.ts); shell text inside strings is parsed and walked.
 * What cannot be known becomes a structural finding (`shell.*`), never an allow.
 */
import type { Arg, ContainerMount, Invocation, Redirect, StdinSource } from '../invocation';
import type { Reason } from '../verdict';
import type { Node, RedirectNode, SimpleNode, Word } from '../shell/ast';
import { expandToString, expandWord, type ExpansionScope, type VarValue } from '../shell/expand';
import { DEFAULT_LIMITS, DROPPED_BODY, parse, ParseError, type ParseLimits } from '../shell/parse';
import { isInstalledScript } from './installedScripts';
import { isProcessView } from './processFiles';
import { isLookedUpAsWritten, mayHaveCreatedFiles, testedFile } from './missingScript';
import { createdActivateScript } from './venv';
import { evalsOnlySetupOutput } from './envSetup';
import { gitAliasChange, withGitAlias } from './gitAliases';
import { hashChange, hashedPath } from './hashTable';
import { rsyncRemoteShell, sftpBatchCommands, sshConfigCommands, sshLocalCommands } from './sshLocalCommands';
import { mayChangeGitState } from './gitStateChanges';
import { basename, dirname, isWithin, normalize, resolve } from '../paths/posix';
import { fileEffects } from '../effects';
import { hostPath } from '../paths/containerMounts';
import { joinForShell, quoteArgs, SHELLS, WRAPPERS, type WrapperInput } from './wrappers';
import { guessLaunch } from './launcherGuess';
import { structural } from './findings';
import { directoryOption, isPackageManager, readScripts, scriptRequest, type PackageScript } from '../scripts/packageScripts';
import { makeRecipes } from '../scripts/makefile';
import { looksLikeScript, scriptKind } from '../scripts/shebang';

export interface WalkOptions {
  readonly cwd: string;
  readonly root: string;
  readonly home: string | undefined;
  readonly env: Readonly<Record<string, string>>;
  /** A file's text; `undefined` when it cannot be read, `null` when nothing is at that path. */
  readonly readFile: ((abs: string) => string | undefined | null) | undefined;
  /** The text runs in a new container (code an interpreter runs there): its working directory and bind mounts. */
  readonly container?: NewContainer;
}

/** A new container, as Invocation.mounts describes it, with its own working directory (undefined: unknown). */
export interface NewContainer {
  readonly cwd: string | undefined;
  readonly mounts: readonly ContainerMount[];
}

/** A file a redirect writes to. */
export interface RedirectWrite {
  readonly target: Arg;
  readonly cwd: string | undefined;
  readonly command: string;
  readonly line: number;
  readonly op: string;
  /** The script file the redirect is in (package.json / Makefile for their scripts), when not the command itself. */
  readonly file?: string;
}

export interface WalkResult {
  readonly invocations: Invocation[];
  readonly reasons: Reason[];
  readonly writes: RedirectWrite[];
  /**
   * Files this command line writes, by absolute path, with their text when it is known (`echo 'DROP …' > x.sql`)
   * or undefined: what a later `psql -f x.sql` in the same line reads, instead of what is on disk now.
   */
  readonly written?: ReadonlyMap<string, string | undefined>;
}

/** Paths that name the command's own standard input. */
const STDIN_FILES: ReadonlySet<string> = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0', '-']);

/** Bounds that keep a hostile input from costing more than a few milliseconds. */
const MAX_NESTED_TEXTS = 32;
const MAX_INVOCATIONS = 2000;
const MAX_LOOP_ITEMS = 16;
const MAX_WRAPPER_LAYERS = 24;
const MAX_SCRIPT_BYTES = 256 * 1024;
/**
 * A script file may be as long as the reader returns (`~/.nvm/nvm.sh` is 160 KB; a command line stops at 100 000
 * characters), and all script files of one check together at most 1 MiB: parsing is linear (nvm.sh once warm:
 * about 18 ms with its function bodies kept, 2 ms as an installed script, whose bodies' plain commands are
 * skipped), so a line that sources large files over and over stays within a fraction of a second.
 */
const SCRIPT_LIMITS: ParseLimits = { ...DEFAULT_LIMITS, maxLength: MAX_SCRIPT_BYTES };
const INSTALLED_SCRIPT_LIMITS: ParseLimits = { ...SCRIPT_LIMITS, dropFunctionBodies: true };
const MAX_SCRIPT_BYTES_PER_CHECK = 1024 * 1024;
/** Script texts (package.json scripts, Makefile recipe lines) judged per check, and how deep scripts may call scripts. */
const MAX_SCRIPT_TEXTS = 512;
const MAX_SCRIPT_DEPTH = 12;
/**
 * Function bodies walked per check. Each call walks its body again, so functions that each call the next twice
 * cost 2^n walks: 22 of them in a 458-character command took 12 s before this bound.
 */
const MAX_FUNCTION_CALLS = 1024;

/** What a command is known to write to stdout (for pipes into shells, xargs, interpreters). */
interface Output {
  readonly program: string | undefined;
  readonly args: readonly Arg[] | undefined;
  readonly text: string | undefined;
}

const NO_OUTPUT: Output = { program: undefined, args: undefined, text: undefined };
/** What a redirect with no command (`> file`) writes: nothing; the file ends up empty. */
const EMPTY_OUTPUT: Output = { program: ':', args: [], text: '' };
const WRITE_REDIRECTS: ReadonlySet<string> = new Set(['>', '>>', '>|', '&>', '&>>', '<>']);

interface Source {
  readonly text: string;
  /** Offsets of each newline, for line numbers. */
  lines: number[] | undefined;
  /** Line of the enclosing command for nested sources (bash -c '…'); 0 for the top level. */
  readonly baseLine: number;
  /** Set when the source is a script file (line numbers then refer to it). */
  readonly file: string | undefined;
  /** The file is an installed tool's (installedScripts.ts): the functions it defines are judged by name. */
  readonly installed?: true;
}

interface State {
  cwd: string | undefined;
  vars: Map<string, VarValue>;
  /** The collections below are made on first use (most command lines define no function or alias). */
  exported: Set<string> | undefined;
  positional: readonly Arg[] | undefined;
  functions: Map<string, Node> | undefined;
  /** Functions defined by an installed tool's script, called as that tool (installedScripts.ts). */
  installedFunctions: Set<string> | undefined;
  aliases: Map<string, string> | undefined;
  /** Git aliases defined earlier in the line (`git config alias.x …`), by name (gitAliases.ts). */
  gitAliases: Map<string, Arg> | undefined;
  /** Names bound to a path with `hash -p PATH NAME` earlier in the line (hashTable.ts). */
  hashed: Map<string, Arg> | undefined;
  /** Function names being executed (recursion guard). */
  calling: string[];
  /** Inside a pipeline or backgrounded (for fork-bomb detection). */
  concurrent: boolean;
  dirStack: (string | undefined)[];
}

interface Context {
  readonly stdin: StdinSource | undefined;
  readonly wrappers: readonly string[];
  readonly elevated: boolean;
  readonly env: Readonly<Record<string, string>>;
  readonly src: Source;
  /** Line override for commands that came from nested text (they report the outer line). */
  readonly line: number | undefined;
  readonly depth: number;
  /** Where the commands run when not on this machine (`inside the container web, through docker exec`). */
  readonly remote?: string;
  /** In a new container (`docker run`): the host directories it sees, host side resolved (Invocation.mounts). */
  readonly mounts?: readonly ContainerMount[] | undefined;
}

export function walkCommand(text: string, opts: WalkOptions): WalkResult {
  const w = new Walker(opts);
  const state: State = {
    cwd: opts.container === undefined ? opts.cwd : opts.container.cwd,
    vars: initialVars(opts),
    exported: initialExported(opts.env),
    positional: undefined,
    functions: undefined,
    installedFunctions: undefined,
    aliases: undefined,
    gitAliases: undefined,
    hashed: undefined,
    calling: [],
    concurrent: false,
    dirStack: [],
  };
  const ctx: Context = { stdin: undefined, wrappers: [], elevated: false, env: opts.env, src: { text, lines: undefined, baseLine: 0, file: undefined }, line: undefined, depth: 0 };
  w.walkText(text, state, opts.container === undefined ? ctx : { ...ctx, mounts: opts.container.mounts }, 'command');
  return w.written === undefined ? w.result : { ...w.result, written: w.written };
}

function initialVars(opts: WalkOptions): Map<string, VarValue> {
  const vars = new Map<string, VarValue>();
  for (const [k, v] of Object.entries(opts.env)) vars.set(k, v);
  if (opts.home !== undefined && !vars.has('HOME')) vars.set('HOME', opts.home);
  const pwd = opts.container === undefined ? opts.cwd : opts.container.cwd;
  if (pwd !== undefined) vars.set('PWD', pwd);
  // bash never takes IFS from the environment: it starts as space, tab, newline (expand.ts knows that)
  vars.delete('IFS');
  return vars;
}

function initialExported(env: Readonly<Record<string, string>>): Set<string> | undefined {
  let out: Set<string> | undefined;
  for (const k of Object.keys(env)) (out ??= new Set()).add(k);
  return out;
}

function cloneState(s: State): State {
  return {
    cwd: s.cwd,
    vars: new Map(s.vars),
    exported: s.exported && new Set(s.exported),
    positional: s.positional,
    functions: s.functions && new Map(s.functions),
    installedFunctions: s.installedFunctions && new Set(s.installedFunctions),
    aliases: s.aliases && new Map(s.aliases),
    gitAliases: s.gitAliases && new Map(s.gitAliases),
    hashed: s.hashed && new Map(s.hashed),
    calling: [...s.calling],
    concurrent: s.concurrent,
    dirStack: [...s.dirStack],
  };
}

const lit = (value: string): Arg => ({ value, dynamic: false, glob: false });

function newSource(text: string, baseLine: number, file: string | undefined, installed: boolean): Source {
  return installed ? { text, lines: undefined, baseLine, file, installed: true } : { text, lines: undefined, baseLine, file };
}

/** The source of shell text inside another (`eval '…'` in a script is still that script, installed or not). */
function nestedSource(text: string, line: number, outer: Source): Source {
  return newSource(text, line, outer.file, outer.installed === true);
}

function lineOf(src: Source, offset: number): number {
  if (src.lines === undefined) {
    src.lines = [];
    for (let i = src.text.indexOf('\n'); i >= 0; i = src.text.indexOf('\n', i + 1)) src.lines.push(i);
  }
  let lo = 0, hi = src.lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((src.lines[mid] ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

/** Programs whose stdout is their arguments (so `echo 'rm -rf /' | sh` can be read). */
function literalOutput(program: string, args: readonly Arg[], stdin: StdinSource | undefined): string | undefined {
  if (args.some((a) => a.dynamic)) return undefined;
  if (program === 'echo') {
    let i = 0;
    let escapes = false;
    while (i < args.length && /^-[neE]+$/.test(args[i]?.value ?? '')) {
      if (args[i]?.value.includes('e')) escapes = true;
      i++;
    }
    const text = args.slice(i).map((a) => a.value).join(' ') + '\n';
    return escapes ? unescapeC(text) : text;
  }
  if (program === 'printf') {
    const [fmt, ...rest] = args.map((a) => a.value);
    if (fmt === undefined) return '';
    let k = 0;
    const body = fmt.replace(/%[-+ #0]*\d*(?:\.\d+)?([sdbqc%])/g, (_m, conv: string) => (conv === '%' ? '%' : conv === 'b' ? unescapeC(rest[k++] ?? '') : rest[k++] ?? ''));
    let out = unescapeC(body);
    // printf reuses the format for leftover arguments
    while (k > 0 && k < rest.length) out += unescapeC(fmt.replace(/%[-+ #0]*\d*(?:\.\d+)?([sdbqc%])/g, () => rest[k++] ?? ''));
    return out;
  }
  if (program === 'cat' && args.length === 0 && stdin?.text !== undefined) return stdin.text;
  return undefined;
}

/**
 * Programs that print a place, known before they run: `pwd`, and `mktemp` — the directory it creates in, with
 * the template's X's standing for the random part (so `d=$(mktemp -d); rm -rf "$d"` is a temp directory).
 */
function placeOutput(program: string, args: readonly Arg[], cwd: string | undefined, env: Readonly<Record<string, string>>): string | undefined {
  if (program === 'pwd') return cwd === undefined ? undefined : cwd + '\n';
  if (program !== 'mktemp' || args.some((a) => a.dynamic)) return undefined;
  let dir: string | undefined;
  let template: string | undefined;
  let inTmp = false;
  for (let i = 0; i < args.length; i++) {
    const v = (args[i] as Arg).value;
    if (v === '-p' || v === '--tmpdir') {
      dir = args[++i]?.value;
      inTmp = true;
    } else if (v.startsWith('--tmpdir=')) {
      dir = v.slice(9);
      inTmp = true;
    } else if (v === '-t') inTmp = true;
    else if (v === '--suffix') i++;
    else if (!v.startsWith('-')) template = v;
  }
  const tmp = dir ?? env['TMPDIR'] ?? '/tmp';
  if (template === undefined) return resolve(tmp, 'tmp.XXXXXXXXXX') + '\n';
  if (inTmp) return resolve(tmp, template.includes('X') ? template : template + '.XXXXXXXX') + '\n';
  return cwd === undefined ? undefined : resolve(cwd, template) + '\n';
}

function unescapeC(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_m, e: string) => {
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8) & 255);
    return e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === '\\' ? '\\' : e;
  });
}

const DOWNLOADERS = new Set(['curl', 'wget', 'fetch', 'http', 'https', 'aria2c', 'nc', 'ncat', 'socat', 'scp', 'rsync', 'ftp', 'tftp']);
const DECODERS = new Set(['base64', 'base32', 'xxd', 'openssl', 'gpg', 'gunzip', 'zcat', 'uudecode', 'rev', 'tr', 'sed', 'awk', 'python', 'python3', 'perl', 'ruby', 'node']);

/** Interpreters and the options whose value is the code they run. */
const CODE_FLAGS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ...['python', 'python2', 'python3', 'pypy', 'pypy3'].map((p): [string, ReadonlySet<string>] => [p, new Set(['-c'])]),
  ...['node', 'nodejs', 'bun'].map((p): [string, ReadonlySet<string>] => [p, new Set(['-e', '--eval', '-p', '--print'])]),
  ['deno', new Set(['eval'])],
  ['perl', new Set(['-e', '-E'])],
  ['ruby', new Set(['-e'])],
  ['php', new Set(['-r'])],
]);

/** Programs that read a Makefile and run its recipes. */
const MAKES = new Set(['make', 'gmake']);

/** Where an invocation happens, for reasons: the command text and line (and the node, for messages). */
interface At {
  readonly text: string;
  readonly line: number;
  readonly redirects: readonly Redirect[];
  readonly node: SimpleNode | undefined;
  /** What each `<( )` argument of this command reads as, by the path it expands to (`/dev/fd/63`). */
  readonly procsubs?: ReadonlyMap<string, Output>;
}

class Walker {
  readonly result: WalkResult = { invocations: [], reasons: [], writes: [] };
  private nestedTexts = 0;
  private scriptTexts = 0;
  private functionCalls = 0;
  /** $PATH was assigned earlier in the line (`export PATH=…`, `PATH=… cmd`, `declare PATH=…`), anywhere. */
  private pathAssigned = false;
  /** The file the test guarding the current command checks for (`[ -f .env ] && source .env`), absolute. */
  private testedHere: string | undefined;
  /** Loops being walked around the current command (a missing script may be created by a later command in one). */
  private loopDepth = 0;
  /** Characters of script files parsed so far (MAX_SCRIPT_BYTES_PER_CHECK). */
  private scriptBytes = 0;
  /**
   * Files this same command line writes before it may run them (`cat > x.sh <<EOF … EOF; bash x.sh`): their
   * text as far as known (undefined when it is not), which is what would run — not what is on disk now.
   */
  private writtenHere: Map<string, string | undefined> | undefined;
  /** Programs copied or linked under another name earlier in the line (`cp /bin/rm /tmp/x`): path → what runs ('' unknown). */
  private copiedPrograms: Map<string, string> | undefined;
  /** A command so far may have checked out another branch or changed git's settings (gitStateChanges.ts). */
  private gitStateChanged = false;

  get written(): ReadonlyMap<string, string | undefined> | undefined {
    return this.writtenHere;
  }
  /** Known output of command substitutions walked so far (`$(echo rm)`, `$(mktemp -d)`), by their body. */
  private outputs: Map<Node, string> | undefined;

  constructor(private readonly opts: WalkOptions) {}

  scope(state: State): ExpansionScope {
    return this.outputs === undefined
      ? { vars: state.vars, positional: state.positional, home: this.opts.home }
      : { vars: state.vars, positional: state.positional, home: this.opts.home, outputs: this.outputs };
  }

  /** Parse and walk shell text; a parse failure is a finding, never silence. */
  walkText(text: string, state: State, ctx: Context, what: string): Output {
    if (ctx.depth > 0 && ++this.nestedTexts > MAX_NESTED_TEXTS) {
      this.result.reasons.push(structural('shell.limit-exceeded', text, ctx.line ?? 1, `more than ${MAX_NESTED_TEXTS} nested shell texts`));
      return NO_OUTPUT;
    }
    let tree: Node;
    try {
      tree = parse(text);
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      const line = ctx.line ?? lineOf(ctx.src.text === text ? ctx.src : { text, lines: undefined, baseLine: 0, file: undefined }, e.offset);
      this.result.reasons.push(structural(e.limit ? 'shell.limit-exceeded' : 'shell.unparseable', text, line, `the ${what} could not be parsed (${e.message})`, ctx.src.file));
      return NO_OUTPUT;
    }
    return this.walk(tree, state, ctx);
  }

  private walk(node: Node, state: State, ctx: Context): Output {
    if (this.result.invocations.length > MAX_INVOCATIONS) return NO_OUTPUT;
    switch (node.type) {
      case 'list': {
        let out: Output = NO_OUTPUT;
        let before: { readonly node: Node; readonly op: string } | undefined;
        for (const item of node.items) {
          if (item.op === '&') {
            const bg = cloneState(state);
            bg.concurrent = true;
            this.walk(item.node, bg, ctx);
            out = NO_OUTPUT;
          } else if (before?.op === '&&') out = this.walkGuarded(before.node, item.node, state, ctx);
          else out = this.walk(item.node, state, ctx);
          before = item;
        }
        return out;
      }
      case 'pipeline': {
        let prev: Output | undefined;
        for (const cmd of node.commands) {
          const sub = cloneState(state);
          sub.concurrent = node.commands.length > 1 || state.concurrent;
          const stdin: StdinSource | undefined = prev === undefined
            ? ctx.stdin
            : { kind: 'pipe', text: prev.text, from: prev.program, fromArgs: prev.args?.map((a) => a.value), path: undefined };
          prev = this.walk(cmd, sub, { ...ctx, stdin });
        }
        return prev ?? NO_OUTPUT;
      }
      case 'simple':
        return this.simple(node, state, ctx);
      case 'subshell': {
        const out = this.walkCompound(node.body, cloneState(state), ctx, node.redirects);
        return out;
      }
      case 'group':
        return this.walkCompound(node.body, state, ctx, node.redirects);
      case 'if': {
        const c = this.withRedirects(ctx, state, node.redirects);
        for (const b of node.branches) {
          this.walk(b.cond, state, c);
          this.walkGuarded(b.cond, b.body, state, c);
        }
        if (node.otherwise) this.walk(node.otherwise, state, c);
        return NO_OUTPUT;
      }
      case 'while':
      case 'until': {
        const c = this.withRedirects(ctx, state, node.redirects);
        this.loopDepth++;
        this.walk(node.cond, state, c);
        this.walk(node.body, state, c);
        this.loopDepth--;
        return NO_OUTPUT;
      }
      case 'for': {
        const c = this.withRedirects(ctx, state, node.redirects);
        const items: Arg[] = [];
        if (node.items) for (const w of node.items) {
          this.substitutions(w, state, c);
          items.push(...expandWord(w, this.scope(state)));
        }
        const known = node.items !== undefined && items.length > 0 && items.length <= MAX_LOOP_ITEMS && items.every((a) => !a.dynamic && !a.glob);
        this.loopDepth++;
        if (known) {
          for (const item of items) {
            state.vars.set(node.variable, item.value);
            this.walk(node.body, state, c);
          }
        } else {
          if (node.variable) state.vars.delete(node.variable);
          this.walk(node.body, state, c);
        }
        this.loopDepth--;
        return NO_OUTPUT;
      }
      case 'case': {
        const c = this.withRedirects(ctx, state, node.redirects);
        this.substitutions(node.subject, state, c);
        for (const arm of node.arms) if (arm.body) this.walk(arm.body, state, c);
        return NO_OUTPUT;
      }
      case 'function':
        (state.functions ??= new Map()).set(node.name, node.body);
        if (ctx.src.installed === true) (state.installedFunctions ??= new Set()).add(node.name);
        else state.installedFunctions?.delete(node.name);
        return NO_OUTPUT;
      case 'test':
        for (const w of node.words) this.substitutions(w, state, ctx);
        return NO_OUTPUT;
      case 'arith':
        for (const s of node.substitutions) this.walk(s, cloneState(state), { ...ctx, stdin: undefined });
        return NO_OUTPUT;
    }
  }

  private walkCompound(body: Node, state: State, ctx: Context, redirects: readonly RedirectNode[]): Output {
    return this.walk(body, state, this.withRedirects(ctx, state, redirects));
  }

  /** Redirects on a compound command: record writes, and feed heredocs/input files to its commands. */
  private withRedirects(ctx: Context, state: State, redirects: readonly RedirectNode[]): Context {
    if (redirects.length === 0) return ctx;
    const { stdin } = this.redirects(redirects, state, ctx, '(compound command)', ctx.line ?? 1);
    return stdin ? { ...ctx, stdin } : ctx;
  }

  /** Walk command substitutions inside a word (they run before the command does). */
  private substitutions(word: Word, state: State, ctx: Context, procsubs?: Output[]): void {
    for (const p of word.parts) {
      if (p.type === 'procsub') {
        const out = this.walk(p.body, cloneState(state), { ...ctx, stdin: undefined });
        procsubs?.push(out);
      } else if (p.type === 'cmdsub') {
        const out = this.walk(p.body, cloneState(state), { ...ctx, stdin: undefined });
        if (out.text !== undefined) (this.outputs ??= new Map()).set(p.body, out.text.replace(/\n+$/, ''));
      }
      else if (p.type === 'arith') for (const s of p.substitutions) this.walk(s, cloneState(state), { ...ctx, stdin: undefined });
      else if (p.type === 'param' && p.arg) this.substitutions(p.arg, state, ctx);
    }
  }

  private redirects(list: readonly RedirectNode[], state: State, ctx: Context, command: string, line: number): { stdin: StdinSource | undefined; redirects: Redirect[] } {
    let stdin: StdinSource | undefined;
    const out: Redirect[] = [];
    for (const r of list) {
      const fed: Output[] = [];
      this.substitutions(r.target, state, ctx, fed);
      // `psql < <(echo 'DROP …')`, `sh < <(curl …)`: standard input is what the process substitution prints
      const only = r.target.parts.length === 1 && r.target.parts[0]?.type === 'procsub' ? fed[0] : undefined;
      if (r.op === '<' && (r.fd === undefined || r.fd === 0) && only !== undefined) {
        stdin = { kind: 'pipe', text: only.text, from: only.program, fromArgs: only.args?.map((a) => a.value), path: undefined };
        out.push({ op: r.op, fd: r.fd, target: { value: '/dev/fd/63', dynamic: true, glob: false } });
        continue;
      }
      if (r.op === '<<' || r.op === '<<-') {
        const h = r.heredoc;
        if (h) for (const s of h.substitutions) this.walk(s, cloneState(state), { ...ctx, stdin: undefined });
        const text = h === undefined ? undefined : h.expands && /\$/.test(h.text) ? expandHeredoc(h.text, this.scope(state)) : h.text;
        stdin = { kind: 'heredoc', text, from: undefined, fromArgs: undefined, path: undefined };
        out.push({ op: r.op, fd: r.fd, target: lit(h?.text ?? '') });
        continue;
      }
      const target = expandToString(r.target, this.scope(state));
      out.push({ op: r.op, fd: r.fd, target });
      if (r.op === '<<<') {
        stdin = { kind: 'herestring', text: target.dynamic ? undefined : target.value + '\n', from: undefined, fromArgs: undefined, path: undefined };
      } else if (r.op === '<') {
        if (r.fd === undefined || r.fd === 0) {
          const abs = state.cwd !== undefined && !target.dynamic ? resolve(state.cwd, target.value) : undefined;
          const text = abs !== undefined ? this.read(abs) : undefined;
          stdin = { kind: 'file', text, from: undefined, fromArgs: undefined, path: abs ?? target.value };
        }
      } else if (r.op === '>&' || r.op === '<&') {
        // `2>&1`, `>&2`: duplicating descriptors writes no file; `>&file` (bash) does
        if (/^\d+-?$|^-$/.test(target.value)) continue;
        this.recordWrite(target, state.cwd, ctx, command, line, r.op);
      } else {
        this.recordWrite(target, state.cwd, ctx, command, line, r.op);
      }
    }
    return { stdin, redirects: out };
  }

  /** A file a redirect writes; in a new container, only what reaches this machine through a bind mount. */
  private recordWrite(target: Arg, cwd: string | undefined, ctx: Context, command: string, line: number, op: string): void {
    if (ctx.mounts !== undefined) {
      const host = hostPath(target, ctx.mounts, cwd);
      if (host === undefined) return;
      this.result.writes.push(withFile({ target: host, cwd: undefined, command, line, op }, ctx.src.file));
      return;
    }
    this.result.writes.push(withFile({ target, cwd, command, line, op }, ctx.src.file));
  }

  private read(abs: string): string | undefined {
    return this.readOrMissing(abs) ?? undefined;
  }

  /** The file's text, undefined when it cannot be read (or is too large), null when the reader says it does not exist. */
  private readOrMissing(abs: string): string | undefined | null {
    if (!this.opts.readFile) return undefined;
    try {
      const t = this.opts.readFile(abs);
      return t === null ? null : t !== undefined && t.length <= MAX_SCRIPT_BYTES ? t : undefined;
    } catch {
      return undefined;
    }
  }

  private simple(node: SimpleNode, state: State, ctx: Context): Output {
    const text = ctx.src.text.slice(node.start, node.end).trim();
    const line = ctx.line ?? ctx.src.baseLine + lineOf(ctx.src, node.start) - (ctx.src.baseLine > 0 ? 1 : 0);
    // command substitutions in words, assignments and redirect targets run first
    let procOutputs: Output[] | undefined;
    for (const w of node.words) {
      if (w.parts.length === 1 && w.parts[0]?.type === 'lit') continue;
      this.substitutions(w, state, ctx, (procOutputs ??= []));
    }
    for (const a of node.assignments) {
      if (a.value) this.substitutions(a.value, state, ctx);
      if (a.array) for (const w of a.array) this.substitutions(w, state, ctx);
    }
    const scope = this.scope(state);
    const assigned: [string, VarValue][] = node.assignments.map((a) => {
      if (a.array) return [a.name, undefined];
      const v = a.value ? expandToString(a.value, scope) : lit('');
      const prefix = a.append ? state.vars.get(a.name) : '';
      return [a.name, v.dynamic || prefix === undefined ? undefined : prefix + v.value];
    });
    if (assigned.some(([k]) => k === 'PATH')) this.pathAssigned = true;
    const argv: Arg[] = [];
    let procsubs: Map<string, Output> | undefined;
    if (procOutputs === undefined || procOutputs.length === 0) for (const w of node.words) argv.push(...expandWord(w, scope));
    else procsubs = procsubArgs(node.words, scope, procOutputs, argv);
    const { stdin: redirectedStdin, redirects } = this.redirects(node.redirects, state, ctx, text, line);
    if (argv.length === 0) {
      // plain assignments: they change the shell's variables
      for (const [k, v] of assigned) setVar(state, k, v);
      // `> file` alone is `: > file`: the rules judge its redirects like any command's (`> /dev/sda`)
      if (redirects.some((r) => WRITE_REDIRECTS.has(r.op))) {
        this.emit(lit(':'), ':', [], ctx, state.cwd, { text, line, redirects });
        this.rememberRedirectWrites(redirects, state.cwd, EMPTY_OUTPUT);
      }
      return NO_OUTPUT;
    }
    const env: Record<string, string> = { ...ctx.env };
    if (state.exported) for (const name of state.exported) {
      const v = state.vars.get(name);
      if (v !== undefined) env[name] = v;
    }
    for (const [k, v] of assigned) if (v !== undefined) env[k] = v;
    const stdin = redirectedStdin ?? ctx.stdin;
    const out = this.run(argv, state, { ...ctx, stdin, env }, procsubs ? { text, line, redirects, node, procsubs } : { text, line, redirects, node });
    this.rememberRedirectWrites(redirects, state.cwd, out);
    return out;
  }

  /** `> file` receives the command's output (known for echo/printf/cat <<EOF); `>>` makes it unknown. */
  private rememberRedirectWrites(redirects: readonly Redirect[], cwd: string | undefined, out: Output): void {
    for (const r of redirects) {
      if (r.op !== '>' && r.op !== '>|' && r.op !== '&>' && r.op !== '>>' && r.op !== '&>>') continue;
      if (r.target.dynamic || cwd === undefined) continue;
      const abs = resolve(cwd, r.target.value);
      const whole = (r.op === '>' || r.op === '>|' || r.op === '&>') && (r.fd === undefined || r.fd === 1);
      (this.writtenHere ??= new Map()).set(abs, whole ? out.text : undefined);
    }
  }

  /** Run argv: builtins that change state, aliases, functions, wrappers, then the program itself. */
  private run(argv: Arg[], state: State, ctx: Context, at: At): Output {
    let viaCopy = false;
    let wrappers = ctx.wrappers;
    let elevated = ctx.elevated;
    let env = ctx.env;
    let cwd = state.cwd;
    for (let layer = 0; layer < MAX_WRAPPER_LAYERS; layer++) {
      const prog = argv[0];
      if (!prog) return NO_OUTPUT;
      const name = basename(prog.value);
      let args = argv.slice(1);
      // a program named by a glob is whichever file it finds (`find . | xargs -I{} {} -rf ~` runs the found files)
      const globbed = !prog.dynamic && isExpandingGlob(prog);
      if (prog.dynamic || globbed) {
        // scripts call `"$JAVACMD"`, `$(CC)` all the time: inside a file only what is known is judged
        if (ctx.src.file === undefined) this.result.reasons.push(structural('shell.dynamic-program', at.text, at.line, globbed ? `the program is whichever file ${prog.value} names when it runs` : undefined, ctx.src.file));
        this.emit(prog, name, args, { ...ctx, env, wrappers, elevated }, cwd, at);
        return NO_OUTPUT;
      }
      // state-changing builtins (only at the top of the wrapper chain: `sudo cd` changes nothing)
      if (layer === 0 && wrappers.length === ctx.wrappers.length) {
        const handled = this.builtin(name, args, state, ctx, at);
        if (handled) return handled;
        const alias = state.aliases?.get(prog.value);
        if (alias !== undefined && ctx.depth < 16) {
          const text = alias + (args.length ? ' ' + quoteArgs(args).value : '');
          return this.nested(text, state, ctx, at.line, 'alias', wrappers, elevated);
        }
        const fn = state.functions?.get(prog.value);
        // an installed tool's function (`nvm use 20`) is judged below as the program of that name
        if (fn !== undefined && state.installedFunctions?.has(prog.value) !== true) return this.callFunction(prog.value, fn, argv, state, ctx, at);
        // `hash -p /bin/rm ls` earlier: `ls` runs /bin/rm (bash looks in its table before PATH)
        const hashed = hashedPath(state.hashed, prog.value);
        if (hashed !== undefined) {
          argv = [hashed, ...args];
          continue;
        }
      }
      // `cp /bin/rm /tmp/x && /tmp/x -rf ~`: the copy is the program it was copied from
      const copied = this.copiedPrograms !== undefined && !prog.dynamic && prog.value.includes('/') && cwd !== undefined ? this.copiedPrograms.get(resolve(cwd, prog.value)) : undefined;
      if (copied === '') {
        this.result.reasons.push(structural('shell.dynamic-program', at.text, at.line, `${prog.value} is a copy of a program only known when it runs`, ctx.src.file));
        this.emit(prog, name, args, { ...ctx, env, wrappers, elevated }, cwd, at);
        return NO_OUTPUT;
      }
      if (copied !== undefined && copied !== prog.value && resolve(cwd ?? '/', prog.value) !== copied) {
        argv = [lit(copied), ...args];
        viaCopy = true;
        continue;
      }
      if (name === 'eval') {
        const text = joinForShell(args);
        const setupOnly = at.node !== undefined && evalsOnlySetupOutput(at.node.words.slice(1), (n) => state.functions?.has(n) === true || state.aliases?.has(n) === true);
        if (text.dynamic && !setupOnly && (ctx.src.file === undefined || this.fetchesOrDecodes(at.node))) {
          this.result.reasons.push(structural('shell.dynamic-script', at.text, at.line, this.fetchesOrDecodes(at.node) ? this.dynamicScriptMessage('eval', at.node) : 'eval runs text that is only known when it runs', ctx.src.file));
          if (!text.value.trim()) return NO_OUTPUT;
        }
        return this.nested(text.value, state, { ...ctx, env }, at.line, 'eval text', [...wrappers, 'eval'], elevated);
      }
      if ((name === 'source' || name === '.') && args[0]) {
        // the builtin itself is judged too (`source <(curl …)` is a download run as code)
        this.emit(prog, name, args, { ...ctx, env, wrappers, elevated }, cwd, at);
        return this.script(args[0], args, state, { ...ctx, env, wrappers: [...wrappers, name], elevated }, at, true);
      }
      if (this.opts.readFile && isPackageManager(name)) {
        const ran = this.packageScripts(prog, name, args, state, { ...ctx, env, wrappers, elevated }, cwd, at);
        if (ran) return ran;
      }
      if (this.opts.readFile && MAKES.has(name)) {
        return this.make(prog, name, args, state, { ...ctx, env, wrappers, elevated }, cwd, at);
      }
      if (name === 'git') {
        // `git config alias.x …` is remembered for a later `git x` in the same line; that call gets its value
        const change = gitAliasChange(args);
        if (change !== undefined) {
          if (change.value !== undefined) (state.gitAliases ??= new Map()).set(change.name, change.value);
          else state.gitAliases?.delete(change.name);
        } else if (state.gitAliases !== undefined) {
          argv = [...withGitAlias(argv, state.gitAliases)];
          args = argv.slice(1);
        }
      }
      if (name === 'ssh' || name === 'scp' || name === 'sftp' || name === 'rsync') this.sshLocalCommands(name, args, state, { ...ctx, env, wrappers, elevated }, cwd, at);
      const wrapper = WRAPPERS.get(name);
      if (!wrapper) {
        // a program the guard knows nothing about may be a launcher: what it may run is judged too
        const guess = guessLaunch(name, args, (w) => WRAPPERS.has(w), WRAPPERS.keys());
        if (guess === undefined) break;
        // only what the rules say about a guess counts: a bare `bash` after `chsh -s` is no interactive shell
        const kept = this.result.reasons.length;
        for (const t of guess.texts) {
          if (!parsesCleanly(t.value)) continue;
          const sub = cloneState(state);
          sub.cwd = cwd;
          this.nested(t.value, sub, { ...ctx, env }, at.line, `${name} argument`, [...wrappers, name], elevated);
        }
        if (guess.argv !== undefined) {
          const sub = cloneState(state);
          sub.cwd = cwd;
          this.run([...guess.argv], sub, { ...ctx, env, wrappers: [...wrappers, name], elevated }, { ...at, redirects: [] });
        }
        dropGuessNoise(this.result.reasons, kept);
        break;
      }
      const input: WrapperInput = {
        stdinText: ctx.stdin?.text,
        stdinFrom: ctx.stdin?.from,
        stdinFromArgs: ctx.stdin?.fromArgs?.map(lit),
        env,
      };
      const r = wrapper(args, input);
      // runs nothing else: judged as the program itself (below)
      if (r.kind === 'none') break;
      switch (r.kind) {
        case 'exec': {
          if (r.outer) this.emit(prog, name, args, { ...ctx, env, wrappers, elevated }, cwd, at);
          if (r.remote !== undefined) ctx = { ...ctx, remote: r.remote, mounts: r.mounts && hostSides(r.mounts, cwd, this.opts.home) };
          wrappers = [...wrappers, r.label];
          if (r.elevated) elevated = true;
          if (r.env) env = { ...env, ...r.env };
          if (r.cwd) cwd = r.cwd.dynamic ? undefined : r.cwd.value.startsWith('/') ? normalize(r.cwd.value) : cwd === undefined ? undefined : resolve(cwd, r.cwd.value);
          argv = [...r.argv];
          continue;
        }
        case 'shell': {
          const sub = cloneState(state);
          sub.cwd = cwd;
          if (r.positional) sub.positional = r.positional;
          if (r.text.dynamic && (ctx.src.file === undefined || this.fetchesOrDecodes(at.node))) {
            this.result.reasons.push(structural('shell.dynamic-script', at.text, at.line, this.dynamicScriptMessage(r.label, at.node), ctx.src.file));
            if (!r.text.value.trim()) return NO_OUTPUT;
          }
          return this.nested(r.text.value, sub, r.remote !== undefined ? { ...ctx, env, remote: r.remote, mounts: undefined } : { ...ctx, env }, at.line, `${r.label} text`, [...wrappers, r.label], elevated || r.elevated === true);
        }
        case 'stdin': {
          const label = r.label;
          const s = ctx.stdin;
          const ws = [...wrappers, label];
          if (s?.text !== undefined) {
            const sub = cloneState(state);
            sub.cwd = cwd;
            return this.nested(s.text, sub, { ...ctx, env, stdin: undefined }, at.line, `input of ${label}`, ws, elevated || r.elevated === true);
          }
          // an interactive shell in a container or on another machine (`docker exec -it web bash`) is a person's session there
          if (s !== undefined || (ctx.depth === 0 && ctx.remote === undefined)) {
            // a shell reading input nobody can see before it runs
            const from = s?.from;
            const message = from !== undefined && DOWNLOADERS.has(from)
              ? `${label} runs whatever ${from} downloads; read it first, then run the file`
              : from !== undefined && DECODERS.has(from)
                ? `${label} runs text decoded by ${from}, which is only known when it runs`
                : s === undefined
                  ? `${label} starts an interactive shell; what it will run cannot be known`
                  : `${label} runs input that is only known when it runs`;
            this.result.reasons.push(structural('shell.unknown-script', at.text, at.line, message, ctx.src.file));
          }
          return this.emit(lit(label.split(' ')[0] ?? label), label.split(' ')[0] ?? label, args, { ...ctx, env, wrappers, elevated: elevated || r.elevated === true }, cwd, at);
        }
        case 'script': {
          const inv = this.emit(prog, name, args, { ...ctx, env, wrappers, elevated: elevated || r.elevated === true }, cwd, at);
          this.script(r.path, r.positional, state, { ...ctx, env, wrappers: [...wrappers, r.label], elevated: elevated || r.elevated === true }, at, false);
          return inv;
        }
        case 'many': {
          // find itself also runs (and lists paths to whatever reads its output)
          const listed = r.self === true ? this.emit(prog, name, args, { ...ctx, env, wrappers, elevated }, cwd, at) : NO_OUTPUT;
          const ws = [...wrappers, r.label];
          for (const c of r.commands) {
            const sub = cloneState(state);
            sub.cwd = cwd;
            this.run([...c], sub, { ...ctx, env, wrappers: ws, elevated, stdin: undefined }, { ...at, redirects: [] });
          }
          if (r.shellTexts.length > MAX_NESTED_TEXTS) {
            this.result.reasons.push(structural('shell.limit-exceeded', at.text, at.line, `${r.label} runs more than ${MAX_NESTED_TEXTS} commands`, ctx.src.file));
          }
          for (const t of r.shellTexts.slice(0, MAX_NESTED_TEXTS)) {
            const sub = cloneState(state);
            sub.cwd = cwd;
            if (t.positional !== undefined) sub.positional = t.positional;
            if (t.dynamic) this.result.reasons.push(structural('shell.dynamic-script', at.text, at.line, `${r.label} runs commands built from input only known when it runs`, ctx.src.file));
            this.nested(t.value, sub, { ...ctx, env }, at.line, `${r.label} command`, ws, elevated);
          }
          return listed;
        }
      }
    }
    const prog = argv[0];
    if (!prog) return NO_OUTPUT;
    const progName = basename(prog.value);
    if (COPIERS.has(progName) && cwd !== undefined) this.rememberCopiedProgram(argv.slice(1), cwd);
    const code = CODE_FLAGS.get(progName);
    if (code !== undefined) this.downloadedCode(progName, argv, code, ctx, at);
    const out = this.emit(prog, progName, argv.slice(1), { ...ctx, env, wrappers, elevated }, cwd, at);
    if (!prog.dynamic && prog.value.includes('/')) this.programFile(prog, argv.slice(1), state, { ...ctx, env, wrappers, elevated }, cwd, at, viaCopy);
    return out;
  }

  /** `cp SRC DEST`, `ln -s SRC DEST`, `install SRC DEST` of one program: DEST runs what SRC names (unknown for `$(which rm)`). */
  private rememberCopiedProgram(args: readonly Arg[], cwd: string): void {
    const ops: Arg[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as Arg;
      if (a.value.length > 1 && a.value.startsWith('-') && !a.dynamic) {
        if (COPY_VALUE_OPTS.has(a.value)) i++;
        continue;
      }
      ops.push(a);
    }
    const [src, dest] = ops;
    if (ops.length !== 2 || src === undefined || dest === undefined || dest.dynamic || dest.glob || src.glob) return;
    const name = src.dynamic ? '' : basename(src.value);
    const target = dest.value.endsWith('/') ? resolve(cwd, dest.value + (name || 'x')) : resolve(cwd, dest.value);
    // a path stays a path, so a copied script is still read (`cp x.sh /tmp/y && /tmp/y`); a name is looked up as itself
    const runs = src.dynamic ? '' : src.value.includes('/') ? resolve(cwd, src.value) : name;
    if (runs === target || runs === basename(target)) return;
    (this.copiedPrograms ??= new Map()).set(target, runs);
  }

  /** `node -e "$(curl …)"`, `python3 -c "$(base64 -d <<< …)"`: code that only exists once it is downloaded or decoded. */
  private downloadedCode(name: string, argv: readonly Arg[], flags: ReadonlySet<string>, ctx: Context, at: At): void {
    const i = argv.findIndex((a, k) => k > 0 && flags.has(a.value));
    if (i < 0 || argv[i + 1]?.dynamic !== true || !this.fetchesOrDecodes(at.node)) return;
    this.result.reasons.push(structural('shell.dynamic-script', at.text, at.line, `${name} ${argv[i]?.value ?? ''} runs code that is downloaded or decoded when it runs; save it to a file, read it, then run it`, ctx.src.file));
  }

  /** The command substitutions of this command download or decode text (so a dynamic script is worth a finding). */
  private fetchesOrDecodes(node: SimpleNode | undefined): boolean {
    if (!node) return false;
    const body = JSON.stringify(node.words.map((w) => w.parts.filter((p) => p.type === 'cmdsub')));
    return /\b(curl|wget|base64|xxd|openssl|gpg|nc|ncat|socat)\b/.test(body);
  }

  /**
   * Commands ssh runs on this machine (ProxyCommand, LocalCommand; sshLocalCommands.ts), for ssh, scp, sftp and
   * rsync's remote shell: judged as shell text run here, before the connection.
   */
  private sshLocalCommands(name: string, args: readonly Arg[], state: State, ctx: Context, cwd: string | undefined, at: At): void {
    const texts: Arg[] = [];
    if (name === 'rsync') {
      const rsh = rsyncRemoteShell(args, ctx.env);
      if (rsh !== undefined) texts.push(rsh);
    } else {
      const found = sshLocalCommands(name, args);
      texts.push(...found.texts);
      for (const f of found.configFiles) {
        if (f.value === '/dev/null' && !f.dynamic) continue;
        const abs = f.dynamic || (cwd === undefined && !f.value.startsWith('/')) ? undefined : resolve(cwd ?? '/', f.value.startsWith('~/') && this.opts.home !== undefined ? this.opts.home + f.value.slice(1) : f.value);
        const text = abs === undefined ? undefined : this.read(abs);
        if (text !== undefined) texts.push(...sshConfigCommands(text));
        else if (this.opts.readFile) this.unreadable(at, ctx, `${name} -F ${f.value || 'a variable'}: a config file that cannot be read may run commands here (ProxyCommand, LocalCommand)`);
      }
      // `-S program` runs here in ssh's place (with ssh's arguments, which are not the line's)
      for (const p of found.programs) texts.push(quoteArgs([p]));
      for (const f of found.batchFiles) {
        if (f.value === '-' && !f.dynamic) {
          this.unreadable(at, ctx, `${name} -b - reads its batch from standard input, and a line starting with ! there runs a command here`);
          continue;
        }
        const abs = f.dynamic || (cwd === undefined && !f.value.startsWith('/')) ? undefined : resolve(cwd ?? '/', f.value.startsWith('~/') && this.opts.home !== undefined ? this.opts.home + f.value.slice(1) : f.value);
        const text = abs === undefined ? undefined : this.scriptText(abs);
        if (text !== undefined) texts.push(...sftpBatchCommands(text));
        else if (this.opts.readFile) this.unreadable(at, ctx, `${name} -b ${f.value || 'a variable'}: a batch file that cannot be read may run commands here (lines starting with !)`);
      }
    }
    for (const t of texts) {
      if (t.dynamic) this.result.reasons.push(structural('shell.dynamic-script', at.text, at.line, `${name} runs a command on this machine (ProxyCommand, LocalCommand or remote shell) that is only known when it runs`, ctx.src.file));
      if (t.value.trim() === '') continue;
      const sub = cloneState(state);
      sub.cwd = cwd;
      this.nested(t.value, sub, ctx, at.line, `${name} local command`, [...ctx.wrappers, `${name} local command`], ctx.elevated);
    }
  }

  private unreadable(at: { text: string; line: number }, ctx: Context, detail: string): void {
    this.result.reasons.push(structural('shell.unreadable-script', at.text, at.line, detail, ctx.src.file));
  }

  /** What `cat a b` prints when its files can be read (`cat drop.sql | psql`, `psql -c "$(cat drop.sql)"`). */
  private catOutput(args: readonly Arg[], cwd: string | undefined): string | undefined {
    if (cwd === undefined || args.length === 0 || args.length > 8) return undefined;
    let out = '';
    for (const a of args) {
      if (a.dynamic || a.glob || a.value.startsWith('-')) return undefined;
      const t = this.scriptText(resolve(cwd, a.value));
      if (t === undefined) return undefined;
      out += t;
    }
    return out;
  }

  /** Text of a file the command runs: what this command line wrote into it, else what the adapter reads. */
  private scriptText(abs: string): string | undefined {
    return this.scriptFile(abs) ?? undefined;
  }

  /** Like scriptText, and null when no file is there. */
  private scriptFile(abs: string): string | undefined | null {
    return this.writtenHere?.has(abs) === true ? this.writtenHere.get(abs) : this.readOrMissing(abs);
  }

  /**
   * A script that is not there runs nothing (missingScript.ts) — unless bash looks for its name in $PATH, or a
   * command before it in this line, in a loop around it or beside it may create it; then it is text only known
   * when it runs.
   */
  private missingScript(path: string, state: State, ctx: Context, at: { text: string; line: number }): void {
    // `[ -f x.sh ] && source x.sh`: not run at all when the working directory has no x.sh
    const tested = this.testedHere !== undefined && state.cwd !== undefined && this.testedHere === resolve(state.cwd, path);
    if (!tested && !isLookedUpAsWritten(path)) {
      this.unreadable(at, ctx, `${path} is not in the working directory, and bash looks for a name without a slash in the directories of $PATH`);
      return;
    }
    if (state.concurrent || this.loopDepth > 0 || mayHaveCreatedFiles(this.result.invocations, this.result.writes, at.text)) {
      this.unreadable(at, ctx, `${path} does not exist yet, and a command before it in this line may create it`);
    }
  }

  /**
   * Walk `node`, which runs only when `cond` succeeds: when `cond` is a file test (`[ -f .env ] && source .env`,
   * `if [ -f .env ]; then . .env; fi`) and `node` a single command, a script of that name that is not in the
   * working directory is not run at all (missingScript.ts).
   */
  private walkGuarded(cond: Node, node: Node, state: State, ctx: Context): Output {
    if (singleCommand(node) === undefined || state.cwd === undefined) return this.walk(node, state, ctx);
    cond = singleCommand(cond) ?? cond;
    const words = cond.type === 'simple' ? cond.words : cond.type === 'test' ? cond.words : undefined;
    const tested = words === undefined || words.length > 5 ? undefined : testedFile(words.map((w) => {
      const a = expandToString(w, this.scope(state));
      return a.dynamic ? '' : a.value;
    }));
    if (tested === undefined) return this.walk(node, state, ctx);
    const saved = this.testedHere;
    this.testedHere = resolve(state.cwd, tested);
    try {
      return this.walk(node, state, ctx);
    } finally {
      this.testedHere = saved;
    }
  }

  /** Room for one more script text, or a limit finding. */
  private scriptBudget(ctx: Context, at: { text: string; line: number }): boolean {
    if (ctx.depth > MAX_SCRIPT_DEPTH || ++this.scriptTexts > MAX_SCRIPT_TEXTS) {
      if (this.scriptTexts === MAX_SCRIPT_TEXTS + 1 || ctx.depth > MAX_SCRIPT_DEPTH) {
        this.result.reasons.push(structural('shell.limit-exceeded', at.text, at.line, ctx.depth > MAX_SCRIPT_DEPTH ? 'scripts call scripts too deeply to check' : `more than ${MAX_SCRIPT_TEXTS} script lines`, ctx.src.file));
      }
      return false;
    }
    return true;
  }

  /** Walk one piece of shell text that lives in a file (a package.json script, a Makefile recipe line). */
  private scriptLine(text: string, state: State, ctx: Context, file: string, line: number, what: string, at: { text: string; line: number }): Output {
    if (!this.scriptBudget(ctx, at)) return NO_OUTPUT;
    let tree: Node;
    try {
      tree = parse(text);
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      this.result.reasons.push(structural(e.limit ? 'shell.limit-exceeded' : 'shell.unparseable', text, line, `${what} could not be parsed (${e.message})`, file));
      return NO_OUTPUT;
    }
    return this.walk(tree, state, { ...ctx, src: { text, lines: undefined, baseLine: line, file }, line, depth: ctx.depth + 1, stdin: undefined });
  }

  /**
   * A program started by its path (`./deploy.sh`, `scripts/release`, `bin/x`): when the file is in the
   * workspace, what it runs is judged — shell text line by line, python/node/… through the interpreter rules.
   * Installed dependencies (`node_modules/`) are judged by name only.
   */
  private programFile(prog: Arg, args: readonly Arg[], state: State, ctx: Context, cwd: string | undefined, at: At, copied = false): void {
    if (!this.opts.readFile || cwd === undefined) return;
    const abs = resolve(cwd, prog.value);
    // a file this same line wrote, or copied to run it, is read wherever it is (`printf … > /tmp/x.sh && /tmp/x.sh`)
    const written = this.writtenHere?.has(abs) === true;
    if (!written && !copied && (!isWithin(abs, this.opts.root) || abs === this.opts.root || /\/node_modules\//.test(abs + '/'))) return;
    const content = this.scriptFile(abs);
    if (content === null) {
      // a program that is not there yet may be built by an earlier command (`cargo build && ./target/debug/app`)
      if (looksLikeScript(abs)) this.missingScript(prog.value, state, ctx, at);
      return;
    }
    if (content === undefined) {
      if (written) this.unreadable(at, ctx, `${prog.value} is written by this same command, with text that is only known when it runs`);
      else if (looksLikeScript(abs)) this.unreadable(at, ctx, `${prog.value} could not be read (missing, unreadable or larger than ${MAX_SCRIPT_BYTES / 1024} KiB)`);
      return;
    }
    const kind = scriptKind(content);
    if (kind.kind === 'binary') return;
    if (kind.kind === 'other') {
      this.unreadable(at, ctx, `${prog.value} is a ${kind.interpreter} script, which Agent Guard does not read`);
      return;
    }
    if (kind.kind === 'interpreter') {
      // the kernel runs `<interpreter> <file> args`; the interpreter rules read the file
      this.emit(lit(kind.interpreter), kind.interpreter, [lit(abs), ...args], { ...ctx, wrappers: [...ctx.wrappers, prog.value] }, cwd, at);
      return;
    }
    const sub = cloneState(state);
    sub.cwd = cwd;
    this.scriptContent(content, prog.value, abs, [prog, ...args], sub, { ...ctx, wrappers: [...ctx.wrappers, prog.value] }, at, false);
  }

  /** `npm run x`, `pnpm x`, `yarn x`, `npm test`, a bare `npm install`: judge the package.json scripts that run. */
  private packageScripts(prog: Arg, name: string, args: readonly Arg[], state: State, ctx: Context, cwd: string | undefined, at: At): Output | undefined {
    if (cwd === undefined) return undefined;
    // find the package.json first: `pnpm <name>` is a script only when package.json defines it
    let scripts: ReadonlyMap<string, PackageScript> | undefined;
    let pkgFile: string | undefined;
    const locate = (startDir: string): void => {
      for (let dir = startDir; ; dir = dirname(dir)) {
        const file = (dir === '/' ? '' : dir) + '/package.json';
        // a package.json this same line wrote is what runs, not what is on disk
        const written = this.writtenHere?.has(file) === true;
        const text = written ? this.writtenHere?.get(file) : this.read(file);
        if (written && text === undefined) {
          this.unreadable(at, ctx, `${file} is written by this same command, with text that is only known when it runs`);
          return;
        }
        if (text !== undefined) {
          scripts = readScripts(text);
          pkgFile = file;
          return;
        }
        if (dir === this.opts.root || dir === '/' || !isWithin(dir, this.opts.root)) return;
      }
    };
    const dirArg = directoryOption(name, args);
    const start = dirArg === undefined ? cwd : dirArg.dynamic ? undefined : resolve(cwd, dirArg.value);
    if (start === undefined) return undefined;
    locate(start);
    if (scripts === undefined || pkgFile === undefined) return undefined;
    const known = scripts;
    const request = scriptRequest(name, args, (n) => known.has(n));
    if (request === undefined) return undefined;
    const out = this.emit(prog, name, args, ctx, cwd, at);
    const pkgDir = dirname(pkgFile);
    for (const scriptName of request.names) {
      const script = known.get(scriptName);
      if (!script) continue;
      const extra = scriptName === request.main && request.extra.length > 0 ? ' ' + quoteArgs(request.extra).value : '';
      const sub = cloneState(state);
      sub.cwd = pkgDir;
      sub.vars.set('PWD', pkgDir);
      this.scriptLine(script.text + extra, sub, { ...ctx, wrappers: [...ctx.wrappers, `${name} run ${scriptName}`] }, pkgFile, script.line, `the "${scriptName}" script in ${pkgFile}`, at);
    }
    return out;
  }

  /** `make [-C dir] [-f file] [VAR=x] [targets]`: judge the recipe lines that would run. */
  private make(prog: Arg, name: string, args: readonly Arg[], state: State, ctx: Context, cwd: string | undefined, at: At): Output {
    const out = this.emit(prog, name, args, ctx, cwd, at);
    if (cwd === undefined) return out;
    let dir = cwd;
    let file: string | undefined;
    const goals: string[] = [];
    const overrides: Record<string, string> = {};
    let dryRun = false;
    const VALUE_SHORT = 'CfIjlWoO';
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as Arg;
      const v = a.value;
      const next = (): Arg | undefined => args[++i];
      if (a.dynamic && (v.startsWith('-C') || v.startsWith('-f') || v.startsWith('--directory') || v.startsWith('--file') || v.startsWith('--makefile'))) return out;
      if (v === '--') continue;
      if (v.startsWith('--')) {
        const eq = v.indexOf('=');
        const key = eq < 0 ? v.slice(2) : v.slice(2, eq);
        const val = eq < 0 ? undefined : v.slice(eq + 1);
        if (key === 'directory') dir = resolve(dir, val ?? next()?.value ?? '.');
        else if (key === 'file' || key === 'makefile') file = resolve(dir, val ?? next()?.value ?? '');
        else if (['dry-run', 'just-print', 'recon', 'question'].includes(key)) dryRun = true;
        else if (eq < 0 && ['include-dir', 'jobs', 'load-average', 'old-file', 'assume-old', 'what-if', 'new-file', 'assume-new', 'output-sync', 'eval'].includes(key) && key !== 'jobs') next();
        continue;
      }
      if (v.startsWith('-') && v.length > 1) {
        for (let j = 1; j < v.length; j++) {
          const c = v[j] ?? '';
          if (c === 'n' || c === 'q') dryRun = true;
          if (VALUE_SHORT.includes(c)) {
            const attached = v.slice(j + 1);
            // -j and -l take an optional number
            if ((c === 'j' || c === 'l') && attached === '' && !/^\d/.test(args[i + 1]?.value ?? '')) break;
            const val = attached !== '' ? attached : next()?.value ?? '';
            if (c === 'C') dir = resolve(dir, val);
            else if (c === 'f') file = resolve(dir, val);
            break;
          }
        }
        continue;
      }
      const eq = v.indexOf('=');
      if (eq > 0 && /^[A-Za-z_.][\w.-]*$/.test(v.slice(0, eq).replace(/[:+?!]$/, ''))) {
        if (!a.dynamic) overrides[v.slice(0, eq).replace(/[:+?!]$/, '')] = v.slice(eq + 1);
        continue;
      }
      if (a.dynamic) return out;
      goals.push(v);
    }
    if (dryRun) return out;
    let makefile: string | undefined;
    let text: string | undefined;
    if (file !== undefined) {
      makefile = file;
      text = this.scriptText(file);
      if (text === undefined) {
        this.unreadable(at, ctx, `the Makefile ${file} could not be read (missing, unreadable or larger than ${MAX_SCRIPT_BYTES / 1024} KiB)`);
        return out;
      }
    } else {
      for (const n of ['GNUmakefile', 'makefile', 'Makefile']) {
        const candidate = (dir === '/' ? '' : dir) + '/' + n;
        text = this.scriptText(candidate);
        if (text !== undefined) {
          makefile = candidate;
          break;
        }
      }
    }
    // no Makefile: make stops with "No targets specified and no makefile found"
    if (text === undefined || makefile === undefined) return out;
    // make sees the environment; HOME is known to the guard even when the request did not list it
    const spec = makeRecipes(text, goals, overrides, this.opts.home !== undefined ? { HOME: this.opts.home, ...ctx.env } : ctx.env);
    const mf = makefile;
    const label = `make ${goals.join(' ') || '(default)'}`.trim();
    for (const p of spec.parseTime) {
      const sub = cloneState(state);
      sub.cwd = dir;
      this.scriptLine(p.text, sub, { ...ctx, wrappers: [...ctx.wrappers, label] }, mf, p.line, `a $(shell …) in ${mf}`, at);
    }
    for (const r of spec.recipes) {
      // every recipe line runs in its own shell, in the Makefile's directory
      const sub = cloneState(state);
      sub.cwd = dir;
      sub.vars.set('PWD', dir);
      this.scriptLine(r.text, sub, { ...ctx, wrappers: [...ctx.wrappers, `make ${r.target}`] }, mf, r.line, `a recipe line of ${r.target} in ${mf}`, at);
    }
    if (spec.truncated) this.result.reasons.push(structural('shell.limit-exceeded', at.text, at.line, `the Makefile ${mf} has more targets or recipe lines than Agent Guard checks`, ctx.src.file));
    return out;
  }

  private dynamicScriptMessage(label: string, node: SimpleNode | undefined): string {
    const downloads = node?.words.some((w) => w.parts.some((p) => p.type === 'cmdsub' && /\b(curl|wget)\b/.test(JSON.stringify(p.body))));
    return downloads
      ? `${label} runs text downloaded when it runs; download it to a file, read it, then run it`
      : `${label} runs text that is only known when it runs`;
  }

  private nested(text: string, state: State, ctx: Context, line: number, what: string, wrappers: readonly string[], elevated: boolean): Output {
    return this.walkText(text, state, { ...ctx, wrappers, elevated, line, depth: ctx.depth + 1, src: nestedSource(text, line, ctx.src) }, what);
  }

  /** A script file the command runs: judged line by line when the adapter can read it. */
  private script(path: Arg, positional: readonly Arg[], state: State, ctx: Context, at: { text: string; line: number; procsubs?: ReadonlyMap<string, Output> }, sourced: boolean): Output {
    const fed = path.dynamic ? at.procsubs?.get(path.value) : undefined;
    if (fed !== undefined) return this.substitutedScript(fed, positional, state, ctx, at, sourced);
    // `bash /dev/stdin <<< '…'`, `source /dev/fd/0`: the script is the command's standard input
    if (!path.dynamic && STDIN_FILES.has(path.value)) {
      const text = ctx.stdin?.text;
      if (text !== undefined) {
        const sub = sourced ? state : cloneState(state);
        if (!sourced) sub.positional = positional;
        return this.nested(text, sub, { ...ctx, stdin: undefined }, at.line, `input of ${path.value}`, ctx.wrappers, ctx.elevated);
      }
      this.result.reasons.push(structural('shell.unknown-script', at.text, at.line, `it runs ${path.value}, input that is only known when it runs`, ctx.src.file));
      return NO_OUTPUT;
    }
    if (path.dynamic || state.cwd === undefined) {
      // without a reader (library use) scripts are judged by name only
      if (this.opts.readFile) this.unreadable(at, ctx, `the script's path (${path.value || 'a variable'}) is only known when it runs`);
      return NO_OUTPUT;
    }
    const abs = resolve(state.cwd, path.value);
    if (isProcessView(abs)) {
      if (this.opts.readFile) this.unreadable(at, ctx, `${path.value} is a view of a running process or device, which reads differently in the shell than here`);
      return NO_OUTPUT;
    }
    // `export PATH=$PWD/bin:$PATH; source x.sh` sources bin/x.sh even when ./x.sh exists
    if (sourced && !isLookedUpAsWritten(path.value) && this.pathAssigned) {
      if (this.opts.readFile) this.unreadable(at, ctx, `this line changes $PATH, and bash looks for ${path.value} in its directories before the working directory`);
      return NO_OUTPUT;
    }
    const written = this.writtenHere?.has(abs) === true;
    const content = this.scriptFile(abs);
    if (content === null) {
      this.missingScript(path.value, state, ctx, at);
      return NO_OUTPUT;
    }
    if (content === undefined) {
      if (written) this.unreadable(at, ctx, `${path.value} is written by this same command, with text that is only known when it runs`);
      else if (this.opts.readFile) this.unreadable(at, ctx, `${path.value} could not be read (missing, unreadable or larger than ${MAX_SCRIPT_BYTES / 1024} KiB)`);
      return NO_OUTPUT;
    }
    return this.scriptContent(content, path.value, abs, positional, state, ctx, at, sourced);
  }

  /**
   * A script read from `<( … )`: the text when the command inside prints a known one (`source <(echo …)`);
   * a download or decoded text is unknown code (`source <(curl …)`, `bash <(base64 -d <<< …)`). Other programs'
   * output (`source <(kubectl completion bash)`) is judged by name only, like a script file nobody can read.
   */
  private substitutedScript(fed: Output, positional: readonly Arg[], state: State, ctx: Context, at: { text: string; line: number }, sourced: boolean): Output {
    if (fed.text !== undefined) {
      const sub = sourced ? state : cloneState(state);
      if (!sourced) sub.positional = positional;
      return this.nested(fed.text, sub, ctx, at.line, 'process substitution', ctx.wrappers, ctx.elevated);
    }
    const from = fed.program;
    if (from !== undefined && (DOWNLOADERS.has(from) || DECODERS.has(from))) {
      const label = ctx.wrappers[ctx.wrappers.length - 1] ?? 'the shell';
      const detail = DOWNLOADERS.has(from)
        ? `${label} runs whatever ${from} downloads through <( ); download it to a file, read it, then run it`
        : `${label} runs text decoded by ${from} through <( ), which is only known when it runs`;
      this.result.reasons.push(structural('shell.unknown-script', at.text, at.line, detail, ctx.src.file));
    }
    return NO_OUTPUT;
  }

  /** Walk the text of a script file (`word`: its path as written); its reasons name the file and the line in it. */
  private scriptContent(content: string, word: string, abs: string, positional: readonly Arg[], state: State, ctx: Context, at: { text: string; line: number }, sourced: boolean): Output {
    if (!this.scriptBudget(ctx, at)) return NO_OUTPUT;
    this.scriptBytes += content.length;
    if (this.scriptBytes > MAX_SCRIPT_BYTES_PER_CHECK) {
      this.result.reasons.push(structural('shell.limit-exceeded', at.text, at.line, `the scripts it runs are more than ${MAX_SCRIPT_BYTES_PER_CHECK / 1024} KiB together`, ctx.src.file));
      return NO_OUTPUT;
    }
    const sub = sourced ? state : cloneState(state);
    if (!sourced) sub.positional = positional;
    const installed = sourced && isInstalledScript(word, abs, this.opts.root, this.opts.home, this.writtenHere?.has(abs) === true);
    const src = newSource(content, 0, abs, installed);
    try {
      // an installed tool's functions are judged by name: their bodies are parsed but not kept
      const tree = parse(content, installed ? INSTALLED_SCRIPT_LIMITS : SCRIPT_LIMITS);
      return this.walk(tree, sub, { ...ctx, src, line: undefined, depth: ctx.depth + 1, stdin: undefined });
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      const line = lineOf(src, e.offset);
      this.result.reasons.push(structural(e.limit ? 'shell.limit-exceeded' : 'shell.unparseable', at.text, line, `the script ${abs} could not be parsed (${e.message})`, abs));
      return NO_OUTPUT;
    }
  }

  private callFunction(name: string, body: Node, argv: readonly Arg[], state: State, ctx: Context, at: { text: string; line: number }): Output {
    if (state.calling.includes(name)) {
      if (state.concurrent) {
        this.result.reasons.push(structural('shell.fork-bomb', at.text, at.line, undefined, ctx.src.file));
      }
      return NO_OUTPUT;
    }
    if (body === DROPPED_BODY) {
      // never reached (such functions are judged by name), but an empty body must not read as "does nothing"
      this.unreadable(at, ctx, `the body of ${name} was not kept`);
      return NO_OUTPUT;
    }
    if (++this.functionCalls > MAX_FUNCTION_CALLS) {
      if (this.functionCalls === MAX_FUNCTION_CALLS + 1) {
        this.result.reasons.push(structural('shell.limit-exceeded', at.text, at.line, `more than ${MAX_FUNCTION_CALLS} function calls`, ctx.src.file));
      }
      return NO_OUTPUT;
    }
    const saved = state.positional;
    state.calling.push(name);
    state.positional = argv;
    const out = this.walk(body, state, ctx);
    state.calling.pop();
    state.positional = saved;
    return out;
  }

  /** Builtins that change what later commands mean. Returns undefined when `name` is not one. */
  private builtin(name: string, args: readonly Arg[], state: State, ctx: Context, at: { text: string; line: number; redirects: readonly Redirect[]; node: SimpleNode | undefined }): Output | undefined {
    switch (name) {
      case 'cd':
      case 'pushd': {
        const target = args.find((a) => !a.value.startsWith('-') || a.value === '-');
        if (name === 'pushd') state.dirStack.push(state.cwd);
        if (!target) state.cwd = this.opts.home;
        else if (target.value === '-' || target.dynamic || state.cwd === undefined) state.cwd = undefined;
        else if (target.value.startsWith('~')) state.cwd = this.opts.home === undefined ? undefined : resolve(this.opts.home, '.' + target.value.slice(1));
        else state.cwd = resolve(state.cwd, target.value);
        if (state.cwd !== undefined) state.vars.set('PWD', state.cwd);
        else state.vars.delete('PWD');
        return this.emit(lit(name), name, args, ctx, state.cwd, at);
      }
      case 'popd':
        state.cwd = state.dirStack.length > 0 ? state.dirStack.pop() : undefined;
        return NO_OUTPUT;
      case 'export':
      case 'declare':
      case 'typeset':
      case 'local':
      case 'readonly': {
        // `declare -n r=HOME`: r is another name for HOME, so `$r` is HOME's value
        const nameref = name !== 'export' && args.some((x) => /^-[a-zA-Z]*n/.test(x.value));
        for (const a of args) {
          if (a.value.startsWith('-')) continue;
          const eq = a.value.indexOf('=');
          const key = eq < 0 ? a.value : a.value.slice(0, eq);
          if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) continue;
          if (key === 'PATH') this.pathAssigned = true;
          if (nameref) setVar(state, key, a.dynamic || eq < 0 ? undefined : state.vars.get(a.value.slice(eq + 1)));
          else if (eq >= 0) setVar(state, key, a.dynamic ? undefined : a.value.slice(eq + 1));
          if (name === 'export' || (name === 'declare' && args.some((x) => x.value.includes('x')))) (state.exported ??= new Set()).add(key);
        }
        return NO_OUTPUT;
      }
      case 'unset':
        for (const a of args) if (!a.value.startsWith('-')) state.vars.set(a.value, '');
        return NO_OUTPUT;
      case 'read':
      case 'mapfile':
      case 'readarray':
        for (const a of args) if (!a.value.startsWith('-') && /^[A-Za-z_]\w*$/.test(a.value)) state.vars.delete(a.value);
        return this.emit(lit(name), name, args, ctx, state.cwd, at);
      case 'alias':
        for (const a of args) {
          const eq = a.value.indexOf('=');
          if (eq > 0) (state.aliases ??= new Map()).set(a.value.slice(0, eq), a.value.slice(eq + 1));
        }
        return NO_OUTPUT;
      case 'unalias':
        for (const a of args) state.aliases?.delete(a.value);
        return NO_OUTPUT;
      case 'hash': {
        // judged as itself below (it runs nothing); what it binds applies to later commands
        const change = hashChange(args);
        if (change.clear) state.hashed = undefined;
        for (const n of change.forget) state.hashed?.delete(n);
        if (change.bind !== undefined) for (const n of change.bind.names) (state.hashed ??= new Map()).set(n, change.bind.path);
        return undefined;
      }
      case 'set':
        // `set -- a b` sets positional parameters
        if (args[0]?.value === '--') state.positional = [lit('sh'), ...args.slice(1)];
        return NO_OUTPUT;
      case 'shift':
        if (state.positional) state.positional = [state.positional[0] ?? lit('sh'), ...state.positional.slice(2)];
        return NO_OUTPUT;
      default:
        return undefined;
    }
  }

  private emit(prog: Arg, name: string, args: readonly Arg[], ctx: Context, cwd: string | undefined, at: { text: string; line: number; redirects: readonly Redirect[] }): Output {
    if (this.result.invocations.length >= MAX_INVOCATIONS) {
      if (this.result.invocations.length === MAX_INVOCATIONS) this.result.reasons.push(structural('shell.limit-exceeded', at.text, at.line, `more than ${MAX_INVOCATIONS} commands`));
      return NO_OUTPUT;
    }
    const base: Invocation = {
      program: name,
      programPath: prog.value,
      programDynamic: prog.dynamic,
      args: args.map((a) => a.value),
      argv: args,
      env: ctx.env,
      cwd: cwd === undefined ? undefined : normalize(cwd),
      text: at.text,
      stdin: ctx.stdin,
      redirects: at.redirects,
      wrappers: ctx.wrappers,
      elevated: ctx.elevated,
      line: at.line,
    };
    // the common case stays one plain object literal (spreads here cost every invocation)
    let inv = base;
    if (ctx.src.file !== undefined) inv = { ...inv, file: ctx.src.file };
    if (ctx.remote !== undefined) inv = { ...inv, remote: ctx.remote };
    if (ctx.mounts !== undefined) inv = { ...inv, mounts: ctx.mounts };
    if (this.gitStateChanged && name === 'git') inv = { ...inv, afterGitStateChange: true };
    this.result.invocations.push(inv);
    // a later `git push -f` may find another branch checked out than the one on disk now
    if (!this.gitStateChanged && mayChangeGitState(inv)) this.gitStateChanged = true;
    // files this command writes are no longer what is on disk for a later `bash file` / `./file`
    if (inv.cwd !== undefined) {
      for (const e of fileEffects(inv)) if (e.op !== 'delete' && !e.target.dynamic) (this.writtenHere ??= new Map()).set(resolve(inv.cwd, e.target.value), undefined);
      // `python3 -m venv .venv`, `virtualenv venv`, `uv venv`: what bin/activate will do is known (venv.ts)
      if (name.startsWith('python') || name === 'virtualenv' || name === 'uv') {
        const activate = createdActivateScript(name, args, inv.cwd);
        if (activate !== undefined) (this.writtenHere ??= new Map()).set(activate[0], activate[1]);
      }
    }
    const text = literalOutput(name, args, ctx.stdin) ?? (name === 'pwd' || name === 'mktemp' ? placeOutput(name, args, inv.cwd, ctx.env) : name === 'cat' ? this.catOutput(args, inv.cwd) : undefined);
    return { program: name, args, text };
  }
}

/**
 * Expand words into `argv`, giving each word that is one `<( )` its own path (`/dev/fd/63`, `/dev/fd/62`, … as
 * bash does); returns what the command inside each writes, by that path, so `source <(echo …)` and
 * `bash <(curl …)` are judged by what they would read.
 */
function procsubArgs(words: readonly Word[], scope: ExpansionScope, outputs: readonly Output[], argv: Arg[]): Map<string, Output> {
  const map = new Map<string, Output>();
  let k = 0;
  for (const w of words) {
    const first = w.parts[0];
    if (w.parts.length === 1 && first?.type === 'procsub') {
      const out = outputs[k];
      const path = '/dev/fd/' + String(63 - k);
      k++;
      argv.push({ value: path, dynamic: true, glob: false });
      if (out !== undefined && first.dir === '<') map.set(path, out);
      continue;
    }
    for (const p of w.parts) if (p.type === 'procsub') k++;
    argv.push(...expandWord(w, scope));
  }
  return map;
}

/** Mount sources made absolute on the host: `-v .:/w`, `-v ../data:/d` against the cwd, `-v ~/x:/x` in the home. */
/** An unquoted glob bash expands (`*`, `?`, a closed `[…]`); a lone `[` is the test command. */
function isExpandingGlob(a: Arg): boolean {
  return a.glob && /[*?]|\[[^\]]+\]/.test(a.value);
}

function hostSides(mounts: readonly ContainerMount[], cwd: string | undefined, home: string | undefined): ContainerMount[] {
  return mounts.map((m) => {
    const v = m.source.value;
    const c = v.charCodeAt(0);
    if (c === 126 /* ~ */ && (v.length === 1 || v.charCodeAt(1) === 47)) {
      return home === undefined ? m : { ...m, source: { ...m.source, value: normalize(home + v.slice(1) || '/') } };
    }
    if (c !== 46 /* . */) return m;
    return cwd === undefined ? { ...m, source: { value: '', dynamic: true, glob: false } } : { ...m, source: { ...m.source, value: resolve(cwd, v) } };
  });
}

function withFile(w: RedirectWrite, file: string | undefined): RedirectWrite {
  return file === undefined ? w : { ...w, file };
}

function setVar(state: State, key: string, value: VarValue): void {
  if (value === undefined) state.vars.delete(key);
  else state.vars.set(key, value);
}

/** `$X` inside an unquoted heredoc, as far as known (unknown expansions stay as written). */
function expandHeredoc(text: string, scope: ExpansionScope): string {
  return text.replace(/\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/g, (m, a: string | undefined, b: string | undefined) => {
    const name = a ?? b ?? '';
    return scope.vars.has(name) ? scope.vars.get(name) ?? m : m;
  });
}

export { SHELLS };

/** The one command a list of one item is (`if [ -f x ]; then . x; fi` has lists around both), else undefined. */
/**
 * Findings a guessed launch does not raise: words that only look like a shell or a script (`chsh -s /bin/bash`
 * is no interactive shell, `stow bash vim` runs no script `vim`). What the rules say, and text that is downloaded
 * or decoded (`shell.dynamic-script`), still counts.
 */
const GUESS_NOISE: ReadonlySet<string> = new Set(['shell.unknown-script', 'shell.unreadable-script', 'shell.dynamic-program', 'shell.limit-exceeded']);

/** Programs that copy or link a file to another name, and their options that take a value. */
const COPIERS: ReadonlySet<string> = new Set(['cp', 'ln', 'install']);
const COPY_VALUE_OPTS: ReadonlySet<string> = new Set(['-m', '--mode', '-o', '--owner', '-g', '--group', '-S', '--suffix', '-t', '--target-directory']);

/** Remove the GUESS_NOISE findings added since `from`. */
function dropGuessNoise(reasons: Reason[], from: number): void {
  let w = from;
  for (let r = from; r < reasons.length; r++) {
    const reason = reasons[r] as Reason;
    if (!GUESS_NOISE.has(reason.rule)) reasons[w++] = reason;
  }
  reasons.length = w;
}

/** Text that parses as shell (a launcher's argument that does not is not shell text, and is no finding). */
function parsesCleanly(text: string): boolean {
  try {
    parse(text);
    return true;
  } catch {
    return false;
  }
}

function singleCommand(node: Node): Node | undefined {
  let n = node;
  while (n.type === 'list' && n.items.length === 1 && n.items[0]?.op === ';') n = n.items[0].node;
  return n.type === 'simple' || n.type === 'test' ? n : undefined;
}

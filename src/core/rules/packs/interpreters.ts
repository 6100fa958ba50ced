/**
 * Interpreter one-liners and heredocs (`python -c`, `node -e`, `perl -e`, `ruby -e`, `php -r`, `deno eval`,
 * `bun -e`, `python3 - <<'EOF'`): the shell commands the code runs are judged like any other command line
 * (so `os.system('ls')` is silent and `os.system('rm -rf /')` is not), and the paths it deletes are judged
 * like `rm` would be, the paths it writes like `tee` would. A script file the interpreter runs is read through the adapter and only its critical
 * findings count, so ordinary scripts do not raise alarms.
 */
import type { Arg, Invocation } from '../../invocation';
import type { NestedFinding, RuleContext } from '../context';
import type { CommandRule, RuleHit, RulePack } from '../rule';
import { decisionRank, riskRank, type Decision, type Risk } from '../../verdict';
import { isTempPath } from '../../paths/resolve';
import { isWithin } from '../../paths/posix';
import { hostPath } from '../../paths/containerMounts';
import type { CodeLang } from './code';
import { codeEffects, quoteLiteral, type CodeDeletion, type CodeEffects, type CodeWrite, type ShellRun } from './codeEffects';

const PYTHONS = ['python', 'python2', 'python3', 'python3.8', 'python3.9', 'python3.10', 'python3.11', 'python3.12', 'python3.13', 'python3.14', 'pypy', 'pypy3'];
const PROGRAMS = [...PYTHONS, 'node', 'nodejs', 'bun', 'deno', 'perl', 'ruby', 'php'];

const LANG_NAMES: Readonly<Record<CodeLang, string>> = { python: 'Python', javascript: 'JavaScript', perl: 'Perl', ruby: 'Ruby', php: 'PHP' };

/** Scripts larger than this are not read: bundles and generated code, not something an agent just wrote. */
const MAX_SCRIPT_CHARS = 64_000;

interface CodeSource {
  readonly lang: CodeLang;
  readonly code: string;
  /** How the code is named in messages: `This Python one-liner`, `The Python script cleanup.py`. */
  readonly label: string;
  /** A script file: only critical findings count there. */
  readonly file: boolean;
}

function langOf(program: string): CodeLang | undefined {
  if (PYTHONS.includes(program)) return 'python';
  if (program === 'node' || program === 'nodejs' || program === 'bun' || program === 'deno') return 'javascript';
  if (program === 'perl') return 'perl';
  if (program === 'ruby') return 'ruby';
  if (program === 'php') return 'php';
  return undefined;
}

interface Parsed {
  /** Inline code (`-c`, `-e`, `-r`, `eval`). */
  readonly inline: string[];
  /** The script path, `-` for standard input, undefined for none. */
  readonly script: string | undefined;
  /** The interpreter runs a module or does something else that is not code we can read (`-m`, `--version`). */
  readonly other: boolean;
}

const PY_FLAGS_BEFORE_C = /^-[bBdEhiIOPqsSuvRx]*c(.*)$/;
const PY_VALUE_OPTS = new Set(['-W', '-X', '--check-hash-based-pycs']);
const NODE_VALUE_OPTS = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '-C', '--conditions', '--input-type', '--env-file', '--title', '--stack-size']);
const PERL_E = /^-[CDTUWXacdlnpstuvw0-9]*[eE](.*)$/;
const RUBY_E = /^-[acdlnpsvwyW0-9]*e(.*)$/;
const RUBY_VALUE_OPTS = new Set(['-r', '-I', '-C', '-E', '-F', '-x', '-K', '-T']);

function parsePython(args: readonly string[]): Parsed {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-') return { inline: [], script: '-', other: false };
    if (a === '-m' || (a.startsWith('-m') && !a.startsWith('--'))) return { inline: [], script: undefined, other: true };
    const c = PY_FLAGS_BEFORE_C.exec(a);
    if (c) {
      const code = c[1] !== '' ? c[1] : args[i + 1];
      return { inline: code !== undefined ? [code] : [], script: undefined, other: false };
    }
    if (PY_VALUE_OPTS.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith('--')) return { inline: [], script: undefined, other: a === '--version' || a === '--help' };
    if (a.startsWith('-')) continue;
    return { inline: [], script: a, other: false };
  }
  return { inline: [], script: '-', other: false };
}

function parseNode(program: string, args: readonly string[]): Parsed {
  if (program === 'deno') {
    if (args[0] === 'eval') {
      const code = args.slice(1).find((x) => !x.startsWith('-'));
      return { inline: code !== undefined ? [code] : [], script: undefined, other: false };
    }
    if (args[0] === 'run') {
      const script = args.slice(1).find((x) => !x.startsWith('-') || x === '-');
      return { inline: [], script, other: false };
    }
    return { inline: [], script: undefined, other: true };
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-e' || a === '--eval' || a === '-p' || a === '--print' || a === '-pe' || a === '-ep') {
      const code = args[i + 1];
      return { inline: code !== undefined ? [code] : [], script: undefined, other: false };
    }
    if (a.startsWith('--eval=') || a.startsWith('--print=')) return { inline: [a.slice(a.indexOf('=') + 1)], script: undefined, other: false };
    if (NODE_VALUE_OPTS.has(a)) {
      i++;
      continue;
    }
    if (a === '-') return { inline: [], script: '-', other: false };
    if (a.startsWith('-')) continue;
    // `bun run build`, `bun test`, `bun install`: sub-commands, not scripts
    if (program === 'bun' && !a.includes('.') && !a.includes('/')) return { inline: [], script: undefined, other: true };
    return { inline: [], script: a, other: false };
  }
  return { inline: [], script: program === 'bun' ? undefined : '-', other: program === 'bun' };
}

/** Perl and Ruby: every `-e` (they are joined by newlines), switch clusters like `-lne`, `-e'code'`. */
function parsePerlRuby(program: string, args: readonly string[]): Parsed {
  const inline: string[] = [];
  const pattern = program === 'perl' ? PERL_E : RUBY_E;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') {
      return { inline, script: inline.length > 0 ? undefined : args[i + 1], other: false };
    }
    if (a === '-') return { inline, script: inline.length > 0 ? undefined : '-', other: false };
    const m = pattern.exec(a);
    if (m) {
      const code = m[1] !== '' ? m[1] : args[++i];
      if (code !== undefined) inline.push(code);
      continue;
    }
    if (program === 'ruby' && RUBY_VALUE_OPTS.has(a)) {
      i++;
      continue;
    }
    if (program === 'perl' && (a === '-I' || a === '-M' || a === '-m')) {
      i++;
      continue;
    }
    if (a.startsWith('-')) {
      if (a === '--version' || a === '-v' || a === '-V' || a === '--help' || a === '-h') return { inline, script: undefined, other: true };
      continue;
    }
    // the first operand is the script unless code was given with -e (then operands are its arguments)
    return { inline, script: inline.length > 0 ? undefined : a, other: false };
  }
  return { inline, script: inline.length > 0 ? undefined : '-', other: false };
}

function parsePhp(args: readonly string[]): Parsed {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-r') {
      const code = args[i + 1];
      return { inline: code !== undefined ? [code] : [], script: undefined, other: false };
    }
    if (a === '-f') return { inline: [], script: args[i + 1], other: false };
    if (a === '-d' || a === '-c' || a === '-z') {
      i++;
      continue;
    }
    if (a.startsWith('-')) {
      if (a !== '-q' && a !== '-n' && a !== '-e') return { inline: [], script: undefined, other: true };
      continue;
    }
    // `php artisan test`, `php vendor/bin/phpunit`: a script
    return { inline: [], script: a, other: false };
  }
  return { inline: [], script: '-', other: false };
}

function parse(inv: Invocation): Parsed {
  const p = inv.program;
  if (PYTHONS.includes(p)) return parsePython(inv.args);
  if (p === 'node' || p === 'nodejs' || p === 'bun' || p === 'deno') return parseNode(p, inv.args);
  if (p === 'perl' || p === 'ruby') return parsePerlRuby(p, inv.args);
  return parsePhp(inv.args);
}

function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? p : p.slice(i + 1);
}

/** The code this invocation runs: inline, from standard input (heredoc, literal pipe, `< file`), or a script. */
function codeSources(inv: Invocation, ctx: RuleContext): CodeSource[] {
  const lang = langOf(inv.program);
  if (!lang) return [];
  const name = LANG_NAMES[lang];
  const parsed = parse(inv);
  if (parsed.other) return [];
  if (parsed.inline.length > 0) return [{ lang, code: parsed.inline.join('\n'), label: `This ${name} one-liner`, file: false }];
  if (parsed.script === '-' || parsed.script === undefined) {
    const s = inv.stdin;
    if (parsed.script === undefined || !s) return [];
    if (s.text !== undefined) return [{ lang, code: s.text, label: `The ${name} code ${s.kind === 'pipe' ? 'piped in' : 'in the heredoc'}`, file: false }];
    // `< file` is opened by this machine's shell, before any container starts
    if (s.kind === 'file' && s.path !== undefined) return readScript(lang, s.path, inv, ctx, true);
    return [];
  }
  return readScript(lang, parsed.script, inv, ctx, false);
}

function readScript(lang: CodeLang, written: string, inv: Invocation, ctx: RuleContext, onHost: boolean): CodeSource[] {
  // in a new container a script is readable here only through a bind mount; anything else is the image's own
  const path = inv.mounts === undefined || onHost ? written : hostPath({ value: written, dynamic: false, glob: false }, inv.mounts, inv.cwd)?.value;
  if (path === undefined || path === '') return [];
  const abs = ctx.resolvePath(path, inv.cwd).abs;
  if (abs.includes('/node_modules/') || abs.includes('/site-packages/')) return [];
  const text = ctx.readFile(abs);
  if (text === undefined || text.length > MAX_SCRIPT_CHARS) return [];
  return [{ lang, code: text, label: `The ${LANG_NAMES[lang]} script ${basename(path)}`, file: true }];
}

interface Analysis {
  readonly source: CodeSource;
  readonly effects: CodeEffects;
}

const analysed = new WeakMap<Invocation, readonly Analysis[]>();

/** The effects of every piece of code the invocation runs (computed once for both rules). */
function analyse(inv: Invocation, ctx: RuleContext): readonly Analysis[] {
  const cached = analysed.get(inv);
  if (cached) return cached;
  const out = codeSources(inv, ctx).map((source) => ({ source, effects: codeEffects(source.code, source.lang) }));
  analysed.set(inv, out);
  return out;
}

function stricter(a: { decision: Decision; risk: Risk }, b: { decision: Decision; risk: Risk }): boolean {
  return decisionRank(a.decision) > decisionRank(b.decision) || (decisionRank(a.decision) === decisionRank(b.decision) && riskRank(a.risk) > riskRank(b.risk));
}

function where(source: CodeSource, line: number): string {
  return source.file ? ` (line ${String(line)})` : '';
}

/** Shorten a command for a message. */
function shown(command: string): string {
  const one = command.replace(NEWLINES, ' ');
  return one.length > 80 ? one.slice(0, 77) + '…' : one;
}
const NEWLINES = /\s*\n\s*/g;

/** `require().execSync` → `require(…).execSync`, for messages. */
function callName(via: string): string {
  return via.replace(EMPTY_CALL, '(…)');
}
const EMPTY_CALL = /\(\)/g;

/** `"$AGENT_GUARD_UNKNOWN" -m pip …`: a program only known at run time (`sys.executable`) is not judged. */
const UNKNOWN_PROGRAM = /^"?\$AGENT_GUARD_UNKNOWN/;

function worstNested(run: ShellRun, inv: Invocation, ctx: RuleContext): NestedFinding | undefined {
  if (UNKNOWN_PROGRAM.test(run.command)) return undefined;
  let worst: NestedFinding | undefined;
  for (const f of ctx.checkNestedShell(run.command, inv.cwd, inv.mounts)) {
    if (f.decision === 'allow') continue;
    if (!worst || stricter(f, worst)) worst = f;
  }
  return worst;
}

/**
 * The strictest finding of the shell commands standing for what the code does (`itemsOf`: the commands it runs,
 * the files it writes…), as this rule's hit with `describe`'s message. Code read from a file counts only when the
 * finding is critical; the first of equally strict findings is kept.
 */
function strictestNested<T>(
  inv: Invocation,
  ctx: RuleContext,
  itemsOf: (effects: CodeEffects) => readonly T[],
  runOf: (item: T) => ShellRun,
  describe: (source: CodeSource, item: T, finding: NestedFinding) => string,
): RuleHit | undefined {
  let best: { hit: RuleHit; decision: Decision; risk: Risk } | undefined;
  for (const { source, effects } of analyse(inv, ctx)) {
    for (const item of itemsOf(effects)) {
      const f = worstNested(runOf(item), inv, ctx);
      if (!f || (source.file && f.risk !== 'critical')) continue;
      if (best && !stricter(f, best)) continue;
      best = { hit: { decision: f.decision, risk: f.risk, message: describe(source, item, f) }, decision: f.decision, risk: f.risk };
    }
  }
  return best?.hit;
}

const runsShellCommand: CommandRule = {
  id: 'interpreter.code-runs-shell-command',
  programs: PROGRAMS,
  decision: 'confirm',
  risk: 'high',
  message: 'This interpreter code runs a shell command that is dangerous on its own (see the nested rule in the message). Run the command directly so it can be checked, or leave it out.',
  match: (inv, ctx) =>
    strictestNested(
      inv,
      ctx,
      (effects) => effects.shell,
      (run) => run,
      (source, run, f) => `${source.label} runs \`${shown(run.command)}\` through ${callName(run.via)}${where(source, run.line)}: ${f.message} (${f.rule})`,
    ),
  examples: {
    match: [
      'python3 -c \'import os; os.system("rm -rf ~")\'',
      'python -c "import subprocess; subprocess.run([\'rm\', \'-rf\', \'/\'])"',
      'node -e "require(\'child_process\').execSync(\'rm -rf ~\')"',
      "perl -e 'system(\"rm -rf /\")'",
      'ruby -e \'system("git push --force origin main")\'',
      "php -r 'system(\"rm -rf /\");'",
      "python3 - <<'EOF'\nimport subprocess\nsubprocess.call('git reset --hard origin/main', shell=True)\nEOF",
      "ruby -e 'puts `dd if=/dev/zero of=/dev/sda`'",
      "deno eval \"new Deno.Command('rm', {args: ['-rf', '/']}).outputSync()\"",
      'docker run -v ~:/h node:20 node -e "require(\'child_process\').execSync(\'rm -rf /h\')"',
    ],
    notMatch: [
      'python -c "import os; os.system(\'ls\')"',
      'python -c "print(1)"',
      'node -e "console.log(process.version)"',
      'python3 -c "print(\'os.system(rm -rf /)\')"',
      "perl -pi -e 's/\\bvar\\b/let/g' src/legacy.js",
      'python3 -c "import subprocess, sys; subprocess.run([sys.executable, \'-m\', \'pip\', \'--version\'])"',
      'node -e "require(\'child_process\').execSync(\'git status\', {stdio: \'inherit\'})"',
      "ruby -e 'system(\"bundle exec rspec\")'",
      'docker run --rm node:20 node -e "require(\'child_process\').execSync(\'rm -rf /\')"',
    ],
  },
};

// ---------------------------------------------------------------------------------------------- deletions

/** Directories under which deleting is a system change. */
const SYSTEM_PREFIXES = ['/etc', '/usr', '/bin', '/sbin', '/lib', '/lib64', '/boot', '/var', '/opt', '/srv', '/root', '/System', '/Library', '/Applications', '/private/etc', '/private/var'];

function underSystem(abs: string): boolean {
  for (const p of SYSTEM_PREFIXES) if (abs === p || isWithin(abs, p)) return true;
  return false;
}

interface DeletionJudgement {
  readonly decision: Decision;
  readonly risk: Risk;
  readonly why: string;
  readonly target?: string;
}

/** Where a deletion lands, with `~` counted as the home directory even when the home directory is unknown. */
interface Place {
  readonly abs: string;
  readonly isRoot: boolean;
  readonly isSystem: boolean;
  readonly isHome: boolean;
  /** The workspace is the path or inside it. */
  readonly containsWorkspace: boolean;
  readonly ordinary: boolean;
}

function placeOf(literal: string, dynamic: boolean, inv: Invocation, ctx: RuleContext): Place {
  if (ctx.home === '' && (literal === '~' || literal === '~/' || literal.startsWith('~/'))) {
    const home = literal === '~' || literal === '~/';
    return { abs: literal, isRoot: false, isSystem: false, isHome: home, containsWorkspace: false, ordinary: false };
  }
  const arg: Arg = { value: literal, dynamic, glob: false };
  const p = ctx.resolvePath(arg, inv.cwd);
  return {
    abs: p.abs,
    isRoot: p.abs === '/',
    isSystem: p.isSystem,
    isHome: p.isHome || (ctx.home !== '' && isWithin(ctx.home, p.abs)),
    containsWorkspace: p.abs === ctx.root || isWithin(ctx.root, p.abs),
    ordinary: p.insideWorkspace || isTempPath(p.abs) || p.abs.startsWith('/dev/'),
  };
}

/** Judge a deletion by where it lands; `undefined` for ordinary deletions inside the project or a temp dir. */
function judgeDeletion(d: CodeDeletion, inv: Invocation, ctx: RuleContext): DeletionJudgement | undefined {
  const written = d.dynamic ? d.known : d.path;
  if (written === '') return undefined;
  // in a new container only what goes through a bind mount is this machine's, at its host path
  const literal = inv.mounts === undefined ? written : hostPath({ value: written, dynamic: d.dynamic, glob: false }, inv.mounts, inv.cwd)?.value;
  if (literal === undefined || literal === '') return undefined;
  const p = placeOf(literal, d.dynamic, inv, ctx);
  if (d.recursive && (p.isRoot || p.isSystem || p.isHome || p.containsWorkspace)) {
    const what = p.isRoot ? 'the whole file system' : p.isHome ? 'the home directory — every project, key and setting in it' : p.containsWorkspace ? `the workspace (${ctx.root}) with uncommitted work` : `the system directory ${p.abs}`;
    if (d.dynamic) return { decision: 'confirm', risk: 'critical', why: `deletes everything under ${d.known}, the rest of the path only known when it runs — at worst ${what}` };
    return { decision: 'deny', risk: 'critical', why: `deletes ${what}; this is never part of a coding task`, target: p.abs };
  }
  // a single file whose name is only partly known, or anything inside the project or a temp dir: ordinary
  if ((d.dynamic && !d.recursive) || p.ordinary) return undefined;
  const tree = d.recursive ? ' and everything in it' : '';
  if (underSystem(p.abs)) return { decision: 'confirm', risk: 'high', why: `deletes ${p.abs}${tree}, a system file` };
  return { decision: 'confirm', risk: d.recursive ? 'high' : 'medium', why: `deletes ${p.abs}${tree}, outside the workspace (${ctx.root})` };
}

/** The same deletion as an `rm` command line, so protected paths (.git, .env) are judged the usual way. */
function asRm(d: CodeDeletion): string | undefined {
  if (d.dynamic) return undefined;
  const path = d.path.startsWith('~/') ? '~/' + quoteLiteral(d.path.slice(2)) : d.path === '~' ? '~' : quoteLiteral(d.path);
  return `rm ${d.recursive ? '-rf ' : ''}-- ${path}`;
}

const deletesFiles: CommandRule = {
  id: 'interpreter.code-deletes-files',
  programs: PROGRAMS,
  decision: 'confirm',
  risk: 'high',
  message: 'This interpreter code deletes files outside the project, the project itself, the home directory or the system. Delete only what the task needs, inside the project.',
  match: (inv, ctx) => {
    let best: { hit: RuleHit; decision: Decision; risk: Risk } | undefined;
    const consider = (decision: Decision, risk: Risk, message: string, target: string | undefined): void => {
      if (best && !stricter({ decision, risk }, best)) return;
      const hit: RuleHit = target !== undefined ? { decision, risk, message, target } : { decision, risk, message };
      best = { hit, decision, risk };
    };
    for (const { source, effects } of analyse(inv, ctx)) {
      for (const d of effects.deletions) {
        const label = `${source.label} ${d.recursive ? 'recursively ' : ''}deletes ${d.path || 'a path'} with ${callName(d.via)}${where(source, d.line)}`;
        const j = judgeDeletion(d, inv, ctx);
        if (j && (!source.file || j.risk === 'critical')) consider(j.decision, j.risk, `${label}: it ${j.why}. Delete only what the task needs, inside the project.`, j.target);
        const rm = asRm(d);
        if (rm === undefined) continue;
        const f = worstNested({ command: rm, via: d.via, line: d.line }, inv, ctx);
        if (f && (!source.file || f.risk === 'critical')) consider(f.decision, f.risk, `${label}: ${f.message} (${f.rule})`, undefined);
      }
    }
    return best?.hit;
  },
  examples: {
    match: [
      'python -c "import shutil; shutil.rmtree(\'/\')"',
      'python3 -c "import shutil, os; shutil.rmtree(os.path.expanduser(\'~\'))"',
      "python3 - <<'EOF'\nimport shutil\nshutil.rmtree(\"/work\")\nEOF",
      'node -e "fs.rmSync(process.env.HOME, {recursive:true})"',
      'node -e "require(\'fs\').rmSync(\'/\', {recursive: true, force: true})"',
      'perl -e "use File::Path; rmtree(\'/home\')"',
      'ruby -e \'require "fileutils"; FileUtils.rm_rf("/")\'',
      'python3 -c "import os; os.remove(\'/etc/hosts\')"',
      'python -c "import shutil; shutil.rmtree(\'../other-project\')"',
      'docker run -v "$PWD":/w img python -c "import shutil; shutil.rmtree(\'/w\')"',
    ],
    notMatch: [
      'python3 -c "import shutil; shutil.rmtree(\'build\', ignore_errors=True)"',
      'python3 -c "import os; os.remove(\'/tmp/x.lock\')"',
      'node -e "require(\'fs\').rmSync(\'dist\', {recursive: true, force: true})"',
      'python3 -c "import shutil, tempfile; d = tempfile.mkdtemp(); shutil.rmtree(d)"',
      'python3 -c "print(\'shutil.rmtree(/)\')"',
      "ruby -e 'FileUtils.rm_rf(\"coverage\")'",
      'docker run --rm img python -c "import shutil; shutil.rmtree(\'/\')"',
      'docker run -v "$PWD":/w img python -c "import shutil; shutil.rmtree(\'/w/build\')"',
    ],
  },
};

// ---------------------------------------------------------------------------------------------- writes

/** The same write as a `tee` command line, so protected paths and places outside the workspace are judged the usual way. */
function asTee(w: CodeWrite): string {
  const path = w.path.startsWith('~/') ? '~/' + quoteLiteral(w.path.slice(2)) : w.path === '~' ? '~' : quoteLiteral(w.path);
  return `tee -- ${path}`;
}

const writesFiles: CommandRule = {
  id: 'interpreter.code-writes-files',
  programs: PROGRAMS,
  decision: 'confirm',
  risk: 'medium',
  message: 'This interpreter code writes a file that a shell command writing it would be asked about (a secret, git\'s internals, a file outside the project). Write only what the task needs, inside the project.',
  match: (inv, ctx) =>
    strictestNested(
      inv,
      ctx,
      (effects) => effects.writes,
      (w) => ({ command: asTee(w), via: w.via, line: w.line }),
      (source, w, f) => `${source.label} writes ${w.path} with ${callName(w.via)}${where(source, w.line)}: ${f.message} (${f.rule})`,
    ),
  examples: {
    match: [
      'python3 -c "open(\'.env\', \'w\').write(\'\')"',
      'python3 -c "from pathlib import Path; Path(\'.git/config\').write_text(\'\')"',
      'node -e "require(\'fs\').writeFileSync(\'.git/config\', \'\')"',
      'node -e "require(\'fs\').appendFileSync(process.env.HOME + \'/.bashrc\', \'x\')"',
      "perl -e 'open(my $f, \">\", \"/etc/hosts\")'",
      "ruby -e 'File.write(\".env\", \"\")'",
      "php -r 'file_put_contents(\".env\", \"\");'",
      'python3 -c "import shutil; shutil.copy(\'/tmp/x\', \'.git/hooks/pre-commit\')"',
    ],
    notMatch: [
      'python3 -c "open(\'out.txt\', \'w\').write(\'x\')"',
      'python3 -c "print(open(\'.env\').read())"',
      'node -e "require(\'fs\').writeFileSync(\'dist/version.txt\', \'1\')"',
      'node -e "require(\'fs\').writeFileSync(\'/tmp/x.json\', \'{}\')"',
      "ruby -e 'File.write(\"coverage/.last_run\", \"{}\")'",
      "perl -e 'open(my $f, \"<\", \".env\")'",
    ],
  },
};

export const interpretersPack: RulePack = {
  name: 'interpreter',
  description: 'Python, Node, Perl, Ruby, PHP, Deno and Bun code given inline, in a heredoc or as a script: the shell commands it runs, the paths it deletes and the paths it writes.',
  rules: [runsShellCommand, deletesFiles, writesFiles],
};

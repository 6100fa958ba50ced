/**
 * What a piece of interpreter code does to the machine, as far as its literal arguments tell: which shell
 * commands it runs (`os.system`, `subprocess.run([...])`, `execSync`, Perl/Ruby `system`, backticks) and which
 * paths it deletes (`shutil.rmtree`, `fs.rmSync(…, {recursive: true})`, `FileUtils.rm_rf`, `unlink`), the
 * paths it writes (`open(p, 'w')`, `fs.writeFileSync`, `File.write`, `file_put_contents`, copies and renames onto
 * a path), and the same for code it hands to `exec`/`eval` as a literal string.
 * The interpreter pack judges these with the rest of the guard.
 */
import { DYNAMIC, scanCode, type Call, type CodeLang, type Value } from './code';

export interface ShellRun {
  /** The command as shell text; unknown parts are `$AGENT_GUARD_UNKNOWN`. */
  readonly command: string;
  /** The call that runs it, as written (`os.system`, `child_process.execSync`, backticks). */
  readonly via: string;
  readonly line: number;
}

export interface CodeDeletion {
  /** The path as written (`~` kept); unknown parts removed. */
  readonly path: string;
  /** Part of the path is only known when the code runs. */
  readonly dynamic: boolean;
  /** The literal start of the path, before the first unknown part ('' when it starts unknown). */
  readonly known: string;
  /** Removes a whole tree, not one file or an empty directory. */
  readonly recursive: boolean;
  readonly via: string;
  readonly line: number;
}

/** A path the code writes (creates, overwrites, appends to, copies or moves onto). */
export interface CodeWrite {
  /** The path as written (`~` kept). */
  readonly path: string;
  readonly via: string;
  readonly line: number;
}

export interface CodeEffects {
  readonly shell: readonly ShellRun[];
  readonly deletions: readonly CodeDeletion[];
  readonly writes: readonly CodeWrite[];
}

/** A variable name the shell layer sees as unknown, standing for a part only known at run time. */
export const UNKNOWN_VAR = '$AGENT_GUARD_UNKNOWN';

const SAFE_WORD = /^[A-Za-z0-9_\-.,/:=@%+^]+$/;
const DYNAMIC_ALL = new RegExp(DYNAMIC, 'g');
const SINGLE_QUOTE = /'/g;
const PERL_PREFIX = /^CORE\.|^File\.Path\./;

/** One literal word for a shell command line. */
export function quoteLiteral(s: string): string {
  if (s === '') return "''";
  return SAFE_WORD.test(s) ? s : "'" + s.replace(SINGLE_QUOTE, "'\\''") + "'";
}

/** One argv element as a shell word, keeping unknown parts as an unknown variable. */
function shellWord(v: Value): string {
  if (v.kind !== 'str') return '"' + UNKNOWN_VAR + '"';
  if (!v.text.includes(DYNAMIC)) return quoteLiteral(v.text);
  return v.text
    .split(DYNAMIC)
    .map((piece) => (piece === '' ? '' : quoteLiteral(piece)))
    .join('"' + UNKNOWN_VAR + '"');
}

function shellText(text: string): string {
  return text.replace(DYNAMIC_ALL, UNKNOWN_VAR);
}

function argvText(items: readonly Value[]): string | undefined {
  if (items.length === 0) return undefined;
  return items.map(shellWord).join(' ');
}

/** A command given as one string (run by a shell) or as a list (run directly). */
function commandOf(v: Value | undefined): string | undefined {
  if (!v) return undefined;
  if (v.kind === 'str') return v.text.replace(DYNAMIC_ALL, '').trim() === '' ? undefined : shellText(v.text);
  if (v.kind === 'list') return argvText(v.items);
  return undefined;
}

function isTrue(v: Value | undefined): boolean {
  return v?.kind === 'bool' && v.value;
}

function propOf(v: Value | undefined, key: string): Value | undefined {
  return v?.kind === 'obj' ? v.props.get(key) : undefined;
}

/** The qualifier of a call path: `fs.promises` for `fs.promises.rm`, '' for a bare call. */
function qualifier(c: Call): string {
  const dot = c.path.lastIndexOf('.');
  return dot < 0 ? '' : c.path.slice(0, dot);
}

class Collector {
  readonly shell: ShellRun[] = [];
  readonly deletions: CodeDeletion[] = [];
  readonly writes: CodeWrite[] = [];

  /** Code handed to `exec`/`eval` as a literal string, judged as code of its own after this one. */
  readonly pendingCode: { readonly code: string; readonly lang: CodeLang }[] = [];

  nested(v: Value | undefined, lang: CodeLang): void {
    if (v?.kind === 'str' && !v.dynamic && v.text.trim() !== '') this.pendingCode.push({ code: v.text, lang });
  }

  /** A literal path written; one only known when the code runs is no particular file. */
  write(target: Value | undefined, via: string, line: number): void {
    if (target?.kind !== 'str' || target.dynamic || target.text === '') return;
    this.writes.push({ path: target.text, via, line });
  }

  run(command: string | undefined, via: string, line: number): void {
    if (command !== undefined) this.shell.push({ command, via, line });
  }

  runArgv(items: readonly Value[], via: string, line: number): void {
    this.run(argvText(items), via, line);
  }

  /** Program plus an argument list (`spawn('rm', ['-rf', '/'])`). */
  runProgram(program: Value | undefined, args: Value | undefined, via: string, line: number): void {
    if (!program) return;
    this.runArgv([program, ...(args?.kind === 'list' ? args.items : [])], via, line);
  }

  delete(target: Value | undefined, recursive: boolean, via: string, line: number): void {
    if (!target) return;
    if (target.kind === 'list') {
      for (const item of target.items) this.delete(item, recursive, via, line);
      return;
    }
    if (target.kind !== 'str') return;
    const path = target.text.replace(DYNAMIC_ALL, '');
    if (path === '' && target.dynamic) return; // nothing known about it
    const cut = target.text.indexOf(DYNAMIC);
    const known = cut < 0 ? target.text : target.text.slice(0, cut);
    this.deletions.push({ path, dynamic: target.dynamic || cut >= 0, known, recursive, via, line });
  }
}

// ---------------------------------------------------------------------------------------------- Python

const PY_SHELL = new Set(['os.system', 'os.popen', 'subprocess.getoutput', 'subprocess.getstatusoutput', 'commands.getoutput', 'pty.spawn', 'asyncio.create_subprocess_shell']);
const PY_SUBPROCESS = new Set(['run', 'call', 'check_call', 'check_output', 'Popen']);
const PY_EXEC = /^os\.(?:exec|spawn)(l|v)p?e?$/;
const PY_REMOVE = new Set(['remove', 'unlink', 'rmdir', 'removedirs']);
const PY_PATH_CALL = /(?:^|\.)(?:Path|PosixPath)\(\)$/;

const PY_IMPORT_CALL = /(?:^|\.)(?:__import__|import_module)\(\)$/;

/** `__import__('shutil').rmtree(p)`, `importlib.import_module('os').system(c)`: the same call as `shutil.rmtree(p)`. */
function importedModuleCall(c: Call): Call {
  if (c.receiver?.kind !== 'str' || c.receiver.dynamic || !PY_IMPORT_CALL.test(qualifier(c))) return c;
  return { ...c, path: c.receiver.text + '.' + c.name, receiver: undefined };
}

/** `import shutil as sh` → sh → shutil: calls through an alias are the module's calls. */
function pythonAliases(code: string): Map<string, string> | undefined {
  if (!code.includes(' as ')) return undefined;
  const out = new Map<string, string>();
  for (const m of code.matchAll(/\bimport\s+([\w.]+)\s+as\s+(\w+)/g)) out.set(m[2] ?? '', m[1] ?? '');
  return out.size > 0 ? out : undefined;
}

function unaliased(c: Call, aliases: Map<string, string> | undefined): Call {
  if (aliases === undefined) return c;
  const dot = c.path.indexOf('.');
  const head = dot < 0 ? undefined : aliases.get(c.path.slice(0, dot));
  return head === undefined ? c : { ...c, path: head + c.path.slice(dot) };
}

function python(calls: readonly Call[], code: string, out: Collector): void {
  const fromOs = code.includes('from os import');
  const fromSubprocess = code.includes('from subprocess import');
  const fromShutil = code.includes('from shutil import');
  const aliases = pythonAliases(code);
  for (const call of calls) {
    const c = unaliased(importedModuleCall(call), aliases);
    const q = qualifier(c);
    if (PY_SHELL.has(c.path) || (q === '' && fromOs && (c.name === 'system' || c.name === 'popen'))) {
      out.run(commandOf(c.args[0]), c.path, c.line);
    } else if ((q === 'subprocess' || (q === '' && fromSubprocess)) && PY_SUBPROCESS.has(c.name)) {
      out.run(commandOf(c.args[0] ?? c.named.get('args')), c.path, c.line);
    } else if (c.path === 'asyncio.create_subprocess_exec') {
      out.runArgv(c.args, c.path, c.line);
    } else if (PY_EXEC.test(c.path)) {
      const variant = PY_EXEC.exec(c.path)?.[1];
      const envLast = c.path.endsWith('e');
      if (variant === 'v') {
        const list = c.args[c.path.startsWith('os.spawn') ? 2 : 1];
        if (list?.kind === 'list') out.runArgv(list.items, c.path, c.line);
      } else {
        const from = c.path.startsWith('os.spawn') ? 2 : 1;
        out.runArgv(c.args.slice(from, envLast ? -1 : undefined), c.path, c.line);
      }
    } else if (c.path === 'shutil.rmtree' || (q === '' && fromShutil && c.name === 'rmtree')) {
      out.delete(c.args[0] ?? c.named.get('path'), true, c.path, c.line);
    } else if ((q === 'os' || (q === '' && fromOs)) && PY_REMOVE.has(c.name)) {
      out.delete(c.args[0] ?? c.named.get('path'), false, c.path, c.line);
    } else if ((c.name === 'unlink' || c.name === 'rmdir') && PY_PATH_CALL.test(q)) {
      out.delete(c.receiver, false, c.path, c.line);
    } else if (c.path === 'open' || c.path === 'io.open' || c.path === 'codecs.open') {
      const mode = c.args[1] ?? c.named.get('mode');
      if (mode?.kind === 'str' && /[wax+]/.test(mode.text)) out.write(c.args[0] ?? c.named.get('file'), c.path, c.line);
    } else if (PY_PATH_WRITE.has(c.name) && PY_PATH_CALL.test(q)) {
      out.write(c.receiver, c.path, c.line);
    } else if ((q === 'shutil' || (q === '' && fromShutil)) && PY_COPY.has(c.name) || (q === 'os' || (q === '' && fromOs)) && (c.name === 'rename' || c.name === 'replace')) {
      out.write(c.args[1] ?? c.named.get('dst'), c.path, c.line);
    } else if (c.path === 'exec' || c.path === 'eval') {
      out.nested(c.args[0], 'python');
    }
  }
}

const PY_PATH_WRITE = new Set(['write_text', 'write_bytes', 'touch']);
const PY_COPY = new Set(['copy', 'copy2', 'copyfile', 'copytree', 'move']);

// ---------------------------------------------------------------------------------------------- JavaScript

const JS_SHELL = new Set(['exec', 'execSync']);
const JS_PROGRAM = new Set(['execFile', 'execFileSync', 'spawn', 'spawnSync']);
const JS_RM = new Set(['rm', 'rmSync', 'rmdir', 'rmdirSync']);
const JS_UNLINK = new Set(['unlink', 'unlinkSync']);
const FS_QUALIFIER = /(?:^|\.)(?:fs|fsp|fsPromises|promises|fse|fsExtra|require\(\)|fs\.promises)$/i;
const FS_EXTRA_REMOVE = new Set(['remove', 'removeSync', 'emptyDir', 'emptyDirSync']);

function mentions(code: string, ...names: string[]): boolean {
  for (const n of names) if (code.includes(`'${n}'`) || code.includes(`"${n}"`) || code.includes('`' + n + '`')) return true;
  return false;
}

function javascript(calls: readonly Call[], code: string, out: Collector): void {
  const childProcess = mentions(code, 'child_process', 'node:child_process');
  const fsModule = mentions(code, 'fs', 'node:fs', 'fs/promises', 'node:fs/promises');
  const fsExtra = mentions(code, 'fs-extra');
  for (const c of calls) {
    const q = qualifier(c);
    if (childProcess && JS_SHELL.has(c.name) && !q.endsWith("''")) {
      out.run(commandOf(c.args[0]), c.path, c.line);
    } else if (childProcess && JS_PROGRAM.has(c.name)) {
      out.runProgram(c.args[0], c.args[1], c.path, c.line);
    } else if (c.name === '$' || c.path === 'Bun.$') {
      out.run(commandOf(c.args[0]), c.path === '$' ? '$`…`' : c.path, c.line);
    } else if (c.path === 'Bun.spawn' || c.path === 'Bun.spawnSync') {
      const a = c.args[0];
      const list = a?.kind === 'list' ? a : propOf(a, 'cmd');
      if (list?.kind === 'list') out.runArgv(list.items, c.path, c.line);
    } else if (c.path === 'Deno.Command') {
      out.runProgram(c.args[0], propOf(c.args[1], 'args'), c.path, c.line);
    } else if (c.path === 'Deno.run') {
      const list = propOf(c.args[0], 'cmd');
      if (list?.kind === 'list') out.runArgv(list.items, c.path, c.line);
    } else if (c.name === 'execa' || c.name === 'execaSync') {
      out.runProgram(c.args[0], c.args[1], c.path, c.line);
    } else if (c.name === 'execaCommand' || c.name === 'execaCommandSync') {
      out.run(commandOf(c.args[0]), c.path, c.line);
    } else if (JS_RM.has(c.name) && (FS_QUALIFIER.test(q) || (q === '' && fsModule))) {
      out.delete(c.args[0], isTrue(propOf(c.args[1], 'recursive')), c.path, c.line);
    } else if (JS_UNLINK.has(c.name) && (FS_QUALIFIER.test(q) || (q === '' && fsModule))) {
      out.delete(c.args[0], false, c.path, c.line);
    } else if (FS_EXTRA_REMOVE.has(c.name) && fsExtra && (q === '' || FS_QUALIFIER.test(q))) {
      out.delete(c.args[0], true, c.path, c.line);
    } else if (c.path === 'Deno.remove' || c.path === 'Deno.removeSync') {
      out.delete(c.args[0], isTrue(propOf(c.args[1], 'recursive')), c.path, c.line);
    } else if (c.path === 'rimraf' || c.path === 'rimraf.sync' || c.path === 'rimrafSync') {
      out.delete(c.args[0], true, c.path, c.line);
    } else if (JS_WRITE.has(c.name) && (FS_QUALIFIER.test(q) || (q === '' && (fsModule || fsExtra)))) {
      out.write(c.args[0], c.path, c.line);
    } else if (JS_COPY.has(c.name) && (FS_QUALIFIER.test(q) || (q === '' && (fsModule || fsExtra)))) {
      out.write(c.args[1], c.path, c.line);
    } else if (DENO_WRITE.has(c.path)) {
      out.write(c.args[0], c.path, c.line);
    } else if (c.path === 'eval' || c.path === 'Function' || c.name === 'runInThisContext' || c.name === 'runInNewContext') {
      out.nested(c.args[c.args.length - 1], 'javascript');
    }
  }
}

const JS_WRITE = new Set(['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'truncate', 'truncateSync', 'outputFile', 'outputFileSync', 'writeJson', 'writeJsonSync', 'outputJson', 'outputJsonSync']);
const JS_COPY = new Set(['copyFile', 'copyFileSync', 'cp', 'cpSync', 'rename', 'renameSync', 'copy', 'copySync', 'move', 'moveSync']);
const DENO_WRITE = new Set(['Deno.writeTextFile', 'Deno.writeTextFileSync', 'Deno.writeFile', 'Deno.writeFileSync', 'Bun.write']);

// ---------------------------------------------------------------------------------------------- Perl

function perl(calls: readonly Call[], out: Collector): void {
  for (const c of calls) {
    const name = c.path.replace(PERL_PREFIX, '');
    if (name === 'system' || name === 'exec') {
      const args = c.args.length === 1 && c.args[0]?.kind === 'list' ? c.args[0].items : c.args;
      if (args.length === 1) out.run(commandOf(args[0]), name, c.line);
      else out.runArgv(args, name, c.line);
    } else if (name === 'rmtree' || name === 'remove_tree') {
      for (const a of c.args) out.delete(a, true, name, c.line);
    } else if (name === 'unlink' || name === 'rmdir') {
      for (const a of c.args) out.delete(a, false, name, c.line);
    } else if (name === 'open' || name === 'sysopen') {
      // open(FH, '>', path), open(FH, ">>path"); `<` and `-|` read or run
      const mode = c.args[1];
      if (mode?.kind !== 'str') continue;
      const two = /^\s*(\+?>>?|\+<)\s*(.*)$/.exec(mode.text);
      if (two === null) continue;
      if ((two[2] ?? '') === '') out.write(c.args[2], name, c.line);
      else out.write({ kind: 'str', text: two[2] ?? '', dynamic: mode.dynamic }, name, c.line);
    } else if (name === 'eval' && c.args[0]?.kind === 'str') {
      out.nested(c.args[0], 'perl');
    }
  }
}

// ---------------------------------------------------------------------------------------------- Ruby

const RUBY_SHELL = new Set(['system', 'exec', 'spawn', 'Kernel.system', 'Kernel.exec', 'Kernel.spawn', 'Process.spawn', 'IO.popen', 'Open3.capture2', 'Open3.capture2e', 'Open3.capture3', 'Open3.popen3', 'Open3.popen2', 'Open3.popen2e', 'PTY.spawn']);
const RUBY_RECURSIVE = new Set(['FileUtils.rm_rf', 'FileUtils.rm_r', 'FileUtils.remove_dir', 'FileUtils.remove_entry', 'FileUtils.remove_entry_secure', 'FileUtils.rmtree', 'FileUtils.remove_tree']);
const RUBY_SINGLE = new Set(['FileUtils.rm', 'FileUtils.rm_f', 'FileUtils.remove', 'FileUtils.rmdir', 'FileUtils.safe_unlink', 'File.delete', 'File.unlink', 'Dir.rmdir', 'Dir.delete', 'Dir.unlink']);
const RUBY_PATHNAME = /^Pathname(?:\.new)?\(\)$/;
const RUBY_WRITE = new Set(['File.write', 'IO.write', 'File.binwrite', 'IO.binwrite', 'FileUtils.touch']);
const RUBY_COPY = new Set(['FileUtils.cp', 'FileUtils.copy', 'FileUtils.cp_r', 'FileUtils.mv', 'FileUtils.move', 'FileUtils.install', 'File.rename']);

function ruby(calls: readonly Call[], out: Collector): void {
  for (const c of calls) {
    if (RUBY_SHELL.has(c.path)) {
      // an environment hash may come first: system({'A' => '1'}, 'cmd')
      const args = c.args[0]?.kind === 'obj' ? c.args.slice(1) : c.args;
      if (args.length === 1) out.run(commandOf(args[0]), c.path, c.line);
      else out.runArgv(args, c.path, c.line);
    } else if (RUBY_RECURSIVE.has(c.path)) {
      for (const a of c.args) out.delete(a, true, c.path, c.line);
    } else if (RUBY_SINGLE.has(c.path)) {
      for (const a of c.args) out.delete(a, false, c.path, c.line);
    } else if (RUBY_PATHNAME.test(qualifier(c)) && (c.name === 'rmtree' || c.name === 'unlink' || c.name === 'delete' || c.name === 'rmdir')) {
      out.delete(c.receiver, c.name === 'rmtree', c.path, c.line);
    } else if (RUBY_WRITE.has(c.path) || (c.path === 'File.open' || c.path === 'File.new') && c.args[1]?.kind === 'str' && /[wa+]/.test(c.args[1].text)) {
      out.write(c.args[0], c.path, c.line);
    } else if (RUBY_COPY.has(c.path)) {
      out.write(c.args[1], c.path, c.line);
    } else if (c.path === 'eval' || c.path === 'Kernel.eval' || c.path === 'instance_eval') {
      out.nested(c.args[0], 'ruby');
    }
  }
}

// ---------------------------------------------------------------------------------------------- PHP

const PHP_SHELL = new Set(['system', 'exec', 'shell_exec', 'passthru', 'popen', 'proc_open']);

function php(calls: readonly Call[], out: Collector): void {
  for (const c of calls) {
    if (PHP_SHELL.has(c.path)) out.run(commandOf(c.args[0]), c.path, c.line);
    else if (c.path === 'pcntl_exec') out.runProgram(c.args[0], c.args[1], c.path, c.line);
    else if (c.path === 'unlink' || c.path === 'rmdir') out.delete(c.args[0], false, c.path, c.line);
    else if (c.path === 'file_put_contents' || c.path === 'touch' || c.path === 'fopen' && c.args[1]?.kind === 'str' && /[waxc+]/.test(c.args[1].text)) out.write(c.args[0], c.path, c.line);
    else if (c.path === 'copy' || c.path === 'rename') out.write(c.args[1], c.path, c.line);
    else if (c.path === 'eval') out.nested(c.args[0], 'php');
  }
}

/** How deep code handed to `exec`/`eval` as a literal is followed (each level is a shorter string). */
const MAX_NESTED_CODE = 4;

/** The shell commands a piece of code runs, the paths it deletes and writes, from its literal arguments. */
export function codeEffects(code: string, lang: CodeLang): CodeEffects {
  const out = new Collector();
  collect(code, lang, out, 0);
  out.shell.sort((a, b) => a.line - b.line);
  return { shell: out.shell, deletions: out.deletions, writes: out.writes };
}

function collect(code: string, lang: CodeLang, out: Collector, depth: number): void {
  const scan = scanCode(code, lang);
  for (const lit of scan.execLiterals) out.run(commandOf({ kind: 'str', text: lit.text, dynamic: lit.dynamic }), 'backticks', lit.line);
  switch (lang) {
    case 'python': python(scan.calls, code, out); break;
    case 'javascript': javascript(scan.calls, code, out); break;
    case 'perl': perl(scan.calls, out); break;
    case 'ruby': ruby(scan.calls, out); break;
    case 'php': php(scan.calls, out); break;
  }
  const nested = out.pendingCode.splice(0);
  if (depth >= MAX_NESTED_CODE) return;
  for (const n of nested) collect(n.code, n.lang, out, depth + 1);
}

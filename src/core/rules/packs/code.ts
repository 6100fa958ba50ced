/**
 * Reading one-liners and small scripts in Python, JavaScript, Perl, Ruby and PHP far enough to find calls and
 * the literal values passed to them: `os.system('rm -rf /')`, `fs.rmSync(p, {recursive: true})`,
 * `system "…"`, backticks. Strings, comments and regex literals are skipped properly, so a word inside a
 * string never looks like a call. Parts of a string only known at run time (f-string fields, `${x}`,
 * `#{x}`, `$var`, concatenated variables) are kept as the `DYNAMIC` marker.
 */

export type CodeLang = 'python' | 'javascript' | 'perl' | 'ruby' | 'php';

/** Stands for a part of a string that is only known when the code runs. */
export const DYNAMIC = '\u0000';

export interface Tok {
  readonly k: 'id' | 'str' | 'p' | 'num';
  readonly v: string;
  readonly line: number;
  /** `str`: contains DYNAMIC parts. */
  readonly dyn?: boolean;
  /** `str`: runs as a shell command (backticks, `qx{}`, `%x()`). */
  readonly exec?: boolean;
  /** `str`: a word list (`qw()`, `%w()`). */
  readonly list?: readonly string[];
}

export type Value =
  | { readonly kind: 'str'; readonly text: string; readonly dynamic: boolean }
  | { readonly kind: 'list'; readonly items: readonly Value[] }
  | { readonly kind: 'obj'; readonly props: ReadonlyMap<string, Value> }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'unknown' };

export const UNKNOWN: Value = { kind: 'unknown' };

export interface Call {
  /** The called name: the last identifier (`run` of `subprocess.run`). */
  readonly name: string;
  /** The whole callee as written, calls shown as `()`: `subprocess.run`, `Path().unlink`, `require().execSync`. */
  readonly path: string;
  readonly args: readonly Value[];
  /** Keyword arguments: Python `shell=True`, Ruby `secure: true`. */
  readonly named: ReadonlyMap<string, Value>;
  /** For a method called on a call's result (`Path('/x').unlink()`), that call's first argument. */
  readonly receiver: Value | undefined;
  readonly line: number;
}

export interface CodeScan {
  readonly tokens: readonly Tok[];
  readonly calls: readonly Call[];
  /** Backtick / `qx` / `%x` literals: shell commands run as they are read. */
  readonly execLiterals: readonly { readonly text: string; readonly dynamic: boolean; readonly line: number }[];
}

/** Character classes by code, without a regex per character (the lexer's hot path). */
function isIdStart(c: string): boolean {
  const k = c.charCodeAt(0);
  return (k >= 65 && k <= 90) || (k >= 97 && k <= 122) || k === 95;
}
function isDigit(c: string): boolean {
  const k = c.charCodeAt(0);
  return k >= 48 && k <= 57;
}
function isIdChar(c: string): boolean {
  return isIdStart(c) || isDigit(c);
}
const PY_PREFIX = /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])$/;
const SPACE = /\s/;
const SPACES = /\s+/;
const LOWER = /[a-z]/;
const VAR_START = /[A-Za-z_{:]/;
const VAR_CHAR = /[A-Za-z0-9_:]/;
const NOT_PERL_DELIMITER = /[\sA-Za-z0-9_,;=)}\]>]/;
const NOT_RUBY_DELIMITER = /[\sA-Za-z0-9_=]/;
const RUBY_PERCENT_TYPES = 'xwWqQirsI';
const PERCENT_FORMAT = /%[-#0 +]*[0-9]*(?:\.[0-9]+)?[sdirf]/g;
const BRACE_FORMAT = /\{[^{}]*\}/g;
const PERL_QUOTE_OPS = new Set(['q', 'qq', 'qw', 'qx', 'm', 'qr', 's', 'tr', 'y']);
const TWO_CHAR_OPS = new Set(['::', '->', '=>', '==', '!=', '<=', '>=', '=~', '!~', '**', '&&', '||', '?.', '//', '..', '+=', '-=']);
const REGEX_AFTER_WORDS = new Set(['return', 'typeof', 'and', 'or', 'not', 'if', 'unless', 'split', 'grep', 'map', 'when', 'while', 'until', 'in', 'of', 'case', 'yield']);
const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '<': '>' };

function charAt(s: string, i: number): string {
  return s[i] ?? '';
}

/** Whether a token ends a value, so a following `/` or `%` is an operator rather than a literal. */
function endsValue(t: Tok | undefined): boolean {
  if (!t) return false;
  if (t.k === 'num' || t.k === 'str') return true;
  if (t.k === 'id') return !REGEX_AFTER_WORDS.has(t.v);
  return t.v === ')' || t.v === ']' || t.v === '}';
}

type Interp = 'none' | 'python' | 'js' | 'perl' | 'ruby' | 'php';

class Lexer {
  private i = 0;
  private line = 1;
  readonly out: Tok[] = [];

  constructor(
    private readonly s: string,
    private readonly lang: CodeLang,
  ) {}

  run(): Tok[] {
    const s = this.s;
    const lang = this.lang;
    while (this.i < s.length) {
      const c = charAt(s, this.i);
      const next = charAt(s, this.i + 1);
      if (c === '\n') {
        this.line++;
        this.i++;
        continue;
      }
      if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || (c === '\\' && next === '\n')) {
        this.i++;
        continue;
      }
      // comments
      if (c === '#' && (lang === 'python' || lang === 'perl' || lang === 'ruby' || lang === 'php')) {
        this.skipLine();
        continue;
      }
      if (c === '/' && next === '/' && (lang === 'javascript' || lang === 'php')) {
        this.skipLine();
        continue;
      }
      if (c === '/' && next === '*' && (lang === 'javascript' || lang === 'php')) {
        const e = s.indexOf('*/', this.i + 2);
        this.advanceTo(e < 0 ? s.length : e + 2);
        continue;
      }
      if (lang === 'ruby' && c === '=' && s.startsWith('=begin', this.i) && (this.i === 0 || charAt(s, this.i - 1) === '\n')) {
        const e = s.indexOf('\n=end', this.i);
        this.advanceTo(e < 0 ? s.length : e + 5);
        continue;
      }
      // strings
      if (c === '"' || c === "'") {
        this.quoted(c, lang === 'python' ? 'py' : lang);
        continue;
      }
      if (c === '`') {
        if (lang === 'javascript') this.readString('`', '`', 'all', 'js', { exec: false });
        else if (lang === 'python') this.punct('`');
        else this.readString('`', '`', 'all', lang === 'php' ? 'php' : lang === 'perl' ? 'perl' : 'ruby', { exec: true });
        continue;
      }
      if (lang === 'ruby' && c === '%' && (!endsValue(this.last()) || this.looksLikeArgument())) {
        if (this.rubyPercent()) continue;
      }
      if (c === '/' && (lang === 'javascript' || lang === 'ruby' || lang === 'perl') && !endsValue(this.last()) && next !== '/' && next !== '*') {
        this.skipRegex(this.i, '/', true);
        this.out.push({ k: 'str', v: '', line: this.line, dyn: true });
        continue;
      }
      if (isIdStart(c) || ((c === '$' || c === '@') && lang !== 'python') || (c === '$' && lang === 'javascript')) {
        this.word();
        continue;
      }
      if (isDigit(c)) {
        let j = this.i + 1;
        while (j < s.length && (isIdChar(charAt(s, j)) || charAt(s, j) === '.')) j++;
        this.out.push({ k: 'num', v: s.slice(this.i, j), line: this.line });
        this.i = j;
        continue;
      }
      const two = c + next;
      if (TWO_CHAR_OPS.has(two)) {
        this.out.push({ k: 'p', v: two, line: this.line });
        this.i += 2;
        continue;
      }
      this.punct(c);
    }
    return this.out;
  }

  /** `puts %w(a b)`: after a word, a space before and none after mean a literal, not modulo. */
  private looksLikeArgument(): boolean {
    const before = charAt(this.s, this.i - 1);
    const after = charAt(this.s, this.i + 1);
    return this.last()?.k === 'id' && (before === ' ' || before === '\t') && after !== ' ' && after !== '=';
  }

  private last(): Tok | undefined {
    return this.out[this.out.length - 1];
  }

  private punct(c: string): void {
    this.out.push({ k: 'p', v: c, line: this.line });
    this.i++;
  }

  private advanceTo(j: number): void {
    for (let k = this.i; k < j; k++) if (this.s[k] === '\n') this.line++;
    this.i = j;
  }

  private skipLine(): void {
    const e = this.s.indexOf('\n', this.i);
    this.i = e < 0 ? this.s.length : e;
  }

  private quoted(q: string, lang: CodeLang | 'py'): void {
    if (lang === 'py') {
      const triple = this.s.startsWith(q + q + q, this.i);
      this.readString(q, triple ? q + q + q : q, 'all', 'none', { exec: false });
      return;
    }
    if (q === "'") {
      this.readString(q, q, lang === 'javascript' ? 'all' : 'quote-only', 'none', { exec: false });
      return;
    }
    const interp: Interp = lang === 'javascript' ? 'none' : lang;
    this.readString(q, q, 'all', interp, { exec: false });
  }

  private word(): void {
    const s = this.s;
    const start = this.i;
    let j = this.i;
    const c0 = charAt(s, j);
    if (c0 === '$' || c0 === '@') {
      j++;
      if (this.lang === 'perl' && charAt(s, j) === '#') j++;
      if (this.lang === 'ruby' && charAt(s, j) === '@') j++;
    }
    while (j < s.length && (isIdChar(charAt(s, j)) || (this.lang === 'javascript' && charAt(s, j) === '$'))) j++;
    // Ruby method names may end in ? or !
    if (this.lang === 'ruby' && (charAt(s, j) === '?' || charAt(s, j) === '!') && charAt(s, j + 1) !== '=') j++;
    const w = s.slice(start, j);
    const after = charAt(s, j);
    // Python string prefixes: r'…', f"…", rb'…'
    if (this.lang === 'python' && (after === '"' || after === "'") && PY_PREFIX.test(w)) {
      this.i = j;
      const triple = s.startsWith(after + after + after, j);
      const raw = w.includes('r') || w.includes('R');
      const fmt = w.includes('f') || w.includes('F');
      this.readString(after, triple ? after.repeat(3) : after, raw ? 'raw' : 'all', fmt ? 'python' : 'none', { exec: false });
      return;
    }
    // Perl quote-like operators: q{…} qq(…) qw/…/ qx{…} m/…/ s/…/…/ tr/…/…/
    if (this.lang === 'perl' && PERL_QUOTE_OPS.has(w) && !this.isPerlSubscript(start)) {
      const d = after;
      if (d !== '' && !NOT_PERL_DELIMITER.test(d)) {
        this.i = j;
        this.perlQuoteLike(w, d);
        return;
      }
    }
    if (w.length === 0) {
      this.punct(c0);
      return;
    }
    this.out.push({ k: 'id', v: w, line: this.line });
    this.i = j;
  }

  private isPerlSubscript(start: number): boolean {
    const prev = charAt(this.s, start - 1);
    const prevTok = this.last();
    return prev === '{' || prev === '$' || prev === '@' || prev === '%' || prev === '&' || (prevTok?.k === 'p' && prevTok.v === '->');
  }

  private perlQuoteLike(op: string, open: string): void {
    const close = CLOSERS[open] ?? open;
    if (op === 'm' || op === 'qr') {
      this.skipRegex(this.i, open, true);
      this.out.push({ k: 'str', v: '', line: this.line, dyn: true });
      return;
    }
    if (op === 's' || op === 'tr' || op === 'y') {
      if (close !== open) {
        // s{…}{…}: the second part has its own brackets, maybe after spaces
        this.skipRegex(this.i, open, false);
        while (SPACE.test(charAt(this.s, this.i))) this.advanceTo(this.i + 1);
        this.skipRegex(this.i, charAt(this.s, this.i), true);
      } else {
        // s/…/…/: the middle delimiter opens the replacement
        this.skipRegex(this.i, open, false);
        this.skipRegex(this.i - 1, open, true);
      }
      this.out.push({ k: 'str', v: '', line: this.line, dyn: true });
      return;
    }
    const interp: Interp = op === 'qq' || op === 'qx' ? 'perl' : 'none';
    const escapes = op === 'q' || op === 'qw' ? 'quote-only' : 'all';
    this.readString(open, close, escapes, interp, { exec: op === 'qx', list: op === 'qw' });
  }

  /** Ruby `%x(…)`, `%w[…]`, `%q{…}`, `%(…)`, `%r{…}`. Returns false when `%` is an operator. */
  private rubyPercent(): boolean {
    const s = this.s;
    let j = this.i + 1;
    let type = charAt(s, j);
    if (RUBY_PERCENT_TYPES.includes(type) && type !== '') j++;
    else type = 'Q';
    const open = charAt(s, j);
    if (open === '' || NOT_RUBY_DELIMITER.test(open)) return false;
    const close = CLOSERS[open] ?? open;
    this.i = j;
    if (type === 'r') {
      this.skipRegex(this.i, open, true);
      this.out.push({ k: 'str', v: '', line: this.line, dyn: true });
      return true;
    }
    const interp: Interp = type === 'q' || type === 'w' || type === 'i' || type === 's' ? 'none' : 'ruby';
    this.readString(open, close, type === 'q' || type === 'w' ? 'quote-only' : 'all', interp, { exec: type === 'x', list: type === 'w' || type === 'W' || type === 'i' || type === 'I' });
    return true;
  }

  /** Skip a regex literal whose opening delimiter is at `at`; stops after the closing one (and its flags). */
  private skipRegex(at: number, open: string, flags: boolean): void {
    const s = this.s;
    const close = CLOSERS[open] ?? open;
    let j = at + 1;
    let depth = 1;
    let inClass = false;
    while (j < s.length) {
      const c = charAt(s, j);
      if (c === '\\') {
        j += 2;
        continue;
      }
      if (c === '\n' && open === '/' && this.lang === 'javascript') break;
      if (open === '/' && c === '[') inClass = true;
      else if (open === '/' && c === ']') inClass = false;
      else if (!inClass) {
        if (c === close && close !== open) {
          depth--;
          if (depth === 0) break;
        } else if (c === open && close !== open) depth++;
        else if (c === close) break;
      }
      j++;
    }
    j++;
    if (flags) while (j < s.length && LOWER.test(charAt(s, j))) j++;
    this.advanceTo(j);
  }

  /**
   * Read a string whose opening delimiter is at `this.i` (length of `open`... one char, or three for
   * Python triple quotes, given by `close`).
   */
  private readString(open: string, close: string, escapes: 'all' | 'quote-only' | 'raw', interp: Interp, opts: { exec: boolean; list?: boolean }): void {
    const s = this.s;
    const line = this.line;
    let j = this.i + close.length;
    let out = '';
    let dyn = false;
    let depth = 1;
    // bracket pairs nest (`q{a{b}c}`); quotes, also tripled, do not
    const nests = CLOSERS[open] === close;
    while (j < s.length) {
      const c = charAt(s, j);
      if (c === '\\' && escapes !== 'raw') {
        const e = charAt(s, j + 1);
        if (escapes === 'quote-only') {
          out += e === '\\' || e === open || e === close ? e : c + e;
        } else {
          out += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === '0' ? '' : e;
        }
        j += 2;
        continue;
      }
      if (c === '\\' && escapes === 'raw') {
        out += c + charAt(s, j + 1);
        j += 2;
        continue;
      }
      if (nests && c === open) depth++;
      if (s.startsWith(close, j)) {
        if (!nests || --depth === 0) {
          j += close.length;
          break;
        }
      }
      // interpolation
      if (interp === 'python' && c === '{') {
        if (charAt(s, j + 1) === '{') {
          out += '{';
          j += 2;
          continue;
        }
        j = skipBalanced(s, j, '{', '}');
        out += DYNAMIC;
        dyn = true;
        continue;
      }
      if (interp === 'python' && c === '}' && charAt(s, j + 1) === '}') {
        out += '}';
        j += 2;
        continue;
      }
      if (interp === 'js' && c === '$' && charAt(s, j + 1) === '{') {
        j = skipBalanced(s, j + 1, '{', '}');
        out += DYNAMIC;
        dyn = true;
        continue;
      }
      if (interp === 'ruby' && c === '#' && charAt(s, j + 1) === '{') {
        j = skipBalanced(s, j + 1, '{', '}');
        out += DYNAMIC;
        dyn = true;
        continue;
      }
      if ((interp === 'perl' || interp === 'php') && (c === '$' || (c === '@' && interp === 'perl')) && VAR_START.test(charAt(s, j + 1))) {
        j = skipVariable(s, j + 1);
        out += DYNAMIC;
        dyn = true;
        continue;
      }
      if (interp === 'php' && c === '{' && charAt(s, j + 1) === '$') {
        j = skipBalanced(s, j, '{', '}');
        out += DYNAMIC;
        dyn = true;
        continue;
      }
      out += c;
      j++;
    }
    this.advanceTo(j);
    const tok: Tok = opts.list
      ? { k: 'str', v: out, line, list: out.split(SPACES).filter((w) => w.length > 0) }
      : opts.exec
        ? { k: 'str', v: out, line, dyn, exec: true }
        : { k: 'str', v: out, line, dyn };
    this.out.push(tok);
  }
}

/** Index just after the bracket that closes the one at `at`. */
function skipBalanced(s: string, at: number, open: string, close: string): number {
  let depth = 0;
  for (let j = at; j < s.length; j++) {
    const c = s[j];
    if (c === open) depth++;
    else if (c === close && --depth === 0) return j + 1;
  }
  return s.length;
}

/** After `$`/`@` in an interpolating string: the name, then any `[…]`, `{…}`, `->[…]` subscripts. */
function skipVariable(s: string, at: number): number {
  let j = at;
  if (s[j] === '{') return skipBalanced(s, j, '{', '}');
  while (j < s.length && VAR_CHAR.test(s[j] ?? '')) j++;
  for (;;) {
    if (s.startsWith('->', j) && (s[j + 2] === '[' || s[j + 2] === '{')) j += 2;
    const c = s[j];
    if (c === '[') j = skipBalanced(s, j, '[', ']');
    else if (c === '{') j = skipBalanced(s, j, '{', '}');
    else return j;
  }
}

export function tokenize(code: string, lang: CodeLang): Tok[] {
  return new Lexer(code, lang).run();
}

// ---------------------------------------------------------------------------------------------- values

const OPEN_TO_CLOSE: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/** Index of the token closing the bracket at `i`, or tokens.length. */
function matching(tokens: readonly Tok[], i: number): number {
  const open = tokens[i]?.v ?? '';
  const close = OPEN_TO_CLOSE[open];
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j];
    if (!t || t.k !== 'p') continue;
    if (t.v === open) depth++;
    else if (t.v === close && --depth === 0) return j;
  }
  return tokens.length;
}

/** Split tokens on top-level commas. */
function splitTop(tokens: readonly Tok[]): Tok[][] {
  const out: Tok[][] = [];
  let cur: Tok[] = [];
  let depth = 0;
  for (const t of tokens) {
    if (t.k === 'p') {
      if (t.v === '(' || t.v === '[' || t.v === '{') depth++;
      else if (t.v === ')' || t.v === ']' || t.v === '}') depth--;
      else if (t.v === ',' && depth === 0) {
        out.push(cur);
        cur = [];
        continue;
      }
    }
    cur.push(t);
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

function shape(tokens: readonly Tok[]): string {
  let out = '';
  for (const t of tokens) out += t.k === 'str' ? `'${t.v}'` : t.v;
  return out;
}

/** Expressions that mean "the home directory" in the five languages. */
const HOME_SHAPES = new Set([
  "os.environ['HOME']", "environ['HOME']", "os.getenv('HOME')", "getenv('HOME')", "os.environ.get('HOME')",
  'os.path.expanduser(\'~\')', 'Path.home()', 'pathlib.Path.home()', 'os.homedir()', 'homedir()', "require('os').homedir()",
  "require('node:os').homedir()", 'process.env.HOME', "process.env['HOME']", "Deno.env.get('HOME')", 'Bun.env.HOME',
  "ENV['HOME']", "ENV.fetch('HOME')", 'Dir.home', '$ENV{HOME}', "$ENV{'HOME'}", "$_SERVER['HOME']", "$_ENV['HOME']",
]);

/** Expressions that mean "the working directory" (the code runs where the command runs). */
const CWD_SHAPES = new Set([
  'os.getcwd()', 'getcwd()', 'Path.cwd()', 'pathlib.Path.cwd()', 'os.curdir', 'process.cwd()', 'Deno.cwd()', 'Dir.pwd', 'Dir.getwd', 'FileUtils.pwd',
  "require('process').cwd()", 'cwd()',
]);

/** `__import__('os').path.expanduser('~')` is `os.path.expanduser('~')`. */
function withoutDynamicImports(shape: string): string {
  return shape.includes('import') ? shape.replace(/(?:__import__|(?:importlib\.)?import_module)\('([\w.]+)'\)/g, '$1') : shape;
}

const CONCAT_PY_JS_RUBY = new Set(['+']);
const CONCAT_PERL_PHP = new Set(['.']);
const PATH_JOIN = /(?:^|\.)(?:path\.join|path\.resolve|posixpath\.join|File\.join|path\.posix\.join|join_paths)$/;
const PATH_IDENTITY = /(?:^|\.)(?:expanduser|expand_path|abspath|realpath|normpath|resolve|Path|PosixPath|PurePath|PurePosixPath|Pathname|new|fspath|str|String|strval|realpath_sync)$/;

export function strValue(text: string, dynamic: boolean): Value {
  return { kind: 'str', text, dynamic };
}

class Evaluator {
  constructor(private readonly lang: CodeLang) {}

  private concatOps(): ReadonlySet<string> {
    return this.lang === 'perl' || this.lang === 'php' ? CONCAT_PERL_PHP : CONCAT_PY_JS_RUBY;
  }

  expr(tokens: readonly Tok[]): Value {
    if (tokens.length === 0) return UNKNOWN;
    // split on top-level concatenation operators
    const ops = this.concatOps();
    const operands: Tok[][] = [];
    let cur: Tok[] = [];
    let depth = 0;
    for (const t of tokens) {
      if (t.k === 'p') {
        if (t.v === '(' || t.v === '[' || t.v === '{') depth++;
        else if (t.v === ')' || t.v === ']' || t.v === '}') depth--;
        else if (depth === 0 && ops.has(t.v)) {
          operands.push(cur);
          cur = [];
          continue;
        }
      }
      cur.push(t);
    }
    operands.push(cur);
    if (operands.length === 1) return this.operand(tokens);
    let text = '';
    let dynamic = false;
    for (const o of operands) {
      const v = this.operand(o);
      if (v.kind === 'str') {
        text += v.text;
        dynamic ||= v.dynamic;
      } else {
        text += DYNAMIC;
        dynamic = true;
      }
    }
    return strValue(text, dynamic);
  }

  operand(t: readonly Tok[]): Value {
    const first = t[0];
    if (!first) return UNKNOWN;
    const sh = withoutDynamicImports(shape(t));
    if (HOME_SHAPES.has(sh)) return strValue('~', false);
    if (CWD_SHAPES.has(sh)) return strValue('.', false);
    if (t.length === 1) {
      if (first.k === 'str') {
        if (first.exec) return UNKNOWN;
        if (first.list) return { kind: 'list', items: first.list.map((w) => strValue(w, false)) };
        return strValue(first.v, first.dyn === true);
      }
      if (first.k === 'id') {
        if (first.v === 'True' || first.v === 'true' || first.v === 'TRUE') return { kind: 'bool', value: true };
        if (first.v === 'False' || first.v === 'false' || first.v === 'FALSE') return { kind: 'bool', value: false };
      }
      if (first.k === 'num') return { kind: 'bool', value: first.v !== '0' };
      return UNKNOWN;
    }
    // Python `'rm -rf %s' % x` and `'rm -rf {}'.format(x)`: the placeholders are dynamic
    if (first.k === 'str' && t[1]?.k === 'p' && t[1].v === '%') {
      return strValue(first.v.replace(PERCENT_FORMAT, DYNAMIC), true);
    }
    if (first.k === 'str' && t[1]?.v === '.' && t[2]?.v === 'format') {
      return strValue(first.v.replace(BRACE_FORMAT, DYNAMIC), true);
    }
    const close = first.k === 'p' ? matching(t, 0) : -1;
    if (first.k === 'p' && close === t.length - 1) {
      const inner = splitTop(t.slice(1, -1));
      if (first.v === '[' || (first.v === '(' && (this.lang === 'perl' || inner.length > 1))) {
        return { kind: 'list', items: inner.map((part) => this.expr(part)) };
      }
      if (first.v === '(') return this.expr(t.slice(1, -1));
      if (first.v === '{') return this.object(inner);
    }
    // a call: callee(args) — only a few path helpers are understood
    if (first.k === 'id') {
      let j = 0;
      while (t[j + 1]?.v === '.' || t[j + 1]?.v === '::') j += 2;
      const open = t[j + 1];
      if (open?.v === '(' && matching(t, j + 1) === t.length - 1) {
        const callee = t.slice(0, j + 1).map((x) => x.v).join('');
        const args = splitTop(t.slice(j + 2, -1)).map((a) => this.expr(a));
        return pathCall(callee, args);
      }
    }
    return UNKNOWN;
  }

  object(parts: readonly Tok[][]): Value {
    const props = new Map<string, Value>();
    for (const p of parts) {
      const key = p[0];
      const sep = p[1];
      if (key && sep && (sep.v === ':' || sep.v === '=>') && (key.k === 'id' || key.k === 'str')) {
        props.set(key.v, this.expr(p.slice(2)));
      }
    }
    return { kind: 'obj', props };
  }
}

/** Glob helpers: what they return stands for the paths their pattern matches (`unlink glob("~/*")`). */
const GLOB_CALL = /^(?:glob|(?:glob|Dir|File)(?:\.|::)glob|glob\.iglob|globSync|(?:glob|fg|fastGlob)\.sync)$/;

/** Path helpers whose result can be told from their literal arguments. */
function pathCall(callee: string, args: readonly Value[]): Value {
  if (GLOB_CALL.test(callee) && args[0]?.kind === 'str') return args[0];
  if (PATH_JOIN.test(callee)) {
    let text = '';
    let dynamic = false;
    for (const a of args) {
      const part = a.kind === 'str' ? a.text : DYNAMIC;
      dynamic ||= a.kind !== 'str' || a.dynamic;
      text = part.startsWith('/') ? part : text === '' ? part : text.endsWith('/') ? text + part : text + '/' + part;
    }
    return strValue(text, dynamic);
  }
  if (PATH_IDENTITY.test(callee) && args.length >= 1) {
    const a = args[0];
    if (a?.kind === 'str') return args.length === 1 ? a : pathCall('path.join', args);
  }
  return UNKNOWN;
}

// ---------------------------------------------------------------------------------------------- calls

/** Names that Perl and Ruby call without parentheses (`system "…"`, `FileUtils.rm_rf '/x'`). */
const PARENLESS = new Set([
  'system', 'exec', 'spawn', 'unlink', 'rmdir', 'rmtree', 'remove_tree', 'rm_rf', 'rm_r', 'rm', 'rm_f', 'remove_dir',
  'remove_entry', 'remove_entry_secure', 'delete', 'remove', 'capture2', 'capture2e', 'capture3', 'popen', 'popen3',
]);
/** Ruby methods that destroy what they are called on and take no arguments (`Pathname.new(d).rmtree`). */
const RUBY_NO_ARG_METHODS = new Set(['rmtree', 'unlink', 'delete', 'rmdir']);
const PARENLESS_STOP = new Set([';', ')', '}', ']', 'if', 'unless', 'or', 'and', '||', '&&', 'do', '{']);

/** Walk back from the method name at `i` over `a.b`, `x()`, `y[…]` to build the callee path. */
function calleeBefore(tokens: readonly Tok[], i: number): { path: string; receiverOpen: number | undefined } {
  let path = tokens[i]?.v ?? '';
  let j = i - 1;
  let receiverOpen: number | undefined;
  let first = true;
  while (j >= 1) {
    const sep = tokens[j];
    if (!sep || sep.k !== 'p' || (sep.v !== '.' && sep.v !== '::' && sep.v !== '->' && sep.v !== '?.')) break;
    const prev = tokens[j - 1];
    if (!prev) break;
    if (prev.k === 'id') {
      path = prev.v + '.' + path;
      j -= 2;
    } else if (prev.k === 'p' && (prev.v === ')' || prev.v === ']')) {
      const openV = prev.v === ')' ? '(' : '[';
      let depth = 0;
      let k = j - 1;
      for (; k >= 0; k--) {
        const t = tokens[k];
        if (t?.k !== 'p') continue;
        if (t.v === prev.v) depth++;
        else if (t.v === openV && --depth === 0) break;
      }
      if (k < 0) break;
      if (openV === '(' && first) receiverOpen = k;
      path = (openV === '(' ? '()' : '[]') + '.' + path;
      j = k - 1;
      // the called name before `(`
      const callee = tokens[j];
      if (callee?.k === 'id') {
        path = callee.v + path;
        j -= 1;
      }
    } else if (prev.k === 'str') {
      path = "''." + path;
      break;
    } else break;
    first = false;
  }
  return { path, receiverOpen };
}

function argsOf(ev: Evaluator, tokens: readonly Tok[], lang: CodeLang): { args: Value[]; named: Map<string, Value> } {
  const args: Value[] = [];
  const named = new Map<string, Value>();
  for (const part of splitTop(tokens)) {
    const a = part[0];
    const b = part[1];
    if (a?.k === 'id' && b?.k === 'p' && ((lang === 'python' && b.v === '=') || (lang === 'ruby' && b.v === ':')) && part.length > 2) {
      named.set(a.v, ev.expr(part.slice(2)));
      continue;
    }
    if (lang === 'ruby' && a?.k === 'p' && a.v === ':' && part[1]?.k === 'id' && part[2]?.v === '=>') {
      named.set(part[1].v, ev.expr(part.slice(3)));
      continue;
    }
    args.push(ev.expr(part));
  }
  return { args, named };
}

/** Find every call with its literal arguments, and every shell-running literal. */
export function scanCode(code: string, lang: CodeLang): CodeScan {
  const tokens = tokenize(code, lang);
  const ev = new Evaluator(lang);
  const calls: Call[] = [];
  const execLiterals: { text: string; dynamic: boolean; line: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    if (t.k === 'str' && t.exec) {
      execLiterals.push({ text: t.v, dynamic: t.dyn === true, line: t.line });
      continue;
    }
    if (t.k !== 'id') continue;
    const next = tokens[i + 1];
    if (!next) continue;
    // JS tagged template `$\`…\`` (zx, Bun shell)
    if (lang === 'javascript' && next.k === 'str' && (t.v === '$' || t.v === 'sh') && !next.list) {
      const { path } = calleeBefore(tokens, i);
      calls.push({ name: t.v, path, args: [strValue(next.v, next.dyn === true)], named: new Map(), receiver: undefined, line: t.line });
      continue;
    }
    let argTokens: readonly Tok[] | undefined;
    if (next.k === 'p' && next.v === '(') {
      argTokens = tokens.slice(i + 2, matching(tokens, i + 1));
    } else if ((lang === 'perl' || lang === 'ruby') && PARENLESS.has(t.v) && (lang === 'perl' || next.line === t.line) && (next.k === 'str' || next.k === 'id' || (next.k === 'p' && next.v === '['))) {
      if (next.k === 'id' && (next.v === 'if' || next.v === 'unless' || next.v === 'or' || next.v === 'and' || next.v === 'do')) continue;
      const from = i + 1;
      let j = from;
      let depth = 0;
      for (; j < tokens.length; j++) {
        const u = tokens[j];
        if (!u) break;
        if (lang === 'ruby' && u.line !== t.line && depth === 0 && tokens[j - 1]?.v !== ',') break;
        if (u.k === 'p' && (u.v === '(' || u.v === '[' || u.v === '{') && !(depth === 0 && u.v === '{' && lang === 'ruby')) depth++;
        else if (u.k === 'p' && (u.v === ')' || u.v === ']' || u.v === '}') && depth > 0) depth--;
        else if (depth === 0 && PARENLESS_STOP.has(u.v) && (u.k === 'p' || u.k === 'id')) break;
      }
      argTokens = tokens.slice(from, j);
    } else if (lang === 'ruby' && tokens[i - 1]?.v === '.' && RUBY_NO_ARG_METHODS.has(t.v)) {
      argTokens = [];
    }
    if (argTokens === undefined) continue;
    const { path, receiverOpen } = calleeBefore(tokens, i);
    let receiver: Value | undefined;
    if (receiverOpen !== undefined) {
      const inner = tokens.slice(receiverOpen + 1, matching(tokens, receiverOpen));
      receiver = argsOf(ev, inner, lang).args[0];
    }
    const { args, named } = argsOf(ev, argTokens, lang);
    calls.push({ name: t.v, path, args, named, receiver, line: t.line });
  }
  return { tokens, calls, execLiterals };
}

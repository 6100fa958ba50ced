/**
 * A hand-written recursive-descent parser for the bash command language (see ARCHITECTURE.md for why this
 * and not tree-sitter). Scannerless: quoting and expansions are read in context, the way bash reads them.
 * It never guesses: anything it does not understand is a ParseError, which the evaluator turns into `confirm`.
 */
import type {
  Assignment, CaseNode, ForNode, HeredocBody, IfNode, ListNode, ListOp, LoopNode, Node, Part, RedirectNode,
  RedirectOperator, SimpleNode, Word,
} from './ast';
import { plainCommandEnd } from './plainCommand';

export class ParseError extends Error {
  constructor(message: string, readonly offset: number, readonly limit: boolean = false) {
    super(message);
    this.name = 'ParseError';
  }
}

export interface ParseLimits {
  /** Maximum input length in characters. */
  readonly maxLength: number;
  /** Maximum nesting of lists, substitutions and compound commands. */
  readonly maxDepth: number;
  /**
   * Parse function bodies (an error in one is still an error) but keep `DROPPED_BODY` in their place: for a
   * script whose functions are judged by name (an installed tool's), so the tree of a 160 KB nvm.sh is not kept.
   */
  readonly dropFunctionBodies?: boolean;
}

/** The body of a function parsed with `dropFunctionBodies`; walking it would judge nothing, so a walker must not. */
export const DROPPED_BODY: Node = { type: 'list', items: [] };

/** What stands, in a body that is dropped, for a plain command skipped without being built (plainCommand.ts). */
const SKIPPED_COMMAND: Node = { type: 'list', items: [] };

export const DEFAULT_LIMITS: ParseLimits = { maxLength: 100_000, maxDepth: 48 };

const SPACE = 32, TAB = 9, NL = 10, CR = 13;

/** Characters that end an unquoted word. */
function isMeta(c: number): boolean {
  // space tab newline ; & | ( ) < >
  return c === SPACE || c === TAB || c === NL || c === CR || c === 59 || c === 38 || c === 124 || c === 40 || c === 41 || c === 60 || c === 62;
}

/**
 * Which characters end a run of plain text, per context (bit flags by character code below 128). Text is taken a
 * run at a time, one slice per run, instead of one string per character: a sourced 160 KB set-up script is mostly
 * such runs, and the first parse in a process runs before the code is optimised.
 */
const STOP_WORD = 1, STOP_DOUBLE_QUOTED = 2, STOP_BRACE_ARG = 4, STOP_SINGLE_QUOTE = 8, STOP_BACKTICK = 16, STOP_EXTGLOB = 32, STOP_ANSI_C = 64;
const STOPS = ((): Uint8Array => {
  const t = new Uint8Array(128);
  const add = (chars: string, flag: number): void => {
    for (const ch of chars) t[ch.charCodeAt(0)] = (t[ch.charCodeAt(0)] ?? 0) | flag;
  };
  add(' \t\n\r;&|()<>\\\'"$`', STOP_WORD);
  add('"\\$`', STOP_DOUBLE_QUOTED);
  add('{}\\"$`', STOP_BRACE_ARG);
  add("'", STOP_SINGLE_QUOTE);
  add('`\\', STOP_BACKTICK);
  add('@!+*?', STOP_EXTGLOB);
  add("'\\", STOP_ANSI_C);
  return t;
})();

/** The end of the run of characters from `from` on that none of `stops` ends. */
function runEnd(src: string, from: number, stops: number): number {
  let i = from;
  const n = src.length;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c < 128 && ((STOPS[c] ?? 0) & stops) !== 0) break;
    i++;
  }
  return i;
}

/**
 * The end of the run of characters from `from` on that `parseWord` takes as they are: not a quote, `\\`, `$`, a
 * backtick, a metacharacter, or the start of an extglob `@(…)`, `!(…)`, `+(…)`, `*(…)`, `?(…)`.
 */
function plainWordRunEnd(src: string, from: number): number {
  let i = from;
  for (;;) {
    i = runEnd(src, i, STOP_WORD | STOP_EXTGLOB);
    if (i >= src.length || (STOPS[src.charCodeAt(i)] ?? 0) & STOP_WORD || src.charCodeAt(i + 1) === 40) return i;
    i++; // `@`, `!`, `+`, `*` or `?` not followed by `(`
  }
}

/** A redirect starts with a digit (`2>`), `<`, `>` or `&>`; anything else is not looked at further. */
function mayStartRedirect(c: number): boolean {
  return isDigit(c) || c === 60 || c === 62 || c === 38;
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** After `coproc`: an optional NAME, then the start of a compound command (matched up to that start). */
const COPROC_COMPOUND = /^[ \t]+(?:[A-Za-z_]\w*[ \t]+)?(?=\(|\{[ \t\n]|(?:for|while|until|if|case|select|\[\[)[ \t\n;])/;

const RESERVED_END = new Set(['then', 'fi', 'do', 'done', 'esac', 'elif', 'else', '}']);
/** Builtins whose `name=(…)` arguments are array assignments, as bash parses them. */
const DECLARATION_BUILTINS = new Set(['declare', 'typeset', 'local', 'export', 'readonly']);

interface PendingHeredoc {
  readonly redirect: RedirectNode;
  readonly delimiter: string;
  readonly quoted: boolean;
  readonly stripTabs: boolean;
}

export function parse(text: string, limits: ParseLimits = DEFAULT_LIMITS): Node {
  if (text.length > limits.maxLength) {
    throw new ParseError(`command is ${text.length} characters long; the limit is ${limits.maxLength}`, limits.maxLength, true);
  }
  const p = new Parser(text, limits);
  const node = p.parseProgram();
  return node;
}

class Parser {
  private pos = 0;
  private depth = 0;
  private pending: PendingHeredoc[] = [];
  /** The offset `peekPlainWord` last looked at, and what it found there. */
  private peekedAt = -1;
  private peeked: string | undefined = undefined;
  /** How many function bodies being dropped the parser is in (their plain commands are skipped, not built). */
  private inDroppedBodies = 0;

  /** Copied out of the limits, whose objects differ in shape from caller to caller (one shape keeps the code fast). */
  private readonly maxDepth: number;
  private readonly dropFunctionBodies: boolean;

  constructor(private readonly src: string, private readonly limits: ParseLimits) {
    this.maxDepth = limits.maxDepth;
    this.dropFunctionBodies = limits.dropFunctionBodies === true;
  }

  parseProgram(): Node {
    const list = this.parseList(undefined);
    this.skipBlanksAndComments();
    if (this.pos < this.src.length) this.fail(`unexpected '${this.src[this.pos] ?? ''}'`);
    if (this.pending.length > 0) this.fail(`here-document delimited by '${this.pending[0]?.delimiter ?? ''}' has no end`);
    return list;
  }

  // ---- helpers -------------------------------------------------------------------------------------

  private fail(message: string, at: number = this.pos): never {
    throw new ParseError(message, at);
  }

  private enter(): void {
    if (++this.depth > this.maxDepth) throw new ParseError(`nesting deeper than ${this.maxDepth} levels`, this.pos, true);
  }

  private leave(): void {
    this.depth--;
  }

  /** The character code at `offset` from the current position; -1 past the end (never an out-of-range read). */
  private code(offset = 0): number {
    const i = this.pos + offset;
    return i < this.src.length ? this.src.charCodeAt(i) : -1;
  }

  private startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  /** Skip spaces, tabs, backslash-newline continuations and comments (not newlines). */
  private skipBlanksAndComments(): void {
    const src = this.src;
    while (this.pos < src.length) {
      const c = src.charCodeAt(this.pos);
      if (c === SPACE || c === TAB || c === CR) {
        this.pos++;
      } else if (c === 92 && this.code(1) === NL) {
        this.pos += 2;
      } else if (c === 35 /* # */) {
        const nl = src.indexOf('\n', this.pos);
        this.pos = nl < 0 ? src.length : nl;
      } else {
        return;
      }
    }
  }

  /** Consume one newline and read any heredoc bodies that start after it. */
  private newline(): void {
    this.pos++;
    if (this.pending.length > 0) this.readHeredocs();
  }

  private skipNewlines(): void {
    for (;;) {
      this.skipBlanksAndComments();
      if (this.code() === NL) this.newline();
      else return;
    }
  }

  /**
   * The next unquoted plain word, if the input continues with one (for reserved-word checks). A command's first
   * word is looked at by the list, the pipeline and the command in turn, so the answer is kept for its offset.
   */
  private peekPlainWord(): string | undefined {
    if (this.peekedAt !== this.pos) {
      this.peekedAt = this.pos;
      this.peeked = this.scanPlainWord();
    }
    return this.peeked;
  }

  private scanPlainWord(): string | undefined {
    const src = this.src;
    const i = runEnd(src, this.pos, STOP_WORD);
    if (i === this.pos) return undefined;
    if (i < src.length && !isMeta(src.charCodeAt(i))) return undefined;
    return src.slice(this.pos, i);
  }

  /**
   * At the word `time`: is it the reserved word in front of a compound command (`time (…)`, `time -p { …; }`,
   * `time for …`)? A simple command after it (`time npm test`) stays a command the `time` wrapper peels.
   */
  private timesCompound(): boolean {
    const rest = this.src.slice(this.pos + 4);
    return /^[ \t]+(?:-p[ \t]+)?(?:[({]|(?:for|while|until|if|case|select|\[\[)(?=[ \t\n;]))/.test(rest);
  }

  private atReserved(words: ReadonlySet<string>): string | undefined {
    const w = this.peekPlainWord();
    return w !== undefined && words.has(w) ? w : undefined;
  }

  private expectWord(word: string): void {
    this.skipNewlines();
    const w = this.peekPlainWord();
    if (w !== word) this.fail(`expected '${word}'`);
    this.pos += word.length;
  }

  // ---- lists and pipelines ---------------------------------------------------------------------------

  /**
   * A list of and-or lists separated by `;`, `&` or newlines. Stops at `)`, `;;`, EOF or a reserved word
   * that ends a compound command.
   */
  private parseList(closeParen: boolean | undefined): ListNode {
    this.enter();
    const items: { node: Node; op: ListOp }[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.pos >= this.src.length) break;
      const c = this.code();
      if (c === 41 /* ) */) {
        if (!closeParen) this.fail("unexpected ')'");
        break;
      }
      if (c === 59 && this.code(1) === 59) break; // ;; in case
      if (c === 59 && this.code(1) === 38) break; // ;& in case
      if (this.atReserved(RESERVED_END)) break;
      if (c === 59 || c === 38 || c === 124) this.fail(`unexpected '${this.src[this.pos] ?? ''}'`);
      const node = this.inDroppedBodies > 0 && this.skipPlainCommand() ? SKIPPED_COMMAND : this.parseAndOr();
      this.skipBlanksAndComments();
      const d = this.code();
      let op: ListOp = ';';
      if (d === 59 && this.code(1) !== 59 && this.code(1) !== 38) {
        this.pos++;
      } else if (d === 38 && this.code(1) !== 38 && this.code(1) !== 62) {
        this.pos++;
        op = '&';
      } else if (d === NL) {
        this.newline();
      }
      items.push({ node, op });
      if (op === ';' && d !== 59 && d !== NL) {
        // no separator: the list must end here
        this.skipBlanksAndComments();
        if (this.pos < this.src.length && this.code() !== 41 && !(this.code() === 59 && (this.code(1) === 59 || this.code(1) === 38)) && !this.atReserved(RESERVED_END)) {
          this.fail(`unexpected '${this.src[this.pos] ?? ''}'`);
        }
      }
    }
    this.leave();
    return { type: 'list', items };
  }

  private parseAndOr(): Node {
    let left = this.parsePipeline();
    const items: { node: Node; op: ListOp }[] = [];
    for (;;) {
      this.skipBlanksAndComments();
      let op: ListOp | undefined;
      if (this.startsWith('&&')) op = '&&';
      else if (this.startsWith('||')) op = '||';
      if (!op) break;
      this.pos += 2;
      this.skipNewlines();
      items.push({ node: left, op });
      left = this.parsePipeline();
    }
    if (items.length === 0) return left;
    items.push({ node: left, op: ';' });
    return { type: 'list', items };
  }

  private parsePipeline(): Node {
    this.skipBlanksAndComments();
    let negated = false;
    for (;;) {
      const w = this.peekPlainWord();
      if (w === '!') {
        this.pos++;
        negated = !negated;
        this.skipBlanksAndComments();
      } else if (w === 'time' && this.timesCompound()) {
        // `time ( … )`, `time { …; }`: the reserved word only measures the pipeline after it
        this.pos += 4;
        this.skipBlanksAndComments();
        if (this.peekPlainWord() === '-p') this.pos += 2;
        this.skipBlanksAndComments();
      } else break;
    }
    const commands: Node[] = [this.parseCommand()];
    for (;;) {
      this.skipBlanksAndComments();
      if (this.code() === 124 && this.code(1) !== 124) {
        this.pos += this.code(1) === 38 ? 2 : 1; // | or |&
        this.skipNewlines();
        commands.push(this.parseCommand());
      } else break;
    }
    if (commands.length === 1 && !negated) return commands[0] as Node;
    return { type: 'pipeline', commands, negated };
  }

  // ---- commands --------------------------------------------------------------------------------------

  private parseCommand(): Node {
    this.skipBlanksAndComments();
    if (this.pos >= this.src.length) this.fail('a command was expected');
    const c = this.code();
    if (c === 40 /* ( */) {
      if (this.code(1) === 40) {
        const arith = this.tryArithCommand();
        if (arith) return arith;
      }
      this.enter();
      this.pos++;
      const body = this.parseList(true);
      if (this.code() !== 41) this.fail("expected ')'");
      this.pos++;
      this.leave();
      return { type: 'subshell', body, redirects: this.parseTrailingRedirects() };
    }
    const w = this.peekPlainWord();
    switch (w) {
      case '{': {
        this.enter();
        this.pos++;
        const body = this.parseList(false);
        this.expectWord('}');
        this.leave();
        return { type: 'group', body, redirects: this.parseTrailingRedirects() };
      }
      case 'if': return this.parseIf();
      case 'while': case 'until': return this.parseLoop(w);
      case 'for': case 'select': return this.parseFor();
      case 'case': return this.parseCase();
      case 'function': return this.parseFunctionKeyword();
      case '[[': return this.parseTest();
      case 'coproc': {
        const coproc = this.tryCoprocCompound();
        if (coproc) return coproc;
        break;
      }
      case 'then': case 'fi': case 'do': case 'done': case 'esac': case 'elif': case 'else': case '}':
        this.fail(`unexpected '${w}'`);
    }
    return this.parseSimpleOrFunction();
  }

  /**
   * `coproc [NAME] compound-command` (`coproc NAME { …; }`, `coproc ( … )`): the body runs in the background in a
   * subshell, which is what `body &` says, so it is returned as that list. `coproc cmd args` with a simple command
   * (no name is allowed then) stays a simple command that the `coproc` wrapper peels.
   */
  private tryCoprocCompound(): Node | undefined {
    const m = COPROC_COMPOUND.exec(this.src.slice(this.pos + 6, this.pos + 6 + 200));
    if (!m) return undefined;
    this.pos += 6 + m[0].length;
    return { type: 'list', items: [{ node: this.parseCommand(), op: '&' }] };
  }

  private parseTrailingRedirects(): RedirectNode[] {
    const out: RedirectNode[] = [];
    for (;;) {
      this.skipBlanksAndComments();
      const r = this.tryRedirect();
      if (!r) return out;
      out.push(r);
    }
  }

  private parseIf(): IfNode {
    this.enter();
    this.pos += 2;
    const branches: { cond: Node; body: Node }[] = [];
    let otherwise: Node | undefined;
    const cond = this.parseList(false);
    this.expectWord('then');
    const body = this.parseList(false);
    branches.push({ cond, body });
    for (;;) {
      this.skipNewlines();
      const w = this.peekPlainWord();
      if (w === 'elif') {
        this.pos += 4;
        const c2 = this.parseList(false);
        this.expectWord('then');
        branches.push({ cond: c2, body: this.parseList(false) });
      } else if (w === 'else') {
        this.pos += 4;
        otherwise = this.parseList(false);
      } else if (w === 'fi') {
        this.pos += 2;
        break;
      } else this.fail("expected 'fi'");
    }
    this.leave();
    return { type: 'if', branches, otherwise, redirects: this.parseTrailingRedirects() };
  }

  private parseLoop(kind: 'while' | 'until'): LoopNode {
    this.enter();
    this.pos += kind.length;
    const cond = this.parseList(false);
    this.expectWord('do');
    const body = this.parseList(false);
    this.expectWord('done');
    this.leave();
    return { type: kind, cond, body, redirects: this.parseTrailingRedirects() };
  }

  private parseFor(): ForNode {
    this.enter();
    this.pos += this.startsWith('select') ? 6 : 3;
    this.skipBlanksAndComments();
    let variable = '';
    let items: Word[] | undefined;
    if (this.startsWith('((')) {
      const end = this.src.indexOf('))', this.pos + 2);
      if (end < 0) this.fail("expected '))'");
      this.pos = end + 2;
      this.skipBlanksAndComments();
      if (this.code() === 59) this.pos++;
    } else {
      const start = this.pos;
      while (isNameChar(this.code())) this.pos++;
      variable = this.src.slice(start, this.pos);
      if (!variable) this.fail('expected a loop variable');
      this.skipNewlines();
      if (this.peekPlainWord() === 'in') {
        this.pos += 2;
        items = [];
        for (;;) {
          this.skipBlanksAndComments();
          const c = this.code();
          if (c === 59 || c === NL || this.pos >= this.src.length) break;
          items.push(this.parseWord());
        }
      }
      this.skipBlanksAndComments();
      if (this.code() === 59) this.pos++;
    }
    this.expectWord('do');
    const body = this.parseList(false);
    this.expectWord('done');
    this.leave();
    return { type: 'for', variable, items, body, redirects: this.parseTrailingRedirects() };
  }

  private parseCase(): CaseNode {
    this.enter();
    this.pos += 4;
    this.skipBlanksAndComments();
    const subject = this.parseWord();
    this.expectWord('in');
    const arms: { patterns: Word[]; body: Node | undefined }[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.peekPlainWord() === 'esac') {
        this.pos += 4;
        break;
      }
      if (this.pos >= this.src.length) this.fail("expected 'esac'");
      if (this.code() === 40) this.pos++;
      const patterns: Word[] = [];
      for (;;) {
        this.skipBlanksAndComments();
        patterns.push(this.parseWord());
        this.skipBlanksAndComments();
        if (this.code() === 124) {
          this.pos++;
          continue;
        }
        if (this.code() === 41) {
          this.pos++;
          break;
        }
        this.fail("expected ')' after a case pattern");
      }
      const body = this.parseList(false);
      arms.push({ patterns, body });
      this.skipNewlines();
      if (this.startsWith(';;&')) this.pos += 3;
      else if (this.startsWith(';;') || this.startsWith(';&')) this.pos += 2;
      else if (this.peekPlainWord() !== 'esac') this.fail("expected ';;' or 'esac'");
    }
    this.leave();
    return { type: 'case', subject, arms, redirects: this.parseTrailingRedirects() };
  }

  private functionBody(): Node {
    if (!this.dropFunctionBodies) return this.parseCommand();
    this.inDroppedBodies++;
    this.parseCommand();
    this.inDroppedBodies--;
    return DROPPED_BODY;
  }

  /**
   * In a body that is dropped: move past commands of plain words (plainCommand.ts), which the parser would read
   * to the same offset without an error; false (nothing moved) for anything else. A `$( … )` in them is two levels
   * of nesting, so near the depth limit nothing is skipped and the parser meets the limit where it would.
   */
  private skipPlainCommand(): boolean {
    if (this.depth + 2 > this.maxDepth) return false;
    const end = plainCommandEnd(this.src, this.pos);
    if (end < 0) return false;
    this.pos = end;
    return true;
  }

  private parseFunctionKeyword(): Node {
    this.pos += 8;
    this.skipBlanksAndComments();
    const start = this.pos;
    while (this.pos < this.src.length && !isMeta(this.code())) this.pos++;
    const name = this.src.slice(start, this.pos);
    if (!name) this.fail('expected a function name');
    this.skipBlanksAndComments();
    if (this.code() === 40 && this.code(1) === 41) this.pos += 2;
    this.skipNewlines();
    return { type: 'function', name, body: this.functionBody() };
  }

  private parseTest(): Node {
    this.pos += 2;
    const words: Word[] = [];
    for (;;) {
      this.skipBlanksAndComments();
      if (this.code() === NL) {
        this.newline();
        continue;
      }
      if (this.pos >= this.src.length) this.fail("expected ']]'");
      if (this.peekPlainWord() === ']]') {
        this.pos += 2;
        break;
      }
      const c = this.code();
      if (c === 38 || c === 124 || c === 40 || c === 41 || c === 60 || c === 62 || c === 59) {
        // operators inside [[ ]] are not shell syntax here
        this.pos += (c === 38 || c === 124) && this.code(1) === c ? 2 : 1;
        continue;
      }
      words.push(this.parseWord());
    }
    return { type: 'test', words };
  }

  /** `(( expr ))` as a command; returns undefined when it is really a nested subshell `( (…) )`. */
  private tryArithCommand(): Node | undefined {
    const close = this.findArithEnd(this.pos + 2);
    if (close < 0) return undefined;
    const inner = this.src.slice(this.pos + 2, close);
    const subs = this.substitutionsIn(inner, this.pos + 2);
    this.pos = close + 2;
    return { type: 'arith', substitutions: subs };
  }

  /** Offset of the `))` that closes an arithmetic expression starting at `from`, or -1. */
  private findArithEnd(from: number): number {
    let depth = 0;
    for (let i = from; i < this.src.length; i++) {
      const c = this.src.charCodeAt(i);
      if (c === 40) depth++;
      else if (c === 41) {
        if (depth === 0) return this.src.charCodeAt(i + 1) === 41 ? i : -1;
        depth--;
      } else if (c === NL || c === 59 && depth === 0) return -1;
    }
    return -1;
  }

  private parseSimpleOrFunction(): Node {
    const start = this.pos;
    const assignments: Assignment[] = [];
    const words: Word[] = [];
    const redirects: RedirectNode[] = [];
    for (;;) {
      this.skipBlanksAndComments();
      if (this.pos >= this.src.length) break;
      const c = this.code();
      const r = mayStartRedirect(c) ? this.tryRedirect() : undefined;
      if (r) {
        redirects.push(r);
        continue;
      }
      if (c === NL || c === 59 || c === 38 || c === 124 || c === 41) break;
      if (c === 40) {
        // `name ( )` function definition
        if (words.length === 1 && assignments.length === 0 && redirects.length === 0) {
          this.pos++;
          this.skipBlanksAndComments();
          if (this.code() !== 41) this.fail("expected ')' in a function definition");
          this.pos++;
          this.skipNewlines();
          const name = words[0]?.raw ?? '';
          return { type: 'function', name, body: this.functionBody() };
        }
        this.fail("unexpected '('");
      }
      if (words.length === 0) {
        const a = this.tryAssignment();
        if (a) {
          assignments.push(a);
          continue;
        }
      } else if (words.length >= 1 && DECLARATION_BUILTINS.has(words[0]?.raw ?? '')) {
        const w = this.tryArrayArgument();
        if (w) {
          words.push(w);
          continue;
        }
      }
      words.push(this.parseWord());
    }
    if (words.length === 0 && assignments.length === 0 && redirects.length === 0) this.fail('a command was expected');
    const node: SimpleNode = { type: 'simple', assignments, words, redirects, start, end: this.pos };
    return node;
  }

  /**
   * `declare -A m=([a]=1)`, `local files=(*.ts)`: an array given to a declaration builtin, as one word whose
   * parts are the elements' (so substitutions inside still run); any other argument is left to parseWord.
   */
  private tryArrayArgument(): Word | undefined {
    const start = this.pos;
    const a = this.tryAssignment();
    if (a?.array === undefined) {
      this.pos = start;
      return undefined;
    }
    const parts: Part[] = [{ type: 'lit', value: `${a.name}=`, quoted: false }];
    for (const w of a.array) parts.push(...w.parts);
    return { parts, raw: this.src.slice(start, this.pos) };
  }

  private tryAssignment(): Assignment | undefined {
    const src = this.src;
    let i = this.pos;
    if (!isNameStart(src.charCodeAt(i))) return undefined;
    while (isNameChar(src.charCodeAt(i))) i++;
    if (src.charCodeAt(i) === 91 /* [ */) {
      const close = src.indexOf(']', i);
      if (close < 0) return undefined;
      i = close + 1;
    }
    let append = false;
    if (src.charCodeAt(i) === 43 && src.charCodeAt(i + 1) === 61) {
      append = true;
      i++;
    }
    if (src.charCodeAt(i) !== 61 /* = */) return undefined;
    const written = src.slice(this.pos, append ? i - 1 : i);
    const name = written.includes('[') ? written.replace(/\[.*$/, '') : written;
    this.pos = i + 1;
    if (this.code() === 40) {
      this.pos++;
      const array: Word[] = [];
      for (;;) {
        this.skipNewlines();
        if (this.code() === 41) {
          this.pos++;
          break;
        }
        if (this.pos >= src.length) this.fail("expected ')' to close the array");
        array.push(this.parseWord());
      }
      return { name, append, value: undefined, array };
    }
    const c = this.code();
    const value = this.pos >= src.length || isMeta(c) ? { parts: [], raw: '' } : this.parseWord();
    return { name, append, value, array: undefined };
  }

  private tryRedirect(): RedirectNode | undefined {
    const src = this.src;
    let i = this.pos;
    let fd: number | undefined;
    let c = src.charCodeAt(i);
    if (isDigit(c)) {
      let j = i;
      while (isDigit(src.charCodeAt(j))) j++;
      const d = src.charCodeAt(j);
      if (d !== 60 && d !== 62) return undefined;
      fd = Number(src.slice(i, j));
      i = j;
      c = d;
    } else if (c === 123 /* {varname}> */) {
      return undefined;
    }
    let op: RedirectOperator | undefined;
    if (c === 38 /* & */) {
      if (src.charCodeAt(i + 1) !== 62) return undefined;
      op = src.charCodeAt(i + 2) === 62 ? '&>>' : '&>';
    } else if (c === 62 /* > */) {
      const n = src.charCodeAt(i + 1);
      if (n === 62) op = '>>';
      else if (n === 124) op = '>|';
      else if (n === 38) op = '>&';
      else if (n === 40) return undefined; // >( process substitution as a word
      else op = '>';
    } else if (c === 60 /* < */) {
      const n = src.charCodeAt(i + 1);
      if (n === 60) {
        if (src.charCodeAt(i + 2) === 60) op = '<<<';
        else if (src.charCodeAt(i + 2) === 45) op = '<<-';
        else op = '<<';
      } else if (n === 38) op = '<&';
      else if (n === 62) op = '<>';
      else if (n === 40) return undefined; // <( process substitution
      else op = '<';
    } else return undefined;
    this.pos = i + op.length;
    this.skipBlanksAndComments();
    // `< <(cmd)`: the file is a process substitution (its `<` is a metacharacter, the word parser reads it)
    const procsubTarget = (this.code() === 60 || this.code() === 62) && this.code(1) === 40;
    if (this.pos >= src.length || (isMeta(this.code()) && !procsubTarget)) this.fail(`a file name was expected after '${op}'`);
    const target = this.parseWord();
    const node: RedirectNode = { op, fd, target, heredoc: undefined };
    if (op === '<<' || op === '<<-') {
      let quoted = false;
      let delimiter = '';
      for (const p of target.parts) {
        if (p.type === 'lit') {
          delimiter += p.value;
          if (p.quoted) quoted = true;
        } else {
          delimiter += '$' + (p.type === 'param' ? p.name : '');
        }
      }
      if (target.raw.includes('\\')) quoted = true;
      this.pending.push({ redirect: node, delimiter, quoted, stripTabs: op === '<<-' });
    }
    return node;
  }

  /** Read the bodies of pending heredocs, which start right after the current newline. */
  private readHeredocs(): void {
    const list = this.pending;
    this.pending = [];
    for (const h of list) {
      const lines: string[] = [];
      let found = false;
      while (this.pos < this.src.length) {
        let end = this.src.indexOf('\n', this.pos);
        if (end < 0) end = this.src.length;
        let line = this.src.slice(this.pos, end);
        this.pos = Math.min(end + 1, this.src.length);
        if (h.stripTabs) line = line.replace(/^\t+/, '');
        if (line === h.delimiter || line.replace(/\r$/, '') === h.delimiter) {
          found = true;
          break;
        }
        lines.push(line);
      }
      if (!found) this.fail(`here-document delimited by '${h.delimiter}' has no end`);
      const text = lines.length > 0 ? lines.join('\n') + '\n' : '';
      const body: HeredocBody = {
        text,
        expands: !h.quoted,
        substitutions: h.quoted ? [] : this.substitutionsIn(text, this.pos),
      };
      h.redirect.heredoc = body;
    }
  }

  /** Command substitutions (`$( )`, backticks) inside text that expands like a double-quoted string. */
  private substitutionsIn(text: string, at: number): Node[] {
    if (!text.includes('$(') && !text.includes('`')) return [];
    const sub = new Parser(text, this.limits);
    sub.depth = this.depth;
    const out: Node[] = [];
    try {
      while (sub.pos < text.length) {
        const c = sub.code();
        if (c === 92) sub.pos += 2;
        else if (c === 36 && sub.code(1) === 40) {
          const part = sub.parseDollar(true);
          if (part.type === 'cmdsub') out.push(part.body);
          else if (part.type === 'arith') out.push(...part.substitutions);
        } else if (c === 96) {
          const part = sub.parseBacktick(true);
          if (part.type === 'cmdsub') out.push(part.body);
        } else sub.pos++;
      }
    } catch (e) {
      if (e instanceof ParseError) throw new ParseError(e.message, at + e.offset, e.limit);
      throw e;
    }
    return out;
  }

  // ---- words -----------------------------------------------------------------------------------------

  parseWord(): Word {
    const src = this.src;
    const start = this.pos;
    // most words are one plain run (`git`, `-rf`, `src/app.ts`): one part, and its text is the raw text too
    const run = plainWordRunEnd(src, start);
    if (run > start && (run === src.length || isMeta(src.charCodeAt(run)))) {
      this.pos = run;
      const text = src.slice(start, run);
      return { parts: [{ type: 'lit', value: text, quoted: false }], raw: text };
    }
    const parts: Part[] = [];
    let lit = '';
    const flush = (): void => {
      if (lit) {
        parts.push({ type: 'lit', value: lit, quoted: false });
        lit = '';
      }
    };
    while (this.pos < src.length) {
      const c = src.charCodeAt(this.pos);
      if (c === 92 /* \ */) {
        const n = src[this.pos + 1];
        if (n === undefined) {
          this.pos++;
          break;
        }
        this.pos += 2;
        if (n === '\n') continue;
        flush();
        parts.push({ type: 'lit', value: n, quoted: true });
        continue;
      }
      if (c === 39 /* ' */) {
        flush();
        const end = src.indexOf("'", this.pos + 1);
        if (end < 0) this.fail('unterminated single quote', this.pos);
        parts.push({ type: 'lit', value: src.slice(this.pos + 1, end), quoted: true });
        this.pos = end + 1;
        continue;
      }
      if (c === 34 /* " */) {
        flush();
        this.parseDoubleQuoted(parts);
        continue;
      }
      if (c === 36 /* $ */) {
        const n = src.charCodeAt(this.pos + 1);
        if (n === 39 /* $'…' */) {
          flush();
          parts.push({ type: 'lit', value: this.parseAnsiC(), quoted: true });
          continue;
        }
        if (n === 34 /* $"…" */) {
          flush();
          this.pos++;
          this.parseDoubleQuoted(parts);
          continue;
        }
        flush();
        parts.push(this.parseDollar(false));
        continue;
      }
      if (c === 96 /* ` */) {
        flush();
        parts.push(this.parseBacktick(false));
        continue;
      }
      if ((c === 60 || c === 62) && src.charCodeAt(this.pos + 1) === 40) {
        flush();
        this.enter();
        this.pos += 2;
        const body = this.parseList(true);
        if (this.code() !== 41) this.fail("expected ')' to close the process substitution");
        this.pos++;
        this.leave();
        parts.push({ type: 'procsub', dir: c === 60 ? '<' : '>', body });
        continue;
      }
      if (isMeta(c)) break;
      // extglob `@(…)`, `!(…)`, `+(…)`, `*(…)`, `?(…)` keep their parentheses inside the word
      if ((c === 64 || c === 33 || c === 43 || c === 42 || c === 63) && src.charCodeAt(this.pos + 1) === 40) {
        const close = src.indexOf(')', this.pos);
        if (close < 0) this.fail("expected ')'");
        lit += src.slice(this.pos, close + 1);
        this.pos = close + 1;
        continue;
      }
      // the plain characters up to the next special one go in as one slice, not one string per character
      const end = plainWordRunEnd(src, this.pos + 1);
      lit += src.slice(this.pos, end);
      this.pos = end;
    }
    flush();
    if (this.pos === start) this.fail(`unexpected '${src[this.pos] ?? 'end of input'}'`);
    return { parts, raw: src.slice(start, this.pos) };
  }

  private parseDoubleQuoted(parts: Part[]): void {
    const src = this.src;
    this.pos++; // opening "
    let lit = '';
    const flush = (): void => {
      if (lit) {
        parts.push({ type: 'lit', value: lit, quoted: true });
        lit = '';
      }
    };
    for (;;) {
      if (this.pos >= src.length) this.fail('unterminated double quote');
      const c = src.charCodeAt(this.pos);
      if (c === 34) {
        this.pos++;
        break;
      }
      if (c === 92) {
        const n = src[this.pos + 1] ?? '';
        if (n === '$' || n === '`' || n === '"' || n === '\\') {
          lit += n;
          this.pos += 2;
        } else if (n === '\n') {
          this.pos += 2;
        } else {
          lit += '\\';
          this.pos++;
        }
        continue;
      }
      if (c === 36) {
        const n = src.charCodeAt(this.pos + 1);
        if (n === 34 || this.pos + 1 >= src.length) {
          lit += '$';
          this.pos++;
          continue;
        }
        flush();
        parts.push(this.parseDollar(true));
        continue;
      }
      if (c === 96) {
        flush();
        parts.push(this.parseBacktick(true));
        continue;
      }
      const end = runEnd(src, this.pos + 1, STOP_DOUBLE_QUOTED);
      lit += src.slice(this.pos, end);
      this.pos = end;
    }
    flush();
    // an empty "" still makes a (quoted, empty) word
    parts.push({ type: 'lit', value: '', quoted: true });
  }

  /** `$'…'` with C escapes: a classic way to spell `rm` as `$'\x72m'`. */
  private parseAnsiC(): string {
    const src = this.src;
    this.pos += 2;
    let out = '';
    for (;;) {
      if (this.pos >= src.length) this.fail("unterminated $'…' quote");
      const ch = src[this.pos] ?? '';
      if (ch === "'") {
        this.pos++;
        return out;
      }
      if (ch !== '\\') {
        const end = runEnd(src, this.pos + 1, STOP_ANSI_C);
        out += src.slice(this.pos, end);
        this.pos = end;
        continue;
      }
      const e = src[this.pos + 1] ?? '';
      this.pos += 2;
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'a': out += '\x07'; break;
        case 'b': out += '\b'; break;
        case 'e': case 'E': out += '\x1b'; break;
        case 'f': out += '\f'; break;
        case 'v': out += '\v'; break;
        case '\\': out += '\\'; break;
        case "'": out += "'"; break;
        case '"': out += '"'; break;
        case '?': out += '?'; break;
        case 'x': {
          const m = /^[0-9a-fA-F]{1,2}/.exec(src.slice(this.pos, this.pos + 2));
          if (m) {
            out += String.fromCharCode(parseInt(m[0], 16));
            this.pos += m[0].length;
          } else out += '\\x';
          break;
        }
        case 'u': case 'U': {
          const m = (e === 'u' ? /^[0-9a-fA-F]{1,4}/ : /^[0-9a-fA-F]{1,8}/).exec(src.slice(this.pos, this.pos + 8));
          if (m) {
            const cp = parseInt(m[0], 16);
            out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
            this.pos += m[0].length;
          } else out += '\\' + e;
          break;
        }
        case 'c': {
          const ctl = src.charCodeAt(this.pos);
          out += String.fromCharCode(ctl & 31);
          this.pos++;
          break;
        }
        default: {
          if (e >= '0' && e <= '7') {
            const m = /^[0-7]{1,3}/.exec(src.slice(this.pos - 1, this.pos + 2));
            const digits = m ? m[0] : e;
            out += String.fromCharCode(parseInt(digits, 8) & 255);
            this.pos += digits.length - 1;
          } else out += '\\' + e;
        }
      }
    }
  }

  private parseDollar(quoted: boolean): Part {
    const src = this.src;
    const n = src.charCodeAt(this.pos + 1);
    if (n === 40 /* ( */) {
      if (src.charCodeAt(this.pos + 2) === 40) {
        const close = this.findArithEnd(this.pos + 3);
        if (close >= 0) {
          const inner = src.slice(this.pos + 3, close);
          const subs = this.substitutionsIn(inner, this.pos + 3);
          this.pos = close + 2;
          return { type: 'arith', substitutions: subs, quoted };
        }
      }
      this.enter();
      this.pos += 2;
      const saved = this.pending;
      this.pending = [];
      const body = this.parseList(true);
      if (this.code() !== 41) this.fail("expected ')' to close '$('");
      if (this.pending.length > 0) this.fail(`here-document delimited by '${this.pending[0]?.delimiter ?? ''}' has no end`);
      this.pending = saved;
      this.pos++;
      this.leave();
      return { type: 'cmdsub', body, quoted };
    }
    if (n === 91 /* $[ legacy arithmetic */) {
      const close = src.indexOf(']', this.pos);
      if (close < 0) this.fail("expected ']'");
      this.pos = close + 1;
      return { type: 'arith', substitutions: [], quoted };
    }
    if (n === 123 /* { */) return this.parseBraceParam(quoted);
    if (isNameStart(n)) {
      let i = this.pos + 1;
      while (isNameChar(src.charCodeAt(i))) i++;
      const name = src.slice(this.pos + 1, i);
      this.pos = i;
      return { type: 'param', name, quoted, op: undefined, arg: undefined };
    }
    if (isDigit(n) || n === 64 || n === 42 || n === 35 || n === 63 || n === 36 || n === 33 || n === 45) {
      // $1 $@ $* $# $? $$ $! $-
      this.pos += 2;
      return { type: 'param', name: String.fromCharCode(n), quoted, op: undefined, arg: undefined };
    }
    // a lone `$` is literal
    this.pos++;
    return { type: 'lit', value: '$', quoted };
  }

  private parseBraceParam(quoted: boolean): Part {
    const src = this.src;
    this.pos += 2;
    let prefix = '';
    if (src[this.pos] === '#' || src[this.pos] === '!') {
      // ${#X} length, ${!X} indirection
      if (src[this.pos + 1] !== '}') {
        prefix = src[this.pos] ?? '';
        this.pos++;
      }
    }
    let i = this.pos;
    const c0 = src.charCodeAt(i);
    if (isNameStart(c0)) {
      while (isNameChar(src.charCodeAt(i))) i++;
    } else if (isDigit(c0)) {
      while (isDigit(src.charCodeAt(i))) i++;
    } else if ('@*#?$!-'.includes(src[i] ?? '\u0000')) {
      i++;
    } else this.fail('bad parameter expansion');
    const name = src.slice(this.pos, i);
    this.pos = i;
    if (src[this.pos] === '[') {
      const close = src.indexOf(']', this.pos);
      if (close < 0) this.fail("expected ']'");
      this.pos = close + 1;
      prefix = prefix || '[';
    }
    if (src[this.pos] === '}') {
      this.pos++;
      return { type: 'param', name, quoted, op: prefix || undefined, arg: undefined };
    }
    // operator: :- - := = :? ? :+ + # ## % %% / // ^ ^^ , ,, : (substring) @
    let op = '';
    const opChars = ':-=?+#%/^,@';
    while (this.pos < src.length && opChars.includes(src[this.pos] ?? '\u0000') && op.length < 2) {
      op += src[this.pos];
      this.pos++;
      if (op === ':' && !'-=?+'.includes(src[this.pos] ?? '\u0000')) break;
    }
    // the argument is a word up to the matching }
    const argStart = this.pos;
    const parts: Part[] = [];
    let lit = '';
    let depth = 0;
    for (;;) {
      if (this.pos >= src.length) this.fail("expected '}' to close '${'");
      const c = src.charCodeAt(this.pos);
      if (c === 125 && depth === 0) break;
      if (c === 123) depth++;
      if (c === 125) depth--;
      if (c === 92) {
        lit += src[this.pos + 1] ?? '';
        this.pos += 2;
        continue;
      }
      if (c === 39 && !quoted) {
        const end = src.indexOf("'", this.pos + 1);
        if (end < 0) this.fail('unterminated single quote');
        lit += src.slice(this.pos + 1, end);
        this.pos = end + 1;
        continue;
      }
      if (c === 34) {
        if (lit) parts.push({ type: 'lit', value: lit, quoted: true });
        lit = '';
        this.parseDoubleQuoted(parts);
        continue;
      }
      if (c === 36) {
        if (lit) parts.push({ type: 'lit', value: lit, quoted: true });
        lit = '';
        parts.push(this.parseDollar(true));
        continue;
      }
      if (c === 96) {
        if (lit) parts.push({ type: 'lit', value: lit, quoted: true });
        lit = '';
        parts.push(this.parseBacktick(true));
        continue;
      }
      const end = runEnd(src, this.pos + 1, quoted ? STOP_BRACE_ARG : STOP_BRACE_ARG | STOP_SINGLE_QUOTE);
      lit += src.slice(this.pos, end);
      this.pos = end;
    }
    if (lit) parts.push({ type: 'lit', value: lit, quoted: true });
    const arg: Word = { parts, raw: src.slice(argStart, this.pos) };
    this.pos++; // }
    return { type: 'param', name, quoted, op: (prefix === '[' ? '' : prefix) + op, arg };
  }

  private parseBacktick(quoted: boolean): Part {
    const src = this.src;
    let i = this.pos + 1;
    let inner = '';
    for (;;) {
      if (i >= src.length) this.fail('unterminated backquote');
      const ch = src[i] ?? '';
      if (ch === '`') break;
      if (ch === '\\') {
        const n = src[i + 1] ?? '';
        if (n === '`' || n === '\\' || n === '$' || (quoted && n === '"')) {
          inner += n;
          i += 2;
          continue;
        }
      }
      const end = runEnd(src, i + 1, STOP_BACKTICK);
      inner += src.slice(i, end);
      i = end;
    }
    const start = this.pos + 1;
    this.pos = i + 1;
    this.enter();
    const sub = new Parser(inner, this.limits);
    sub.depth = this.depth;
    let body: Node;
    try {
      body = sub.parseProgram();
    } catch (e) {
      if (e instanceof ParseError) throw new ParseError(e.message, start + e.offset, e.limit);
      throw e;
    }
    this.leave();
    return { type: 'cmdsub', body, quoted };
  }
}

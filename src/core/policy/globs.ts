/**
 * The two kinds of pattern a policy contains.
 *
 * Path globs (`protectedPaths`, `production.paths`): minimatch with `dot: true`, relative to the workspace
 * root unless they start with `/` or `~/`. A glob without `/` matches a name at any depth (like .gitignore),
 * a glob that matches a directory covers everything inside it, and `dir/**` covers `dir` itself.
 *
 * Name globs (kube contexts, profiles, projects, database URLs): `*` matches any run of characters
 * (including `/` and `:`, which appear in EKS context ARNs and URLs), `?` one character, `[…]` a class,
 * `{a,b}` alternatives; case-insensitive.
 */
import { Minimatch } from 'minimatch';
import { selfAndAncestors } from './posixPath';

type PathTest = (path: string) => boolean;

/** Why a glob cannot be used, or undefined when it is fine. Shared by both kinds of glob. */
function bracketProblem(glob: string): string | undefined {
  let square = false;
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (square) {
      if (c === ']' && glob[i - 1] !== '[' && !(glob[i - 1] === '!' && glob[i - 2] === '[')) square = false;
      continue;
    }
    if (c === '[') square = true;
    else if (c === '{') braces++;
    else if (c === '}') {
      if (braces === 0) return 'has a "}" without a matching "{"';
      braces--;
    }
  }
  if (square) return 'has a "[" that is never closed with "]"';
  if (braces > 0) return 'has a "{" that is never closed with "}"';
  return undefined;
}

/** Problems with a path glob; `hint` is how to fix it. */
export function pathGlobProblem(glob: string): string | undefined {
  if (glob.trim() === '') return 'is empty; expected a glob such as "infra/prod/**"';
  if (glob !== glob.trim()) return 'starts or ends with spaces; remove them';
  if (glob.startsWith('!')) return 'starts with "!": negation is not supported (a policy entry can only add protection; use the "allow" section for exceptions)';
  if (glob.includes('\\')) return 'contains "\\": use "/" between directories (a backslash escapes the next character in a glob)';
  if (/^[A-Za-z]:/.test(glob)) return 'looks like a Windows drive path; use a path relative to the workspace root, or a POSIX absolute path';
  if (glob.startsWith('~') && glob !== '~' && !glob.startsWith('~/')) return 'uses "~user": only "~/" (your home directory) is supported';
  const segs = glob.split('/');
  if (segs.some((s) => s === '..')) return 'contains "..": globs are relative to the workspace root and cannot climb out of it; use an absolute path instead';
  if (segs.slice(1).some((s) => s === '.')) return 'contains a "." segment; remove it';
  const brackets = bracketProblem(glob);
  if (brackets !== undefined) return brackets;
  if (new Minimatch(glob, { dot: true }).makeRe() === false) return 'is not a valid glob';
  return undefined;
}

export function nameGlobProblem(glob: string): string | undefined {
  if (glob.trim() === '') return 'is empty; expected a name or a glob such as "prod-*"';
  return bracketProblem(glob);
}

/** Leading `./` and trailing `/` carry no meaning here; they are dropped so `./infra/` means `infra`. */
export function tidyPathGlob(glob: string): string {
  let g = glob;
  while (g.startsWith('./')) g = g.slice(2);
  while (g.length > 1 && g.endsWith('/')) g = g.slice(0, -1);
  return g;
}

export interface PathGlobOptions {
  /** Home directory for `~/` globs; without it such globs match nothing. */
  readonly home?: string | undefined;
  readonly nocase?: boolean;
}

/**
 * Compiled path glob. `matchPath(rel, abs)` is true when the path or one of its ancestors matches; `rel` is
 * relative to the workspace root (undefined when outside it), `abs` absolute. Returns the matching
 * ancestor (the shortest), useful as a name for the place.
 */
export interface PathGlob {
  readonly glob: string;
  readonly absolute: boolean;
  match(rel: string | undefined, abs: string | undefined): string | undefined;
}

export function compilePathGlob(raw: string, options: PathGlobOptions = {}): PathGlob {
  const tidy = tidyPathGlob(raw);
  const home = options.home;
  const expanded = tidy === '~' ? home : tidy.startsWith('~/') ? (home === undefined ? undefined : home.replace(/\/+$/, '') + tidy.slice(1)) : tidy;
  const absolute = tidy.startsWith('/') || tidy.startsWith('~');
  if (expanded === undefined) return { glob: raw, absolute, match: () => undefined };
  const mmOptions = { dot: true, nocomment: true, nonegate: true, matchBase: true, nocase: options.nocase ?? false };
  const hasFolder = expanded.endsWith('/**') && expanded.length > 3;
  // compiled on first need: most paths lack the glob's literal, and a hook process judges one call and exits
  let compiled: PathTest | undefined;
  const hits: PathTest = (p) => {
    if (compiled === undefined) {
      const self = compiledTest(new Minimatch(expanded, mmOptions));
      // `dir/**` also covers `dir` itself: removing or renaming the folder touches everything in it
      const folder = hasFolder ? compiledTest(new Minimatch(expanded.slice(0, -3), mmOptions)) : undefined;
      compiled = folder === undefined ? self : (q) => self(q) || folder(q);
    }
    return compiled(p);
  };
  const nocase = mmOptions.nocase;
  // also on first need: a guard is made for every hook process, and most calls never test a path
  let needle: string | undefined;
  const needleOf = (): string => {
    if (needle === undefined) {
      const literal = requiredLiteral(hasFolder ? expanded.slice(0, -3) : expanded);
      needle = nocase ? literal.toLowerCase() : literal;
    }
    return needle;
  };
  // every ancestor is a prefix of the path: without the glob's literal in the path, nothing can match
  const first = (p: string): string | undefined => {
    const n = needleOf();
    return n !== '' && !(nocase ? p.toLowerCase() : p).includes(n) ? undefined : firstSelfOrAncestor(p, hits);
  };
  return {
    glob: raw,
    absolute,
    match(rel, abs) {
      if (absolute) return abs === undefined ? undefined : first(abs);
      // the workspace root itself (rel ''): only a glob without a required literal can match the empty path
      if (rel !== undefined) return rel === '' ? (needleOf() === '' && hits('') ? '' : undefined) : first(rel);
      // outside the workspace: only globs meant for any depth can say anything about it
      if (abs !== undefined && (!expanded.includes('/') || expanded.startsWith('**/'))) return first(abs);
      return undefined;
    },
  };
}

/**
 * `mm.match` as one regular-expression test. Checking a path walks every glob over every ancestor folder, and
 * minimatch's `match` splits the path and walks segments on each call (the slowest part of judging a `cp`);
 * its compiled `makeRe()` says the same in one test. Patterns without `/` match the last segment (matchBase);
 * a brace set mixing both kinds keeps minimatch's own matcher.
 */
function compiledTest(mm: Minimatch): PathTest {
  const re = mm.makeRe();
  if (re === false) return () => false;
  const lengths = new Set(mm.set.map((parts) => parts.length));
  if (mm.options.matchBase === true && lengths.has(1)) {
    return lengths.size === 1 ? (p) => re.test(lastSegment(p)) : (p) => mm.match(p);
  }
  return (p) => re.test(p);
}

/**
 * The longest run of plain characters within one segment that every path matching `glob` must contain
 * (`.codex` for the Codex folder glob, `.pem` for `*.pem`, `prod` for `{prod,production}[-_.]*`), or `''` when
 * there is none worth checking. Of a brace set `{…}` only the plain start its alternatives share is taken; text
 * inside `[…]` and extglob `(…)` never is (alternatives), nor `/` (a globstar may match zero folders, so the
 * slashes around it are not certain).
 */
export function requiredLiteral(glob: string): string {
  // most globs have no set, class or group: their literal is the longest run between the other special characters
  if (!NESTING.test(glob)) return longestRun(glob.split(RUN_BREAK));
  let best = '';
  let run = '';
  let depth = 0;
  const end = (): void => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (depth > 0) {
      if (c === ']' || c === '}' || c === ')') depth--;
      else if (c === '[' || c === '{' || c === '(') depth++;
      continue;
    }
    if (c === '{') {
      const close = closingBrace(glob, i);
      const shared = close === undefined ? { text: '', whole: false } : sharedPlainStart(topLevelAlternatives(glob.slice(i + 1, close)));
      run += shared.text;
      // the literal goes on after the set only when every alternative is exactly the shared text
      if (!shared.whole) end();
      if (close !== undefined) {
        i = close;
        continue;
      }
    }
    if (c === '[' || c === '{' || c === '(') {
      // an extglob's leading `@ ! + ? *` is not literal either
      if (c === '(' && run !== '' && '@!+?*'.includes(run[run.length - 1] ?? '')) run = run.slice(0, -1);
      end();
      depth++;
    } else if (c === '*' || c === '?' || c === '/' || c === '|' || c === ')' || c === ']' || c === '}') {
      end();
    } else {
      run += c;
    }
  }
  end();
  return longestRun([best]);
}

const NESTING = /[[{(]/;
const RUN_BREAK = /[*?/|)\]}]/;

/** The first longest of `runs` when it is long enough to be worth a check, else `''` (as `requiredLiteral`). */
function longestRun(runs: readonly string[]): string {
  let best = '';
  for (const r of runs) if (r.length > best.length) best = r;
  return best.length >= 2 ? best : '';
}

/** Index of the `}` closing the `{` at `open`, or undefined when it is never closed. */
function closingBrace(glob: string, open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return undefined;
}

/** The comma-separated alternatives of a brace set's body, nested sets kept whole; one item when there is no comma. */
function topLevelAlternatives(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(body.slice(start, i));
      start = i + 1;
    }
  }
  out.push(body.slice(start));
  return out;
}

const GLOB_SPECIAL = /[*?[\]{}()!@+|\\/]/;

/**
 * The plain text every alternative starts with (`prod` of `prod,production`), cut at the first glob character, and
 * whether each alternative is exactly that text. A set without a comma is not an alternation (`{a}` is literal
 * text to brace expansion, but minimatch's rules for it are not worth mirroring): it shares nothing.
 */
function sharedPlainStart(alternatives: readonly string[]): { text: string; whole: boolean } {
  if (alternatives.length < 2) return { text: '', whole: false };
  const first = alternatives[0] ?? '';
  const special = first.search(GLOB_SPECIAL);
  let text = special === -1 ? first : first.slice(0, special);
  for (const alt of alternatives) {
    let k = 0;
    while (k < text.length && k < alt.length && alt[k] === text[k]) k++;
    text = text.slice(0, k);
  }
  return { text, whole: alternatives.every((alt) => alt === text) };
}

function lastSegment(p: string): string {
  let end = p.length;
  while (end > 1 && p.charCodeAt(end - 1) === 47) end--;
  return p.slice(p.lastIndexOf('/', end - 1) + 1, end);
}

/** The shortest of `p` and its ancestors that passes `test` (as `selfAndAncestors(p).find(test)`, without the arrays). */
function firstSelfOrAncestor(p: string, test: PathTest): string | undefined {
  if (p.includes('//') || (p.length > 1 && p.endsWith('/'))) return selfAndAncestors(p).find(test);
  for (let i = p.indexOf('/', 1); i > 0; i = p.indexOf('/', i + 1)) {
    const ancestor = p.slice(0, i);
    if (test(ancestor)) return ancestor;
  }
  return p !== '' && p !== '/' && test(p) ? p : undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Translate a name glob to a regular expression source (anchored). */
function nameGlobSource(glob: string): string {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '\\' && i + 1 < glob.length) {
      out += escapeRegExp(glob[++i] ?? '');
    } else if (c === '*') {
      out += '.*';
    } else if (c === '?') {
      out += '.';
    } else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      let body = glob.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      out += '[' + (negate ? '^' : '') + body.replace(/[\\\]]/g, '\\$&') + ']';
      i = end;
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) {
      out += '|';
    } else {
      out += escapeRegExp(c);
    }
  }
  return '^' + out + '$';
}

export interface NameGlob {
  readonly glob: string;
  test(name: string): boolean;
}

export function compileNameGlob(glob: string, options: { nocase?: boolean } = {}): NameGlob {
  const re = new RegExp(nameGlobSource(glob), options.nocase === false ? 's' : 'is');
  return { glob, test: (name) => re.test(name) };
}

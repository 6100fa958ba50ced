/**
 * Word expansion as far as it can be known before the command runs: quote removal, tilde, parameters whose
 * value was assigned a literal earlier in the same command line, field splitting of unquoted expansions, brace
 * expansion. What cannot be known (command substitution, unset variables) is marked `dynamic` and expands to
 * the empty string, which is the worst case for paths (`rm -rf "$DIR"/*` → `rm -rf /*`).
 */
import type { Arg } from '../invocation';
import type { Node, Part, Word } from './ast';

/** A variable's value when it is known; `undefined` when it is set but unknown. */
export type VarValue = string | undefined;

export interface ExpansionScope {
  /** Known variables; a missing name is unknown (not known to be unset). */
  readonly vars: ReadonlyMap<string, VarValue>;
  /** Positional parameters inside a function body or `bash -c … $0 $1`; undefined when unknown. */
  readonly positional: readonly Arg[] | undefined;
  readonly home: string | undefined;
  /**
   * What a command substitution prints, when the walker could tell before it runs (`$(echo rm)`, `$(pwd)`,
   * `$(mktemp -d)`), trailing newlines removed; keyed by the substitution's body.
   */
  readonly outputs?: ReadonlyMap<Node, string>;
}

const MAX_BRACE_RESULTS = 64;

interface Field {
  value: string;
  dynamic: boolean;
  glob: boolean;
  /** A quoted part contributed: the field exists even if empty. */
  forced: boolean;
}

function newField(): Field {
  return { value: '', dynamic: false, glob: false, forced: false };
}

function hasGlobChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 42 || c === 63 || c === 91) return true;
  }
  return false;
}

/** Fast path: a word that is one unquoted literal without braces, globs or tilde. */
function plainLiteral(word: Word): string | undefined {
  if (word.parts.length !== 1) return undefined;
  const p = word.parts[0];
  if (!p || p.type !== 'lit') return undefined;
  if (p.quoted) return p.value;
  const v = p.value;
  if (v.charCodeAt(0) === 126 /* ~ */ || v.includes('{') || hasGlobChar(v)) return undefined;
  return v;
}

/** Expand one word into zero or more fields. */
export function expandWord(word: Word, scope: ExpansionScope): Arg[] {
  const plain = plainLiteral(word);
  if (plain !== undefined) return [{ value: plain, dynamic: false, glob: false }];
  const variants = braceVariants(word);
  const out: Arg[] = [];
  for (const parts of variants) expandParts(parts, scope, out);
  return out;
}

/** The word's value as one string (assignments, heredoc delimiters, `case` subjects: no splitting). */
export function expandToString(word: Word, scope: ExpansionScope): Arg {
  const plain = plainLiteral(word);
  if (plain !== undefined) return { value: plain, dynamic: false, glob: false };
  const f = newField();
  for (let i = 0; i < word.parts.length; i++) {
    const part = word.parts[i] as Part;
    appendPart(part, scope, f, undefined, i === 0);
  }
  return { value: f.value, dynamic: f.dynamic, glob: f.glob };
}

function expandParts(parts: readonly Part[], scope: ExpansionScope, out: Arg[]): void {
  const fields: Field[] = [];
  let cur = newField();
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as Part;
    if (part.type === 'param' && part.quoted && part.name === '@' && part.op === undefined) {
      // "$@": one field per positional parameter, the first and last joined with their neighbours
      const values = paramFields('@', scope);
      if (values === undefined) {
        cur.dynamic = true;
        cur.forced = true;
        continue;
      }
      for (let k = 0; k < values.length; k++) {
        if (k > 0) {
          fields.push(cur);
          cur = newField();
        }
        cur.value += values[k] ?? '';
        cur.forced = true;
      }
      continue;
    }
    if (part.type === 'param' && !part.quoted && part.op === undefined) {
      const values = paramFields(part.name, scope);
      if (values === undefined) {
        cur.dynamic = true;
        continue;
      }
      const split = splitter(scope);
      // unquoted: split on IFS, joining the first and last pieces with their neighbours
      for (let k = 0; k < values.length; k++) {
        const pieces = split === undefined ? [values[k] ?? ''] : (values[k] ?? '').split(split);
        for (let j = 0; j < pieces.length; j++) {
          if (j > 0 || k > 0) {
            if (cur.value !== '' || cur.forced || cur.dynamic) fields.push(cur);
            cur = newField();
          }
          const piece = pieces[j] ?? '';
          cur.value += piece;
          if (hasGlobChar(piece)) cur.glob = true;
        }
      }
      continue;
    }
    appendPart(part, scope, cur, fields, i === 0);
  }
  if (cur.value !== '' || cur.forced || cur.dynamic) fields.push(cur);
  for (const f of fields) out.push({ value: f.value, dynamic: f.dynamic, glob: f.glob });
}

const DEFAULT_SPLIT = /[ \t\n]+/;

/** How unquoted expansions split: on IFS when the command line set it (`IFS=_; $cmd`), else on blanks. */
function splitter(scope: ExpansionScope): RegExp | undefined {
  const ifs = scope.vars.get('IFS');
  if (ifs === undefined || ifs === ' \t\n') return DEFAULT_SPLIT;
  if (ifs === '') return undefined;
  return new RegExp('[' + ifs.replace(/[\\\]^-]/g, '\\$&') + ']+');
}

function appendPart(part: Part, scope: ExpansionScope, f: Field, fields: Field[] | undefined, first: boolean): void {
  switch (part.type) {
    case 'lit': {
      if (part.quoted) {
        f.value += part.value;
        f.forced = true;
        return;
      }
      let v = part.value;
      if (first && v.charCodeAt(0) === 126 /* ~ */) {
        const slash = v.indexOf('/');
        const user = slash < 0 ? v.slice(1) : v.slice(1, slash);
        const rest = slash < 0 ? '' : v.slice(slash);
        if (user === '') {
          if (scope.home === undefined) f.dynamic = true;
          v = (scope.home ?? '') + rest;
        } else if (user === '+' || user === '-') {
          // ~+ is $PWD, ~- is $OLDPWD
          const dir = scope.vars.get(user === '+' ? 'PWD' : 'OLDPWD');
          if (dir === undefined) f.dynamic = true;
          v = (dir ?? '') + rest;
        } else if (/^[a-z_][a-z0-9_-]*$/i.test(user)) {
          v = (user === 'root' ? '/root' : '/home/' + user) + rest;
        }
      }
      f.value += v;
      if (hasGlobChar(v)) f.glob = true;
      return;
    }
    case 'param': {
      const value = paramValue(part, scope);
      if (value === undefined) {
        f.dynamic = true;
        // `terraform ${CMD:-destroy}`: unset, it is the default; still marked as only known when it runs
        const fallback = defaultWhenUnknown(part, scope);
        if (fallback !== undefined) f.value += fallback;
        if (part.quoted) f.forced = true;
        return;
      }
      f.value += value;
      if (part.quoted) f.forced = true;
      else if (hasGlobChar(value)) f.glob = true;
      return;
    }
    case 'cmdsub': {
      const known = scope.outputs?.get(part.body);
      // unquoted output is split and globbed: only a single plain word is taken as known
      if (known !== undefined && (part.quoted || (known !== '' && !/[\s*?[]/.test(known)))) {
        f.value += known;
        if (part.quoted) f.forced = true;
        return;
      }
      f.dynamic = true;
      if (part.quoted) f.forced = true;
      return;
    }
    case 'arith':
      f.dynamic = true;
      if (part.quoted) f.forced = true;
      return;
    case 'procsub':
      // a path like /dev/fd/63 whose content is produced by the command inside
      f.value += '/dev/fd/63';
      f.dynamic = true;
      return;
  }
  void fields;
}

function paramFields(name: string, scope: ExpansionScope): string[] | undefined {
  if (name === '@' || name === '*') {
    if (!scope.positional) return undefined;
    if (scope.positional.some((a) => a.dynamic)) return undefined;
    return scope.positional.slice(1).map((a) => a.value);
  }
  const v = lookup(name, scope);
  return v === undefined ? undefined : [v];
}

function lookup(name: string, scope: ExpansionScope): string | undefined {
  if (name.length === 1 && name >= '0' && name <= '9') {
    if (!scope.positional) return undefined;
    const a = scope.positional[Number(name)];
    if (a === undefined) return '';
    return a.dynamic ? undefined : a.value;
  }
  if (name === '#') return scope.positional ? String(Math.max(0, scope.positional.length - 1)) : undefined;
  // bash starts with IFS = space, tab, newline whatever the environment says (`rm${IFS}-rf${IFS}/`)
  if (!scope.vars.has(name)) return name === 'IFS' ? ' \t\n' : undefined;
  return scope.vars.get(name);
}

/** `${X:-default}` and friends, as far as they can be known. */
function paramValue(part: Extract<Part, { type: 'param' }>, scope: ExpansionScope): string | undefined {
  if (part.name === '@' || part.name === '*') {
    const fields = paramFields(part.name, scope);
    return fields === undefined ? undefined : fields.join(' ');
  }
  const v = lookup(part.name, scope);
  const op = part.op;
  if (op === undefined) return v;
  const argValue = (): string | undefined => {
    if (!part.arg) return '';
    const a = expandToString(part.arg, scope);
    return a.dynamic ? undefined : a.value;
  };
  switch (op) {
    case ':-': case ':=':
      if (v === undefined) return undefined;
      return v === '' ? argValue() : v;
    case '-': case '=':
      return v === undefined ? undefined : v;
    case ':+':
      if (v === undefined) return undefined;
      return v === '' ? '' : argValue();
    case '+':
      return v === undefined ? undefined : argValue();
    case ':?': case '?':
      return v;
    case '#':
      // ${#X}: length (prefix form has no arg)
      if (!part.arg) return v === undefined ? undefined : String(v.length);
      return undefined;
    default:
      return undefined;
  }
}

/** The default of `${X:-word}` / `${X-word}` / `${X:=word}` when X is unknown and the word is literal. */
function defaultWhenUnknown(part: Extract<Part, { type: 'param' }>, scope: ExpansionScope): string | undefined {
  const op = part.op;
  if (op !== ':-' && op !== '-' && op !== ':=' && op !== '=' || !part.arg || lookup(part.name, scope) !== undefined) return undefined;
  const a = expandToString(part.arg, scope);
  return a.dynamic || a.value === '' ? undefined : a.value;
}

// ---- brace expansion ---------------------------------------------------------------------------------

/**
 * Brace expansion on unquoted literal text (`{rm,-rf,/}`, `/{bin,etc}`, `file{1..3}`). Quoted parts and
 * expansions are opaque. Returns the list of part sequences to expand.
 */
function braceVariants(word: Word): (readonly Part[])[] {
  let has = false;
  for (const p of word.parts) {
    if (p.type === 'lit' && !p.quoted && p.value.includes('{')) {
      has = true;
      break;
    }
  }
  if (!has) return [word.parts];
  // Build a template: unquoted literal text as is, every other part as a placeholder character.
  const opaque: Part[] = [];
  let template = '';
  for (const p of word.parts) {
    if (p.type === 'lit' && !p.quoted) template += p.value;
    else {
      template += String.fromCharCode(0xe000 + opaque.length);
      opaque.push(p);
    }
  }
  const results = expandBraces(template);
  if (results.length <= 1 && results[0] === template) return [word.parts];
  return results.map((t) => {
    const parts: Part[] = [];
    let lit = '';
    for (const ch of t) {
      const code = ch.charCodeAt(0);
      if (code >= 0xe000 && code < 0xe000 + opaque.length) {
        if (lit) parts.push({ type: 'lit', value: lit, quoted: false });
        lit = '';
        parts.push(opaque[code - 0xe000] as Part);
      } else lit += ch;
    }
    if (lit) parts.push({ type: 'lit', value: lit, quoted: false });
    // a field made only of braces still exists
    if (parts.length === 0) parts.push({ type: 'lit', value: '', quoted: true });
    return parts;
  });
}

export function expandBraces(s: string): string[] {
  const out: string[] = [];
  expandInto(s, out);
  return out.length > 0 ? out : [s];
}

function expandInto(s: string, out: string[]): void {
  if (out.length >= MAX_BRACE_RESULTS) return;
  // find the first top-level {…} that contains a top-level comma or a .. sequence
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '{' || (i > 0 && s[i - 1] === '$')) continue;
    let depth = 0;
    const commas: number[] = [];
    let close = -1;
    for (let j = i; j < s.length; j++) {
      const c = s[j];
      if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (depth === 0) {
          close = j;
          break;
        }
      } else if (c === ',' && depth === 1) commas.push(j);
    }
    if (close < 0) return void out.push(s);
    const pre = s.slice(0, i);
    const post = s.slice(close + 1);
    const body = s.slice(i + 1, close);
    if (commas.length > 0) {
      let start = i + 1;
      for (const c of [...commas, close]) {
        expandInto(pre + s.slice(start, c) + post, out);
        start = c + 1;
      }
      return;
    }
    const range = /^(-?\d+|[a-zA-Z])\.\.(-?\d+|[a-zA-Z])(?:\.\.(-?\d+))?$/.exec(body);
    if (range) {
      const items = rangeItems(range[1] ?? '', range[2] ?? '', range[3]);
      for (const it of items) expandInto(pre + it + post, out);
      return;
    }
    // not an expansion: keep the braces literally and continue after them
    const rest: string[] = [];
    expandInto(post, rest);
    for (const r of rest) out.push(pre + '{' + body + '}' + r);
    return;
  }
  out.push(s);
}

function rangeItems(a: string, b: string, step: string | undefined): string[] {
  const items: string[] = [];
  const inc = Math.max(1, Math.abs(Number(step ?? 1)) || 1);
  if (/^-?\d+$/.test(a) && /^-?\d+$/.test(b)) {
    const x = Number(a), y = Number(b);
    for (let v = x; x <= y ? v <= y : v >= y; v += x <= y ? inc : -inc) {
      items.push(String(v));
      if (items.length >= MAX_BRACE_RESULTS) break;
    }
  } else if (a.length === 1 && b.length === 1) {
    const x = a.charCodeAt(0), y = b.charCodeAt(0);
    for (let v = x; x <= y ? v <= y : v >= y; v += x <= y ? inc : -inc) {
      items.push(String.fromCharCode(v));
      if (items.length >= MAX_BRACE_RESULTS) break;
    }
  }
  return items;
}

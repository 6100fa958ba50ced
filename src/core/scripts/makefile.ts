/**
 * The shell lines `make <target>` would run: the recipe of each goal and, before it, of its prerequisites
 * (depth first, each target once), with make's own variables expanded as far as the Makefile tells (`$(CC)`,
 * `$@`, `VAR := …`, `make VAR=x`). What make only knows when it runs (`$(shell …)` results, functions,
 * variables from elsewhere) becomes an unknown shell variable, so the walker sees it as dynamic rather than as
 * an empty string. Bounded in targets, lines and expansion depth.
 */

export interface RecipeLine {
  /** Shell text after make expansion, prefixes (`@`, `-`, `+`) removed. */
  readonly text: string;
  /** 1-based line in the Makefile. */
  readonly line: number;
  readonly target: string;
}

export interface MakeSpec {
  /** Shell texts make runs while reading the Makefile (`$(shell …)`, `!=`). */
  readonly parseTime: readonly RecipeLine[];
  readonly recipes: readonly RecipeLine[];
  /** Limits were reached; what was listed is incomplete. */
  readonly truncated: boolean;
}

/** Stands for what only make knows when it runs; an unset shell variable is dynamic to the walker. */
export const MAKE_UNKNOWN = '${AGENT_GUARD_MAKE_UNKNOWN}';

const MAX_TARGETS = 64;
const MAX_LINES = 400;
const MAX_EXPANSION_DEPTH = 8;

interface Rule {
  readonly targets: readonly string[];
  readonly prereqs: readonly string[];
  readonly recipe: { text: string; line: number }[];
  readonly pattern: boolean;
}

interface Parsed {
  readonly vars: Map<string, string | undefined>;
  readonly rules: Rule[];
  readonly parseTime: RecipeLine[];
  defaultGoal: string | undefined;
}

/** Make's built-in variables that recipes commonly use. */
const BUILTIN_VARS: Readonly<Record<string, string>> = {
  MAKE: 'make', RM: 'rm -f', CC: 'cc', CXX: 'g++', CPP: '$(CC) -E', AR: 'ar', AS: 'as', LD: 'ld', SHELL: '/bin/sh',
  ARFLAGS: 'rv', CFLAGS: '', CXXFLAGS: '', CPPFLAGS: '', LDFLAGS: '', LDLIBS: '', MAKEFLAGS: '', MFLAGS: '',
  INSTALL: 'install', MKDIR_P: 'mkdir -p', YACC: 'yacc', LEX: 'lex', FC: 'f77', PC: 'pc', TEX: 'tex',
};

const ASSIGN = /^\s*(?:(?:export|override|private)\s+)*([A-Za-z_.][\w.-]*)\s*(:::=|::=|:=|\?=|\+=|!=|=)\s*(.*)$/;
const DIRECTIVE = /^\s*(?:-?include|sinclude|ifeq|ifneq|ifdef|ifndef|else|endif|vpath|unexport|export\s*$|undefine)\b/;

/** Physical lines joined at backslash-newline (outside recipes the backslash and newline become one space). */
function logicalLines(text: string): { text: string; line: number; recipe: boolean }[] {
  const raw = text.split('\n');
  const out: { text: string; line: number; recipe: boolean }[] = [];
  for (let i = 0; i < raw.length; i++) {
    const start = i;
    let line = (raw[i] ?? '').replace(/\r$/, '');
    const recipe = line.startsWith('\t');
    while (line.endsWith('\\') && i + 1 < raw.length) {
      i++;
      const next = (raw[i] ?? '').replace(/\r$/, '');
      // in a recipe the shell sees the backslash-newline; a leading tab of the next line is dropped
      line = recipe ? line + '\n' + next.replace(/^\t/, '') : line.slice(0, -1) + ' ' + next.trimStart();
    }
    out.push({ text: line, line: start + 1, recipe });
  }
  return out;
}

function stripComment(line: string): string {
  const i = line.search(/(^|[^\\])#/);
  return i < 0 ? line : line.slice(0, i + (line[i] === '#' ? 0 : 1));
}

function parseMakefile(text: string, overrides: Readonly<Record<string, string>>): Parsed {
  const vars = new Map<string, string | undefined>(Object.entries(BUILTIN_VARS));
  const rules: Rule[] = [];
  const parseTime: RecipeLine[] = [];
  const parsed: Parsed = { vars, rules, parseTime, defaultGoal: undefined };
  let current: Rule | undefined;
  let inDefine = false;
  for (const l of logicalLines(text)) {
    if (inDefine) {
      if (/^\s*endef\b/.test(l.text)) inDefine = false;
      continue;
    }
    if (l.recipe && current) {
      current.recipe.push({ text: l.text.slice(1), line: l.line });
      continue;
    }
    const body = stripComment(l.text);
    if (body.trim() === '') continue;
    const define = /^\s*(?:(?:export|override)\s+)*define\s+([A-Za-z_.][\w.-]*)/.exec(body);
    if (define) {
      vars.set(define[1] ?? '', undefined);
      inDefine = true;
      current = undefined;
      continue;
    }
    if (DIRECTIVE.test(body)) continue;
    for (const m of body.matchAll(/\$\(shell\s/g)) {
      const inner = balanced(body, (m.index ?? 0) + 1);
      if (inner !== undefined) parseTime.push({ text: expand(inner.slice(6), parsed, {}, 0), line: l.line, target: '(parse)' });
    }
    const colon = ruleColon(body);
    const assign = ASSIGN.exec(body);
    if (assign && colon < 0) {
      current = undefined;
      const name = assign[1] ?? '';
      const op = assign[2] ?? '=';
      const value = (assign[3] ?? '').trim();
      if (name === '.DEFAULT_GOAL') parsed.defaultGoal = value;
      if (name in overrides) continue;
      if (op === '!=') {
        parseTime.push({ text: expand(value, parsed, {}, 0), line: l.line, target: '(parse)' });
        vars.set(name, undefined);
      } else if (op === '?=') {
        if (!vars.has(name) || name in BUILTIN_VARS) vars.set(name, value);
      } else if (op === '+=') {
        const prev = vars.has(name) ? vars.get(name) : '';
        vars.set(name, prev === undefined ? undefined : (prev + ' ' + value).trim());
      } else if (op === ':=' || op === '::=' || op === ':::=') {
        vars.set(name, expand(value, parsed, {}, 0));
      } else vars.set(name, value);
      continue;
    }
    if (colon < 0) {
      current = undefined;
      continue;
    }
    const targets = body.slice(0, colon).trim().split(/\s+/).filter((t) => t !== '');
    let after = body.slice(colon + 1);
    if (after.startsWith(':')) after = after.slice(1);
    let inline: string | undefined;
    const semi = after.indexOf(';');
    if (semi >= 0) {
      inline = after.slice(semi + 1);
      after = after.slice(0, semi);
    }
    // target-specific variables (`t: VAR = x`) are not prerequisites
    if (ASSIGN.test(after) && !after.trim().startsWith('$')) {
      current = undefined;
      continue;
    }
    // static pattern rules `objs: %.o: %.c` — the last part lists the prerequisites
    const parts = after.split(/(?<!:):(?!=)/);
    const prereqText = (parts[parts.length - 1] ?? '').replace(/\|/g, ' ');
    const prereqs = expand(prereqText, parsed, {}, 0).split(/\s+/).filter((p) => p !== '' && !p.includes('${AGENT_GUARD'));
    const expandedTargets = targets.flatMap((t) => expand(t, parsed, {}, 0).split(/\s+/)).filter((t) => t !== '');
    current = { targets: expandedTargets, prereqs, recipe: [], pattern: expandedTargets.some((t) => t.includes('%')) };
    if (inline !== undefined && inline.trim() !== '') current.recipe.push({ text: inline.trim(), line: l.line });
    rules.push(current);
    if (parsed.defaultGoal === undefined) {
      const goal = expandedTargets.find((t) => !t.includes('%') && (!t.startsWith('.') || t.includes('/')));
      if (goal !== undefined) parsed.defaultGoal = goal;
    }
  }
  for (const [k, v] of Object.entries(overrides)) vars.set(k, v);
  return parsed;
}

/** Index of the `:` that separates targets from prerequisites, or -1 (ignores `:=`, `$(…:…)`, drive letters). */
function ruleColon(line: string): number {
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '$' && (line[i + 1] === '(' || line[i + 1] === '{')) {
      depth++;
      i++;
    } else if ((c === ')' || c === '}') && depth > 0) depth--;
    else if (c === ':' && depth === 0) return /^:{1,3}=/.test(line.slice(i)) ? -1 : i;
    else if (c === '=' && depth === 0) return -1;
  }
  return -1;
}

/** `(…)` or `{…}` starting at `open`, balanced; returns the text inside. */
function balanced(s: string, open: number): string | undefined {
  const o = s[open];
  const close = o === '(' ? ')' : o === '{' ? '}' : undefined;
  if (close === undefined) return undefined;
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === o) depth++;
    else if (s[i] === close && --depth === 0) return s.slice(open + 1, i);
  }
  return undefined;
}

interface Automatic {
  readonly target?: string;
  readonly prereqs?: readonly string[];
  readonly stem?: string;
}

/** Make's expansion of `$…` in a text: `$$` → `$`, variables, automatic variables, a few functions. */
function expand(text: string, p: Parsed, auto: Automatic, depth: number): string {
  if (depth > MAX_EXPANSION_DEPTH) return MAKE_UNKNOWN;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '$') {
      out += c;
      continue;
    }
    const n = text[i + 1];
    if (n === undefined) break;
    if (n === '$') {
      out += '$';
      i++;
      continue;
    }
    if (n === '(' || n === '{') {
      const inner = balanced(text, i + 1);
      if (inner === undefined) {
        out += MAKE_UNKNOWN;
        break;
      }
      i += inner.length + 2;
      out += reference(inner, p, auto, depth);
      continue;
    }
    out += reference(n, p, auto, depth);
    i++;
  }
  return out;
}

function reference(ref: string, p: Parsed, auto: Automatic, depth: number): string {
  switch (ref) {
    case '@': return auto.target ?? MAKE_UNKNOWN;
    case '<': return auto.prereqs?.[0] ?? '';
    case '^':
    case '+': return (auto.prereqs ?? []).join(' ');
    case '?': return (auto.prereqs ?? []).join(' ');
    case '*': return auto.stem ?? MAKE_UNKNOWN;
    case '|': return '';
  }
  const fn = /^([a-z-]+)\s+([\s\S]*)$/.exec(ref);
  if (fn) {
    const [, name, arg = ''] = fn;
    if (name === 'shell') return '$(' + expand(arg, p, auto, depth + 1) + ')';
    if (name === 'wildcard' || name === 'strip' || name === 'sort' || name === 'realpath' || name === 'abspath') return expand(arg, p, auto, depth + 1).trim();
    if (name === 'notdir') return expand(arg, p, auto, depth + 1).split(/\s+/).map((w) => w.slice(w.lastIndexOf('/') + 1)).join(' ');
    return MAKE_UNKNOWN;
  }
  // substitution reference `$(VAR:.c=.o)` is left unknown; plain variables are expanded recursively
  if (ref.includes(':') || ref.includes('$')) return MAKE_UNKNOWN;
  if (!p.vars.has(ref)) return MAKE_UNKNOWN;
  const v = p.vars.get(ref);
  return v === undefined ? MAKE_UNKNOWN : expand(v, p, auto, depth + 1);
}

/** Recipe prefixes: `@` (silent), `-` (ignore errors), `+` (run even with -n). */
function stripPrefixes(line: string): string {
  return line.replace(/^[\s@+-]*/, '');
}

function patternMatch(pattern: string, target: string): string | undefined {
  const pct = pattern.indexOf('%');
  if (pct < 0) return undefined;
  const pre = pattern.slice(0, pct);
  const post = pattern.slice(pct + 1);
  if (target.length < pre.length + post.length || !target.startsWith(pre) || !target.endsWith(post)) return undefined;
  return target.slice(pre.length, target.length - post.length);
}

/**
 * The recipe lines `make` runs for `goals` (the default goal when empty), prerequisites first. `vars` are
 * command-line assignments (`make VAR=x`) and known environment variables (used only for names the Makefile
 * does not set).
 */
export function makeRecipes(text: string, goals: readonly string[], overrides: Readonly<Record<string, string>>, environment: Readonly<Record<string, string>> = {}): MakeSpec {
  const p = parseMakefile(text, overrides);
  for (const [k, v] of Object.entries(environment)) if (!p.vars.has(k)) p.vars.set(k, v);
  const recipes: RecipeLine[] = [];
  const visited = new Set<string>();
  let truncated = false;
  const explicit = (t: string): Rule[] => p.rules.filter((r) => !r.pattern && r.targets.includes(t));
  const visit = (target: string, depth: number): void => {
    if (visited.has(target)) return;
    if (visited.size >= MAX_TARGETS || recipes.length >= MAX_LINES || depth > 32) {
      truncated = true;
      return;
    }
    visited.add(target);
    let rules = explicit(target);
    let stem: string | undefined;
    if (!rules.some((r) => r.recipe.length > 0)) {
      for (const r of p.rules) {
        if (!r.pattern || r.recipe.length === 0) continue;
        const s = r.targets.map((t) => patternMatch(t, target)).find((x) => x !== undefined);
        if (s !== undefined) {
          stem = s;
          rules = [...rules, { ...r, prereqs: r.prereqs.map((q) => q.replace('%', s)) }];
          break;
        }
      }
    }
    const prereqs = rules.flatMap((r) => r.prereqs);
    for (const q of prereqs) visit(q, depth + 1);
    for (const r of rules) {
      const auto: Automatic = stem === undefined ? { target, prereqs: r.prereqs } : { target, prereqs: r.prereqs, stem };
      for (const line of r.recipe) {
        if (recipes.length >= MAX_LINES) {
          truncated = true;
          return;
        }
        const body = stripPrefixes(line.text);
        if (body.trim() === '' || body.trimStart().startsWith('#')) continue;
        recipes.push({ text: stripPrefixes(expand(body, p, auto, 0)), line: line.line, target });
      }
    }
  };
  const wanted = goals.length > 0 ? goals : p.defaultGoal !== undefined ? [p.defaultGoal] : [];
  for (const g of wanted) visit(g, 0);
  return { parseTime: p.parseTime, recipes, truncated };
}

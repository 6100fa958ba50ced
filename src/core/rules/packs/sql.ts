/**
 * A small SQL reader for the database pack: splits a script into statements the way the clients do
 * (quotes, comments, PostgreSQL dollar-quoting, psql/sqlite meta commands, MySQL `DELIMITER`) and names the
 * statements that destroy data. Words inside strings, comments and function bodies never count, so
 * `SELECT 'drop table x'` is harmless and `DELETE FROM t WHERE id = 1` is a normal delete.
 */

export type SqlDialect = 'postgres' | 'mysql' | 'sqlite' | 'generic';

export type SqlFindingKind = 'drop' | 'truncate' | 'delete-all' | 'update-all' | 'drop-column';

export interface SqlFinding {
  readonly kind: SqlFindingKind;
  /** For `drop`: the object type in upper case (`TABLE`, `DATABASE`, `SCHEMA`, `USER`, …). */
  readonly object: string | undefined;
  /** The table/database named by the statement, when it could be read. */
  readonly name: string | undefined;
  /** The statement, whitespace collapsed and shortened, for messages. */
  readonly statement: string;
}

type TokKind = 'word' | 'ident' | 'str' | 'num' | 'op';

interface Tok {
  readonly kind: TokKind;
  /** Words upper-cased; quoted identifiers without their quotes. */
  readonly value: string;
  readonly depth: number;
}

interface Statement {
  readonly tokens: readonly Tok[];
  readonly text: string;
}

const DOLLAR_TAG = /\$([A-Za-z_][A-Za-z0-9_]*)?\$/y;
const SPACES = /\s+/g;
const DELIMITER_LINE = /DELIMITER[ \t]+(\S+)[^\n]*/iy;
const WORD_CHAR = /[A-Za-z0-9_$]/;

/** A–Z, a–z, `_` (SQL identifiers start with these). */
function isLetter(k: number): boolean {
  return (k >= 65 && k <= 90) || (k >= 97 && k <= 122) || k === 95;
}

function isDigitCode(k: number): boolean {
  return k >= 48 && k <= 57;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && WORD_CHAR.test(c);
}

/** Split SQL text into statements with their tokens. Meta commands (`\dt`, `.tables`) are dropped. */
function readStatements(sql: string, dialect: SqlDialect, keepAll = false): Statement[] {
  const out: Statement[] = [];
  const backslashEscapes = dialect === 'mysql' || dialect === 'generic';
  let delimiter = ';';
  let tokens: Tok[] = [];
  let depth = 0;
  let start = -1;
  let end = 0;
  const n = sql.length;

  // statements that cannot destroy data (INSERT, SELECT, CREATE …, most of a dump) are only delimited, not kept
  let skipping = false;
  const finish = (): void => {
    if (tokens.length > 0 && start >= 0 && !skipping) out.push({ tokens, text: sql.slice(start, end) });
    tokens = [];
    depth = 0;
    start = -1;
    skipping = false;
  };
  const push = (kind: TokKind, value: string, from: number, to: number): void => {
    if (start < 0) start = from;
    end = to;
    if (skipping) return;
    if (!keepAll && tokens.length === 0 && !(kind === 'word' && CANDIDATE_VERBS.has(value))) {
      skipping = true;
      tokens.push({ kind, value, depth });
      return;
    }
    tokens.push({ kind, value, depth });
  };
  /** Index just after a quoted run starting at `i` (the opening quote), honouring doubled quotes. */
  const skipQuoted = (i: number, q: string, escapes: boolean): number => {
    let j = i + 1;
    while (j < n) {
      const c = sql[j];
      if (escapes && c === '\\') {
        j += 2;
        continue;
      }
      if (c === q) {
        if (sql[j + 1] === q) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return n;
  };
  const skipToEol = (i: number): number => {
    const e = sql.indexOf('\n', i);
    return e < 0 ? n : e + 1;
  };

  let i = 0;
  while (i < n) {
    const c = sql[i] ?? '';
    if (isSpace(c)) {
      i++;
      continue;
    }
    // client commands, only where a statement starts
    if (tokens.length === 0) {
      if (dialect === 'mysql') {
        DELIMITER_LINE.lastIndex = i;
        const m = DELIMITER_LINE.exec(sql);
        if (m) {
          delimiter = m[1] ?? ';';
          i = DELIMITER_LINE.lastIndex;
          continue;
        }
      }
      if (dialect === 'sqlite' && c === '.') {
        i = skipToEol(i);
        continue;
      }
    }
    if (delimiter !== ';' && sql.startsWith(delimiter, i)) {
      finish();
      i += delimiter.length;
      continue;
    }
    if (c === ';') {
      if (delimiter === ';') finish();
      else push('op', ';', i, i + 1);
      i++;
      continue;
    }
    if (c === '\\' && dialect === 'postgres') {
      // psql meta command: ends the statement buffer (`\g`) or stands alone (`\dt`), up to the end of line
      finish();
      i = skipToEol(i);
      continue;
    }
    if (c === '-' && sql[i + 1] === '-') {
      i = skipToEol(i);
      continue;
    }
    if (c === '#' && dialect === 'mysql') {
      i = skipToEol(i);
      continue;
    }
    if (c === '/' && sql[i + 1] === '*') {
      // PostgreSQL nests block comments; the others do not, and nesting never appears in practice there
      let level = 1;
      let j = i + 2;
      while (j < n && level > 0) {
        if (sql[j] === '*' && sql[j + 1] === '/') {
          level--;
          j += 2;
        } else if (dialect === 'postgres' && sql[j] === '/' && sql[j + 1] === '*') {
          level++;
          j += 2;
        } else j++;
      }
      i = j;
      continue;
    }
    if (c === "'") {
      const escaped = backslashEscapes || ((sql[i - 1] === 'E' || sql[i - 1] === 'e') && !isWordChar(sql[i - 2]));
      const j = skipQuoted(i, "'", escaped);
      push('str', skipping ? '' : sql.slice(i + 1, j - 1), i, j);
      i = j;
      continue;
    }
    if (c === '"') {
      const j = skipQuoted(i, '"', dialect === 'mysql');
      push(dialect === 'mysql' ? 'str' : 'ident', skipping ? '' : sql.slice(i + 1, j - 1), i, j);
      i = j;
      continue;
    }
    if (c === '`') {
      const j = skipQuoted(i, '`', false);
      push('ident', skipping ? '' : sql.slice(i + 1, j - 1), i, j);
      i = j;
      continue;
    }
    if (c === '[' && dialect === 'sqlite') {
      const e = sql.indexOf(']', i + 1);
      const j = e < 0 ? n : e + 1;
      push('ident', skipping ? '' : sql.slice(i + 1, j - 1), i, j);
      i = j;
      continue;
    }
    if (c === '$' && (dialect === 'postgres' || dialect === 'generic') && !isWordChar(sql[i - 1])) {
      DOLLAR_TAG.lastIndex = i;
      const m = DOLLAR_TAG.exec(sql);
      if (m) {
        const tag = m[0];
        const close = sql.indexOf(tag, i + tag.length);
        const j = close < 0 ? n : close + tag.length;
        push('str', skipping ? '' : sql.slice(i + tag.length, close < 0 ? n : close), i, j);
        i = j;
        continue;
      }
    }
    const code = sql.charCodeAt(i);
    if (isLetter(code)) {
      let j = i + 1;
      while (j < n && (isLetter(sql.charCodeAt(j)) || isDigitCode(sql.charCodeAt(j)) || sql.charCodeAt(j) === 36)) j++;
      push('word', skipping ? '' : sql.slice(i, j).toUpperCase(), i, j);
      i = j;
      continue;
    }
    if (isDigitCode(code)) {
      let j = i + 1;
      while (j < n && (isDigitCode(sql.charCodeAt(j)) || sql.charCodeAt(j) === 46)) j++;
      push('num', skipping ? '' : sql.slice(i, j), i, j);
      i = j;
      continue;
    }
    if (c === '(') {
      push('op', c, i, i + 1);
      depth++;
    } else if (c === ')') {
      depth = Math.max(0, depth - 1);
      push('op', c, i, i + 1);
    } else {
      push('op', c, i, i + 1);
    }
    i++;
  }
  finish();
  return out;
}

function isWord(t: Tok | undefined, ...values: string[]): boolean {
  return t !== undefined && t.kind === 'word' && values.includes(t.value);
}

/** A possibly qualified name starting at `i` (`db.schema.t`, `"My Table"`), and the index after it. */
function readName(tokens: readonly Tok[], i: number): { name: string | undefined; next: number } {
  const parts: string[] = [];
  let j = i;
  while (j < tokens.length) {
    const t = tokens[j];
    if (!t || (t.kind !== 'word' && t.kind !== 'ident')) break;
    parts.push(t.kind === 'word' ? t.value.toLowerCase() : t.value);
    j++;
    if (tokens[j]?.kind === 'op' && tokens[j]?.value === '.') j++;
    else break;
  }
  return { name: parts.length > 0 ? parts.join('.') : undefined, next: j };
}

const DROP_OBJECTS = new Set(['DATABASE', 'SCHEMA', 'TABLE', 'KEYSPACE', 'OWNED', 'TABLESPACE', 'USER', 'ROLE', 'COLLECTION']);
/** Words that follow `DROP` inside `ALTER TABLE` and do not remove a column. */
const ALTER_DROP_NOT_COLUMN = new Set([
  'CONSTRAINT', 'INDEX', 'KEY', 'PRIMARY', 'FOREIGN', 'CHECK', 'DEFAULT', 'NOT', 'IDENTITY', 'EXPRESSION',
  'PARTITION', 'TRIGGER', 'ROW', 'SYSTEM', 'PERIOD', 'FULLTEXT', 'SPATIAL', 'UNIQUE',
]);
const CLAUSE_END = new Set(['RETURNING', 'ORDER', 'LIMIT', 'OUTPUT']);
const TRIVIALLY_TRUE = new Set(['1=1', 'TRUE', '1', '0=0', "'1'='1'", '1<>0', 'NOTFALSE']);

/** True when the statement has a top-level `WHERE` that actually restricts the rows. */
function hasRestrictingWhere(tokens: readonly Tok[], from: number, depth: number): boolean {
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || t.depth !== depth || !isWord(t, 'WHERE')) continue;
    let cond = '';
    for (let j = i + 1; j < tokens.length; j++) {
      const u = tokens[j];
      if (!u) break;
      if (u.depth === depth && u.kind === 'word' && CLAUSE_END.has(u.value)) break;
      cond += u.kind === 'str' ? `'${u.value}'` : u.value;
      if (cond.length > 12) return true;
    }
    return !TRIVIALLY_TRUE.has(cond);
  }
  return false;
}

function shorten(text: string): string {
  const one = text.replace(SPACES, ' ').trim();
  return one.length > 100 ? one.slice(0, 97) + '…' : one;
}

/** First words of statements that may destroy data; every other statement is skipped while reading. */
const CANDIDATE_VERBS = new Set(['DROP', 'TRUNCATE', 'DELETE', 'UPDATE', 'ALTER', 'WITH', 'EXPLAIN']);

function classify(st: Statement): SqlFinding[] {
  const t = st.tokens;
  let i = 0;
  // EXPLAIN only runs the statement with ANALYZE
  if (isWord(t[0], 'EXPLAIN')) {
    if (!isWord(t[1], 'ANALYZE', 'ANALYSE')) return [];
    i = 2;
  }
  // WITH … AS (…) DELETE/UPDATE: the main verb is the first top-level verb after the CTEs
  if (isWord(t[i], 'WITH')) {
    let j = i + 1;
    while (j < t.length && !(t[j]?.depth === 0 && isWord(t[j], 'DELETE', 'UPDATE', 'INSERT', 'SELECT', 'MERGE'))) j++;
    i = j;
  }
  const verb = t[i];
  if (!verb || verb.kind !== 'word') return [];
  const found = (kind: SqlFindingKind, object: string | undefined, name: string | undefined): SqlFinding[] => [{ kind, object, name, statement: shorten(st.text) }];

  switch (verb.value) {
    case 'DROP': {
      let j = i + 1;
      if (isWord(t[j], 'TEMPORARY', 'TEMP')) return []; // session-scoped tables vanish anyway
      const object = t[j]?.kind === 'word' ? t[j]?.value : undefined;
      if (object === undefined || !DROP_OBJECTS.has(object)) return [];
      j++;
      if (object === 'OWNED') return found('drop', object, undefined);
      if (isWord(t[j], 'IF') && isWord(t[j + 1], 'EXISTS')) j += 2;
      return found('drop', object, readName(t, j).name);
    }
    case 'TRUNCATE': {
      let j = i + 1;
      if (isWord(t[j], 'TABLE')) j++;
      if (isWord(t[j], 'ONLY')) j++;
      return found('truncate', undefined, readName(t, j).name);
    }
    case 'DELETE': {
      let j = i + 1;
      while (isWord(t[j], 'LOW_PRIORITY', 'QUICK', 'IGNORE')) j++;
      if (isWord(t[j], 'FROM')) j++;
      if (isWord(t[j], 'ONLY')) j++;
      const { name } = readName(t, j);
      return hasRestrictingWhere(t, j, verb.depth) ? [] : found('delete-all', undefined, name);
    }
    case 'UPDATE': {
      let j = i + 1;
      while (isWord(t[j], 'LOW_PRIORITY', 'IGNORE', 'ONLY')) j++;
      const { name } = readName(t, j);
      return hasRestrictingWhere(t, j, verb.depth) ? [] : found('update-all', undefined, name);
    }
    case 'ALTER': {
      if (!isWord(t[i + 1], 'TABLE')) return [];
      let j = i + 2;
      if (isWord(t[j], 'IF') && isWord(t[j + 1], 'EXISTS')) j += 2;
      if (isWord(t[j], 'ONLY')) j++;
      const { name, next } = readName(t, j);
      for (let k = next; k < t.length; k++) {
        const tk = t[k];
        if (!tk || tk.depth !== 0 || !isWord(tk, 'DROP')) continue;
        const after = t[k + 1];
        if (!after) break;
        if (isWord(after, 'COLUMN') || (after.kind === 'ident') || (after.kind === 'word' && !ALTER_DROP_NOT_COLUMN.has(after.value))) {
          return found('drop-column', undefined, name);
        }
      }
      return [];
    }
    default:
      return [];
  }
}

/** Every statement in `sql` that destroys data, in order. */
export function findDestructiveSql(sql: string, dialect: SqlDialect): SqlFinding[] {
  const out: SqlFinding[] = [];
  for (const st of readStatements(sql, dialect)) out.push(...classify(st));
  return out;
}

/** The statements of `sql` as the client would send them (for tests and messages). */
export function splitSql(sql: string, dialect: SqlDialect): string[] {
  return readStatements(sql, dialect, true).map((s) => s.text.trim());
}

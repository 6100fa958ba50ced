/**
 * Databases: statements and commands that delete data for good — `DROP`, `TRUNCATE`, `DELETE`/`UPDATE` without
 * `WHERE`, `ALTER TABLE … DROP COLUMN`, Redis `FLUSHALL`, Mongo `dropDatabase()`, `dropdb` — however the SQL
 * reaches the client: `-c`/`-e`/`--eval`, positional SQL, a heredoc, a pipe, or a file (`-f x.sql`,
 * `< dump.sql`, read through the adapter). Reading queries, `\dt`, `.tables`, dumps stay silent.
 */
import type { Invocation } from '../../invocation';
import type { RuleContext } from '../context';
import type { CommandRule, RuleHit, RulePack } from '../rule';
import type { Risk } from '../../verdict';
import { clusteredValues, hasExact, hasFlag, hasLong, hasShort, optionValue, optionValues, positionals, subcommand } from '../args';
import { findDestructiveSql, type SqlDialect, type SqlFinding, type SqlFindingKind } from './sql';
import { scanCode, type Value } from './code';

/** Where SQL was found, for messages: `-c`, `stdin`, `dump.sql`. */
interface SqlText {
  readonly text: string;
  readonly from: string;
}

interface SqlAnalysis {
  readonly findings: readonly (SqlFinding & { readonly from: string })[];
  readonly database: string | undefined;
}

/** Files larger than this are judged by their first megabyte only (dumps can be huge; reading costs ~70 ns/char). */
const MAX_SQL_CHARS = 1_000_000;

function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? p : p.slice(i + 1);
}

/** The text fed to the program's standard input, when it can be known (literal text or a readable file). */
function stdinText(inv: Invocation, ctx: RuleContext): SqlText[] {
  const s = inv.stdin;
  if (!s) return [];
  if (s.text !== undefined) return [{ text: s.text, from: s.kind === 'pipe' ? 'the piped input' : 'standard input' }];
  if (s.kind === 'file' && s.path !== undefined) return readText(s.path, inv, ctx);
  // `cat a.sql b.sql | psql`
  if (s.kind === 'pipe' && s.from === 'cat' && s.fromArgs) {
    return s.fromArgs.filter((a) => !a.startsWith('-')).flatMap((f) => readText(f, inv, ctx));
  }
  return [];
}

/** A file the client reads; unreadable files are not a finding by themselves. */
function readText(path: string, inv: Invocation, ctx: RuleContext): SqlText[] {
  if (path === '-' || path === '') return [];
  const abs = ctx.resolvePath(path, inv.cwd).abs;
  const text = ctx.readFile(abs);
  if (text === undefined) return [];
  return [{ text: text.length > MAX_SQL_CHARS ? text.slice(0, MAX_SQL_CHARS) : text, from: basename(path) }];
}

/** Database name from a connection URI (`postgres://u@h/app?x=1` → `app`). */
function dbFromUri(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const m = URI_DB.exec(s);
  if (m) return m[1] !== undefined && m[1] !== '' ? decodeURIComponent(m[1]) : undefined;
  return s.includes('=') ? (CONNINFO_DB.exec(s)?.[1] ?? undefined) : s;
}
const URI_DB = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*\/([^?#]*)/i;
const CONNINFO_DB = /(?:^|\s)dbname=(\S+)/;

interface ClientSql {
  readonly dialect: SqlDialect;
  readonly texts: readonly SqlText[];
  readonly database: string | undefined;
}

/** psql short options that take a value: in `-dlive` the `l` is part of the value. */
const PSQL_SHORT_VALUE_LETTERS = 'cdfhpUvoLFRPT';
/** mysql short options that take a value (`-p` only takes an attached password, so it is not one). */
const MYSQL_SHORT_VALUE_LETTERS = 'eDhuPSO';
const PSQL_VALUE_OPTS = ['-c', '--command', '-d', '--dbname', '-f', '--file', '-h', '--host', '-p', '--port', '-U', '--username', '-v', '--set', '--variable', '-o', '--output', '-L', '--log-file', '-F', '--field-separator', '-R', '--record-separator', '-P', '--pset', '-T', '--table-attr'];
const MYSQL_VALUE_OPTS = ['-e', '--execute', '-D', '--database', '-h', '--host', '-u', '--user', '-P', '--port', '-S', '--socket', '--default-character-set', '--defaults-file', '--defaults-extra-file', '--protocol', '--login-path', '--init-command'];
const SQLITE_VALUE_OPTS = ['-cmd', '-separator', '-newline', '-nullvalue', '-init', '-vfs', '-mmap', '-lookaside', '-pagecache', '-heap', '-maxsize', '-escape', '-c', '-s', '--cmd', '--separator', '--init'];
const COCKROACH_VALUE_OPTS = ['-e', '--execute', '-f', '--file', '--url', '--host', '--port', '-p', '--user', '-u', '--database', '-d', '--certs-dir', '--format'];

/** psql, mysql, sqlite3, … : the SQL this invocation sends, from every place the client reads it. */
function clientSql(inv: Invocation, ctx: RuleContext): ClientSql | undefined {
  const args = inv.args;
  switch (inv.program) {
    case 'psql':
    case 'usql': {
      if (hasShort(args, 'l', { valueOpts: PSQL_SHORT_VALUE_LETTERS }) || hasLong(args, 'list') || hasLong(args, 'help') || hasLong(args, 'version')) return undefined;
      const commands = clusteredValues(args, 'c', PSQL_SHORT_VALUE_LETTERS, ['--command']);
      const files = clusteredValues(args, 'f', PSQL_SHORT_VALUE_LETTERS, ['--file']);
      const texts: SqlText[] = commands.map((c) => ({ text: c, from: 'the command' }));
      for (const f of files) texts.push(...(f === '-' ? stdinText(inv, ctx) : readText(f, inv, ctx)));
      if (commands.length === 0 && files.length === 0) texts.push(...stdinText(inv, ctx));
      const database = dbFromUri(optionValue(args, ['-d', '--dbname']) ?? positionals(args, PSQL_VALUE_OPTS)[0]);
      return { dialect: 'postgres', texts, database };
    }
    case 'mysql':
    case 'mariadb':
    case 'mycli': {
      const commands = clusteredValues(args, 'e', MYSQL_SHORT_VALUE_LETTERS, ['--execute']);
      const texts: SqlText[] = commands.map((c) => ({ text: c, from: 'the command' }));
      if (commands.length === 0) texts.push(...stdinText(inv, ctx));
      const database = optionValue(args, ['-D', '--database']) ?? positionals(args, MYSQL_VALUE_OPTS)[0];
      return { dialect: 'mysql', texts, database };
    }
    case 'sqlite3':
    case 'sqlite':
    case 'duckdb': {
      const pos = positionals(args, SQLITE_VALUE_OPTS);
      // an in-memory database (the default without a file) vanishes when the command ends
      if (pos[0] === undefined || pos[0] === ':memory:') return undefined;
      const texts: SqlText[] = [...optionValues(args, ['-cmd', '--cmd', '-c', '-s']), ...pos.slice(1)].map((c) => ({ text: c, from: 'the command' }));
      if (pos.length <= 1) texts.push(...stdinText(inv, ctx));
      return { dialect: 'sqlite', texts, database: pos[0] };
    }
    case 'cockroach': {
      const sub = subcommand(args, ['--host', '--url', '--certs-dir']);
      if (sub?.name !== 'sql' && sub?.name !== 'demo') return undefined;
      const rest = sub.rest;
      const commands = optionValues(rest, ['-e', '--execute']);
      const files = optionValues(rest, ['-f', '--file']);
      const texts: SqlText[] = commands.map((c) => ({ text: c, from: 'the command' }));
      for (const f of files) texts.push(...readText(f, inv, ctx));
      if (commands.length === 0 && files.length === 0) texts.push(...stdinText(inv, ctx));
      return { dialect: 'postgres', texts, database: optionValue(rest, ['-d', '--database']) ?? dbFromUri(optionValue(rest, ['--url'])) ?? positionals(rest, COCKROACH_VALUE_OPTS)[0] };
    }
    case 'clickhouse-client':
    case 'clickhouse': {
      let rest = args;
      if (inv.program === 'clickhouse') {
        if (args[0] !== 'client' && args[0] !== 'local') return undefined;
        rest = args.slice(1);
      }
      const commands = optionValues(rest, ['-q', '--query']);
      const files = optionValues(rest, ['--queries-file']);
      const texts: SqlText[] = commands.map((c) => ({ text: c, from: 'the query' }));
      for (const f of files) texts.push(...readText(f, inv, ctx));
      if (commands.length === 0 && files.length === 0) texts.push(...stdinText(inv, ctx));
      return { dialect: 'generic', texts, database: optionValue(rest, ['-d', '--database']) };
    }
    case 'cqlsh': {
      const commands = optionValues(args, ['-e', '--execute']);
      const texts: SqlText[] = commands.map((c) => ({ text: c, from: 'the command' }));
      for (const f of optionValues(args, ['-f', '--file'])) texts.push(...readText(f, inv, ctx));
      if (texts.length === 0) texts.push(...stdinText(inv, ctx));
      return { dialect: 'generic', texts, database: optionValue(args, ['-k', '--keyspace']) };
    }
    case 'sqlcmd': {
      const commands = optionValues(args, ['-Q', '-q']);
      const texts: SqlText[] = commands.map((c) => ({ text: c, from: 'the query' }));
      for (const f of optionValues(args, ['-i'])) texts.push(...readText(f, inv, ctx));
      if (texts.length === 0) texts.push(...stdinText(inv, ctx));
      return { dialect: 'generic', texts, database: optionValue(args, ['-d']) };
    }
    default:
      return undefined;
  }
}

const analysed = new WeakMap<Invocation, SqlAnalysis | undefined>();

/** Every data-destroying statement the invocation sends (computed once per invocation for all SQL rules). */
function analyse(inv: Invocation, ctx: RuleContext): SqlAnalysis | undefined {
  if (analysed.has(inv)) return analysed.get(inv);
  const client = clientSql(inv, ctx);
  let result: SqlAnalysis | undefined;
  if (client) {
    const findings: (SqlFinding & { from: string })[] = [];
    for (const t of client.texts) for (const f of findDestructiveSql(t.text, client.dialect)) findings.push({ ...f, from: t.from });
    result = { findings, database: client.database };
  }
  analysed.set(inv, result);
  return result;
}

const SQL_CLIENTS = ['psql', 'usql', 'mysql', 'mariadb', 'mycli', 'sqlite3', 'sqlite', 'duckdb', 'cockroach', 'clickhouse-client', 'clickhouse', 'sqlcmd', 'cqlsh'];

function where(f: { readonly from: string }): string {
  return f.from === 'the command' || f.from === 'the query' ? '' : ` (in ${f.from})`;
}

function more(n: number): string {
  return n > 1 ? ` (and ${String(n - 1)} more such statement${n > 2 ? 's' : ''})` : '';
}

/** A rule over SQL findings of some kinds; `describe` turns the first finding into the message. */
function sqlRule(
  id: string,
  kinds: readonly SqlFindingKind[],
  level: { risk: Risk },
  message: string,
  describe: (f: SqlFinding & { from: string }, a: SqlAnalysis) => RuleHit | undefined,
  examples: CommandRule['examples'],
): CommandRule {
  return {
    id,
    programs: SQL_CLIENTS,
    decision: 'confirm',
    risk: level.risk,
    message,
    match: (inv, ctx) => {
      const a = analyse(inv, ctx);
      if (!a) return undefined;
      const hits = a.findings.filter((f) => kinds.includes(f.kind));
      const first = hits[0];
      if (!first) return undefined;
      const hit = describe(first, a);
      if (!hit) return undefined;
      return { ...hit, message: (hit.message ?? message) + more(hits.length) };
    },
    examples,
  };
}

const dropStatement = sqlRule(
  'db.drop-statement',
  ['drop'],
  { risk: 'high' },
  'This SQL drops a table, schema or database: everything in it is deleted and cannot be brought back. Take a backup (pg_dump/mysqldump) first and run it yourself if you mean it.',
  (f, a) => {
    const obj = f.object ?? 'TABLE';
    const name = f.name ?? (obj === 'DATABASE' ? a.database : undefined);
    const shown = `\`${f.statement}\`${where(f)}`;
    if (obj === 'DATABASE' || obj === 'SCHEMA' || obj === 'KEYSPACE') {
      const hit: RuleHit = {
        risk: 'critical',
        message: `${shown} deletes the whole ${obj.toLowerCase()}${name !== undefined ? ` ${name}` : ''} with every table and row in it; there is no undo. Take a backup first and run it yourself if you really mean it.`,
      };
      return name !== undefined ? { ...hit, target: name } : hit;
    }
    if (obj === 'USER' || obj === 'ROLE') {
      return { risk: 'medium', message: `${shown} removes a database ${obj.toLowerCase()}; whatever logs in with it stops working. Check nothing still uses it first.` };
    }
    if (obj === 'OWNED') return { risk: 'high', message: `${shown} drops every object the role owns, tables included; the data cannot be brought back. Take a backup first.` };
    return { risk: 'high', message: `${shown} deletes the ${obj.toLowerCase()}${name !== undefined ? ` ${name}` : ''} and all its rows for good. Take a backup first, or rename it instead of dropping it.` };
  },
  {
    match: [
      "psql -c 'DROP TABLE users;'",
      'psql "$DATABASE_URL" -c "DROP DATABASE app_production"',
      'psql -U postgres -c "SELECT 1; DROP TABLE audit_log;"',
      'psql -d app -c "drop schema public cascade; create schema public;"',
      "psql -d app <<'SQL'\nBEGIN;\nDROP TABLE IF EXISTS users CASCADE;\nCOMMIT;\nSQL",
      'echo "DROP TABLE users;" | psql -d app',
      'echo "DROP TABLE orders;" | mysql app',
      'mysql -u root -e "DROP DATABASE prod"',
      'sqlite3 data/app.db "DROP TABLE users;"',
      'cockroach sql --insecure -e "DROP DATABASE bank CASCADE"',
      'cqlsh -e "DROP KEYSPACE shop"',
      'clickhouse-client --query "DROP TABLE events"',
      'sudo -u postgres psql -c "DROP DATABASE app"',
    ],
    notMatch: [
      "psql -c 'SELECT id, email FROM users ORDER BY created_at DESC LIMIT 10;'",
      'psql -h localhost -U postgres -d app_dev -c "\\dt"',
      "psql -c \"SELECT 'drop table users' AS note\"",
      'psql -d app -c "DROP INDEX idx_orders_user"',
      'sqlite3 data/app.db ".tables"',
      'sqlite3 :memory: "DROP TABLE IF EXISTS t"',
      'pg_dump -d app_dev --schema-only > schema.sql',
      'git commit -m "DROP TABLE users"',
      'echo "DROP TABLE users"',
      'mysql -u root -e "SHOW TABLES" app_dev',
    ],
  },
);

const truncateStatement = sqlRule(
  'db.truncate-statement',
  ['truncate'],
  { risk: 'high' },
  'TRUNCATE deletes every row of the table at once and cannot be rolled back in most databases. Back the table up first, or delete only the rows you mean with a WHERE clause.',
  (f) => ({ message: `\`${f.statement}\`${where(f)} deletes every row of ${f.name ?? 'the table'} at once, without a way back in most databases. Back it up first, or delete only the rows you mean with DELETE … WHERE.` }),
  {
    match: [
      'psql -d app -c "TRUNCATE orders CASCADE"',
      'printf "TRUNCATE sessions;\\n" | psql "$DATABASE_URL"',
      'mysql app -e "truncate table audit_log"',
      'sqlite3 app.db "TRUNCATE events"',
    ],
    notMatch: [
      'psql -d app -c "SELECT count(*) FROM orders"',
      "psql -c \"INSERT INTO log(msg) VALUES ('truncate done')\"",
      'echo "TRUNCATE orders"',
    ],
  },
);

const deleteWithoutWhere = sqlRule(
  'db.delete-without-where',
  ['delete-all'],
  { risk: 'high' },
  'This DELETE has no WHERE clause, so it removes every row of the table. Add a WHERE clause for the rows you mean (and check them with SELECT first).',
  (f) => ({ message: `\`${f.statement}\`${where(f)} has no WHERE clause that limits it, so it deletes every row of ${f.name ?? 'the table'}. Add a WHERE clause for the rows you mean and check them with SELECT first.` }),
  {
    match: [
      'psql -d app -c "DELETE FROM users"',
      'psql -d app <<< "DELETE FROM orders;"',
      'mysql -h db.internal -u admin -p app -e "DELETE FROM customers;"',
      'sqlite3 prod.db "DELETE FROM events"',
      'psql -c "DELETE FROM sessions WHERE 1=1"',
    ],
    notMatch: [
      'psql -d app_dev -c "DELETE FROM sessions WHERE expires_at < now()"',
      "mysql app -e \"DELETE FROM users WHERE id = 1\"",
      "psql -c \"SELECT 'delete from users'\"",
    ],
  },
);

const updateWithoutWhere = sqlRule(
  'db.update-without-where',
  ['update-all'],
  { risk: 'high' },
  'This UPDATE has no WHERE clause, so it overwrites the column in every row of the table. Add a WHERE clause for the rows you mean.',
  (f) => ({ message: `\`${f.statement}\`${where(f)} has no WHERE clause that limits it, so it overwrites every row of ${f.name ?? 'the table'}; the old values are lost. Add a WHERE clause for the rows you mean.` }),
  {
    match: [
      'psql -d app -c "UPDATE accounts SET balance = 0"',
      "mysql app -e \"UPDATE users SET password_hash = ''\"",
      'sqlite3 app.db "update users set admin = 1"',
    ],
    notMatch: [
      'psql -d app_dev -c "UPDATE users SET last_login = now() WHERE id = 42"',
      'psql -d app -c "SELECT * FROM accounts"',
    ],
  },
);

const alterDropColumn = sqlRule(
  'db.alter-drop-column',
  ['drop-column'],
  { risk: 'medium' },
  'ALTER TABLE … DROP COLUMN deletes the column and its values in every row. Make it a reviewed migration, and back the table up first.',
  (f) => ({ message: `\`${f.statement}\`${where(f)} deletes a column of ${f.name ?? 'the table'} with its value in every row. Make it a reviewed migration, and back the table up first.` }),
  {
    match: [
      'psql -d app -c "ALTER TABLE users DROP COLUMN email"',
      'mysql app -e "ALTER TABLE orders DROP note"',
    ],
    notMatch: [
      'psql -d app -c "ALTER TABLE users ADD COLUMN nickname text"',
      'psql -d app -c "ALTER TABLE users DROP CONSTRAINT users_email_key"',
      'psql -d app -c "ALTER TABLE users ALTER COLUMN email DROP NOT NULL"',
    ],
  },
);

// ---------------------------------------------------------------------------------------------- Redis

const WHITESPACE = /\s+/;
const REDIS_CLIENTS = ['redis-cli', 'valkey-cli', 'keydb-cli'];
const REDIS_VALUE_OPTS = [
  '-h', '-p', '-s', '-a', '-u', '-r', '-i', '-n', '-d', '--user', '--pass', '--sni', '--cacert', '--cacertdir', '--cert', '--key',
  '--tls-ciphers', '--tls-ciphersuites', '--rdb', '--functions-rdb', '--pipe-timeout', '--memkeys-samples', '--pattern',
  '--quoted-pattern', '--count', '--intrinsic-latency', '--eval', '--cluster', '-e',
];

/** The Redis command words this invocation sends: from its arguments, or one per line of literal input. */
function redisCommands(inv: Invocation, ctx: RuleContext): string[] {
  const pos = positionals(inv.args, REDIS_VALUE_OPTS);
  if (hasExact(inv.args, '--cluster')) {
    // redis-cli --cluster call host:port FLUSHALL
    const i = inv.args.indexOf('call');
    return i >= 0 && inv.args[i + 2] !== undefined ? [inv.args[i + 2] ?? ''] : [];
  }
  if (pos.length > 0) return [pos[0] ?? ''];
  return stdinText(inv, ctx).flatMap((t) => t.text.split('\n').map((l) => l.trim().split(WHITESPACE)[0] ?? ''));
}

const redisFlush: CommandRule = {
  id: 'db.redis-flush',
  programs: REDIS_CLIENTS,
  decision: 'confirm',
  risk: 'high',
  message: 'FLUSHALL/FLUSHDB deletes every key in the Redis database at once; there is no undo. Delete only the keys you mean (SCAN with a pattern), or take a snapshot first.',
  match: (inv, ctx) => {
    for (const word of redisCommands(inv, ctx)) {
      const w = word.toUpperCase();
      if (w === 'FLUSHALL') return { risk: 'critical', message: 'FLUSHALL deletes every key in every database of this Redis server at once; there is no undo. Delete only the keys you mean (SCAN with a pattern), or take a snapshot (BGSAVE) first.' };
      if (w === 'FLUSHDB') {
        const n = optionValue(inv.args, ['-n']);
        return { message: `FLUSHDB deletes every key in Redis database ${n ?? '0'} at once; there is no undo. Delete only the keys you mean (SCAN with a pattern), or take a snapshot (BGSAVE) first.` };
      }
    }
    return undefined;
  },
  examples: {
    match: ['redis-cli FLUSHALL', 'redis-cli -h cache.prod -n 0 flushdb', 'redis-cli -a secret --no-auth-warning flushall async', 'echo FLUSHALL | redis-cli', 'valkey-cli FLUSHDB'],
    notMatch: ['redis-cli ping', 'redis-cli GET session:abc123', 'redis-cli --scan --pattern "session:*" | head', 'redis-cli -n 2 DBSIZE', 'echo FLUSHALL'],
  },
};

// ---------------------------------------------------------------------------------------------- MongoDB

interface MongoFinding {
  readonly kind: 'drop-database' | 'drop-collection' | 'delete-all' | 'update-all';
  readonly call: string;
}

const MONGO_SHELLS = ['mongosh', 'mongo'];
const MONGO_VALUE_OPTS = ['--eval', '--host', '--port', '-u', '--username', '-p', '--password', '--authenticationDatabase', '--authenticationMechanism', '--file', '-f', '--tlsCAFile', '--tlsCertificateKeyFile'];

function isEmptyFilter(v: Value | undefined): boolean {
  return v === undefined || (v.kind === 'obj' && v.props.size === 0);
}

/** Destructive calls in mongo shell JavaScript. */
export function mongoFindings(code: string): MongoFinding[] {
  const out: MongoFinding[] = [];
  for (const c of scanCode(code, 'javascript').calls) {
    const onDb = c.path.startsWith('db.') || c.path.startsWith('db[') || c.path.startsWith('db()');
    if (c.name === 'dropDatabase') out.push({ kind: 'drop-database', call: c.path });
    else if (c.name === 'runCommand' && c.args[0]?.kind === 'obj' && c.args[0].props.has('dropDatabase')) out.push({ kind: 'drop-database', call: c.path });
    else if (onDb && c.name === 'drop' && c.args.length === 0) out.push({ kind: 'drop-collection', call: c.path });
    else if (onDb && (c.name === 'deleteMany' || c.name === 'remove') && isEmptyFilter(c.args[0])) out.push({ kind: 'delete-all', call: c.path });
    else if (onDb && c.name === 'updateMany' && isEmptyFilter(c.args[0])) out.push({ kind: 'update-all', call: c.path });
  }
  return out;
}

function mongoCode(inv: Invocation, ctx: RuleContext): SqlText[] {
  const texts: SqlText[] = optionValues(inv.args, ['--eval']).map((c) => ({ text: c, from: 'the command' }));
  const files = positionals(inv.args, MONGO_VALUE_OPTS).filter((p) => p.endsWith('.js'));
  for (const f of [...files, ...optionValues(inv.args, ['--file', '-f'])]) texts.push(...readText(f, inv, ctx));
  if (texts.length === 0) texts.push(...stdinText(inv, ctx));
  return texts;
}

const mongoDatabase = (inv: Invocation): string | undefined => {
  const first = positionals(inv.args, MONGO_VALUE_OPTS).find((p) => !p.endsWith('.js'));
  return first === undefined ? undefined : dbFromUri(first);
};

const mongoDrop: CommandRule = {
  id: 'db.mongo-drop',
  programs: MONGO_SHELLS,
  decision: 'confirm',
  risk: 'high',
  message: 'This drops a MongoDB collection or database with all its documents; there is no undo. Take a mongodump first and run it yourself if you mean it.',
  match: (inv, ctx) => {
    for (const t of mongoCode(inv, ctx)) {
      const found = mongoFindings(t.text);
      const db = found.find((f) => f.kind === 'drop-database');
      if (db) {
        const name = mongoDatabase(inv);
        const hit: RuleHit = { risk: 'critical', message: `\`${db.call}()\`${where(t)} deletes the whole MongoDB database${name !== undefined ? ` ${name}` : ''} with every collection in it; there is no undo. Take a mongodump first and run it yourself if you mean it.` };
        return name !== undefined ? { ...hit, target: name } : hit;
      }
      const coll = found.find((f) => f.kind === 'drop-collection');
      if (coll) return { message: `\`${coll.call}()\`${where(t)} deletes the collection and every document in it; there is no undo. Take a mongodump of it first.` };
    }
    return undefined;
  },
  examples: {
    match: ['mongosh app --eval "db.dropDatabase()"', "mongosh \"mongodb://prod:27017/app\" --eval 'db.users.drop()'", "mongo app --eval 'db.getCollection(\"orders\").drop()'", "mongosh app <<'JS'\ndb.getSiblingDB('app').dropDatabase()\nJS"],
    notMatch: ['mongosh --quiet --eval "db.users.countDocuments()"', "mongosh app --eval 'db.users.find({}).limit(5)'", "mongosh app --eval 'print(\"db.dropDatabase()\")'", 'mongodump --db app --out backup/'],
  },
};

const mongoDeleteAll: CommandRule = {
  id: 'db.mongo-delete-all',
  programs: MONGO_SHELLS,
  decision: 'confirm',
  risk: 'high',
  message: 'This deletes (or overwrites) every document in the collection: the filter is empty. Give a filter for the documents you mean.',
  match: (inv, ctx) => {
    for (const t of mongoCode(inv, ctx)) {
      const f = mongoFindings(t.text).find((x) => x.kind === 'delete-all' || x.kind === 'update-all');
      if (f) {
        const verb = f.kind === 'delete-all' ? 'deletes' : 'changes';
        return { message: `\`${f.call}({})\`${where(t)} ${verb} every document in the collection because its filter is empty. Give a filter for the documents you mean, and check it with find() first.` };
      }
    }
    return undefined;
  },
  examples: {
    match: ["mongosh app --eval 'db.sessions.deleteMany({})'", "mongosh app --eval 'db.users.remove({})'", "mongosh app --eval 'db.users.updateMany({}, {$set: {admin: true}})'"],
    notMatch: ["mongosh app --eval 'db.sessions.deleteMany({expired: true})'", "mongosh app --eval 'db.users.deleteOne({_id: 1})'"],
  },
};

// ---------------------------------------------------------------------------------------------- admin commands

const DROPDB_VALUE_OPTS = ['-h', '--host', '-p', '--port', '-U', '--username', '--maintenance-db'];
const MYSQLADMIN_VALUE_OPTS = ['-h', '--host', '-u', '--user', '-P', '--port', '-S', '--socket', '--defaults-file', '--protocol'];

const dropDatabaseCommand: CommandRule = {
  id: 'db.drop-database-command',
  programs: ['dropdb', 'mysqladmin', 'mariadb-admin'],
  decision: 'confirm',
  risk: 'critical',
  message: 'This deletes a whole database with every table and row in it; there is no undo. Take a backup first and run it yourself if you really mean it.',
  match: (inv) => {
    if (hasFlag(inv.args, undefined, 'help') || hasFlag(inv.args, 'V', 'version')) return undefined;
    let name: string | undefined;
    if (inv.program === 'dropdb') {
      name = positionals(inv.args, DROPDB_VALUE_OPTS)[0];
      if (name === undefined) return undefined;
    } else {
      const pos = positionals(inv.args, MYSQLADMIN_VALUE_OPTS);
      const i = pos.findIndex((p) => p.toLowerCase() === 'drop');
      if (i < 0) return undefined;
      name = pos[i + 1];
    }
    const hit: RuleHit = { message: `This deletes the database${name !== undefined ? ` ${name}` : ''} with every table and row in it; there is no undo. Take a backup (pg_dump/mysqldump) first and run it yourself if you really mean it.` };
    return name !== undefined ? { ...hit, target: name } : hit;
  },
  examples: {
    match: ['dropdb app_production', 'dropdb --if-exists -h db.internal app', 'mysqladmin -u root -f drop shop', 'sudo -u postgres dropdb app'],
    notMatch: ['createdb app_test', 'mysqladmin -u root status', 'dropdb --help'],
  },
};

/**
 * Migration tools' commands that drop every table (or the database): what each says, by program.
 * `php artisan migrate:fresh`, `flyway clean`, `liquibase dropAll`, `sequelize db:drop`, `dbmate drop`, …
 */
const MIGRATION_RESETS: ReadonlyMap<string, (a: readonly string[]) => string | undefined> = new Map<string, (a: readonly string[]) => string | undefined>([
  ['php', (a) => (a[0] === 'artisan' && ['migrate:fresh', 'migrate:reset', 'db:wipe', 'migrate:refresh'].includes(a[1] ?? '') ? `php artisan ${a[1] ?? ''}` : undefined)],
  ['flyway', (a) => (a.includes('clean') ? 'flyway clean' : undefined)],
  ['liquibase', (a) => (a.some((x) => /^drop-?all$/i.test(x)) ? 'liquibase dropAll' : undefined)],
  ['sequelize', (a) => (a[0] === 'db:drop' || (a[0] === 'db:migrate:undo:all') ? `sequelize ${a[0]}` : undefined)],
  ['sequelize-cli', (a) => (a[0] === 'db:drop' || (a[0] === 'db:migrate:undo:all') ? `sequelize ${a[0]}` : undefined)],
  ['dbmate', (a) => (a.includes('drop') ? 'dbmate drop' : undefined)],
  ['diesel', (a) => (a[0] === 'database' && a[1] === 'reset' ? 'diesel database reset' : a[0] === 'migration' && a[1] === 'redo' && a.includes('--all') ? 'diesel migration redo --all' : undefined)],
  ['typeorm', (a) => (a[0] === 'schema:drop' ? 'typeorm schema:drop' : undefined)],
  ['typeorm-ts-node-commonjs', (a) => (a[0] === 'schema:drop' ? 'typeorm schema:drop' : undefined)],
  ['alembic', (a) => (a[0] === 'downgrade' && a[a.length - 1] === 'base' ? 'alembic downgrade base' : undefined)],
  ['knex', (a) => (a[0] === 'migrate:rollback' && a.includes('--all') ? 'knex migrate:rollback --all' : undefined)],
]);

const frameworkReset: CommandRule = {
  id: 'db.schema-reset-command',
  programs: ['prisma', 'npx', 'pnpm', 'bunx', 'rails', 'rake', 'python', 'python3', ...MIGRATION_RESETS.keys()],
  decision: 'confirm',
  risk: 'high',
  message: 'This drops and re-creates the database the project points at, deleting all its data. Check DATABASE_URL points at a throwaway database before running it.',
  match: (inv) => {
    let a = inv.args;
    const migration = MIGRATION_RESETS.get(inv.program);
    if (migration !== undefined) {
      const what = migration(a);
      return what === undefined ? undefined : { message: `\`${what}\` drops every table (or the whole database) the project's configuration points at, with all their data. Check it points at a throwaway database first.` };
    }
    if (inv.program === 'npx' || inv.program === 'bunx' || inv.program === 'pnpm') {
      const i = a.findIndex((x) => x === 'prisma');
      if (i < 0 || (inv.program === 'pnpm' && i !== 0 && a[0] !== 'exec' && a[0] !== 'dlx')) return undefined;
      a = a.slice(i + 1);
    }
    if (inv.program === 'prisma' || a !== inv.args) {
      if (a[0] === 'migrate' && a[1] === 'reset') return { message: '`prisma migrate reset` drops the database DATABASE_URL points at and re-creates it: all its data is deleted. Check it points at a throwaway database first.' };
      if (a[0] === 'db' && a[1] === 'push' && hasExact(a, '--force-reset')) return { message: '`prisma db push --force-reset` deletes every table of the database DATABASE_URL points at before pushing the schema. Check it points at a throwaway database first.' };
      return undefined;
    }
    if (inv.program === 'rails' || inv.program === 'rake') {
      const task = a.find((x) => x === 'db:drop' || x === 'db:reset' || x === 'db:purge' || x === 'db:schema:load' || x === 'db:migrate:reset');
      return task !== undefined ? { message: `\`${inv.program} ${task}\` drops (or empties) the database of the current environment and deletes its data. Check RAILS_ENV and the database config first.` } : undefined;
    }
    // python manage.py flush / reset_db
    if (a[0] === 'manage.py' && (a[1] === 'flush' || a[1] === 'reset_db')) {
      return { message: `\`manage.py ${a[1]}\` deletes all data from the project's database. Check the settings point at a throwaway database first.` };
    }
    return undefined;
  },
  examples: {
    match: ['npx prisma migrate reset --force', 'prisma db push --force-reset', 'rails db:drop', 'bin/rails db:reset', 'python manage.py flush --noinput', 'php artisan migrate:fresh --seed', 'flyway -url=jdbc:postgresql://db/app clean', 'liquibase dropAll', 'npx sequelize db:drop', 'dbmate drop', 'diesel database reset', 'npx typeorm schema:drop -d src/data-source.ts', 'alembic downgrade base', 'npx knex migrate:rollback --all'],
    notMatch: ['npx prisma generate', 'npx prisma migrate dev', 'rails db:migrate', 'python manage.py makemigrations --check --dry-run', 'python manage.py migrate', 'php artisan migrate', 'flyway migrate', 'liquibase update', 'npx sequelize db:migrate', 'dbmate up', 'diesel migration run', 'alembic upgrade head', 'alembic downgrade -1', 'npx knex migrate:rollback'],
  },
};

/**
 * Key-value, time-series and secret stores emptied or deleted by their own CLIs: `etcdctl del --prefix ""`,
 * `consul kv delete -recurse`, `influx bucket delete`, `vault secrets disable` / `vault kv destroy`, `dropuser`.
 * What each deletes, or undefined.
 */
function storeWipe(inv: Invocation): { readonly what: string; readonly risk: Risk } | undefined {
  const a = inv.args;
  const pos = positionals(a, ['--endpoints', '--user', '--password', '--cacert', '--cert', '--key', '-o', '--write-out', '-http-addr', '-token', '-datacenter', '--host', '-t', '--token', '--org', '--org-id', '-n', '--name', '-i', '--id', '-address', '-namespace', '-mount', '-versions', '-U', '--username', '-h', '-p', '--port']);
  switch (inv.program) {
    case 'etcdctl':
      return (pos[0] === 'del' || pos[0] === 'delete') && (hasLong(a, 'prefix') || hasLong(a, 'from-key')) ? { what: `every key under ${JSON.stringify(pos[1] ?? '')}${pos[1] === '' || pos[1] === undefined ? ' (the whole store)' : ''}`, risk: 'critical' } : undefined;
    case 'consul':
      return pos[0] === 'kv' && pos[1] === 'delete' && a.some((x) => x === '-recurse' || x === '--recurse') ? { what: `every key under ${JSON.stringify(pos[2] ?? '')}`, risk: 'high' } : undefined;
    case 'influx':
      return pos[0] === 'bucket' && pos[1] === 'delete' ? { what: 'an InfluxDB bucket with all its data', risk: 'high' } : pos[0] === 'delete' && optionValue(a, ['--predicate', '-p']) === undefined ? { what: 'every point in the time range of the bucket', risk: 'high' } : undefined;
    case 'vault':
      return pos[0] === 'secrets' && pos[1] === 'disable' ? { what: `the secrets engine at ${pos[2] ?? 'the path'} with every secret in it`, risk: 'critical' } : pos[0] === 'kv' && (pos[1] === 'destroy' || pos[1] === 'metadata' && pos[2] === 'delete') ? { what: 'secret versions for good', risk: 'high' } : undefined;
    case 'dropuser':
      return pos.length > 0 ? { what: `the database role ${pos[0] ?? ''}; whatever logs in with it stops working`, risk: 'medium' } : undefined;
    default:
      return undefined;
  }
}

const storeDelete: CommandRule = {
  id: 'db.store-delete',
  programs: ['etcdctl', 'consul', 'influx', 'vault', 'dropuser'],
  decision: 'confirm',
  risk: 'high',
  message: 'This deletes data in a key-value, time-series or secret store for good. Back it up first and run it yourself if you mean it.',
  match: (inv) => {
    if (hasLong(inv.args, 'help')) return undefined;
    const w = storeWipe(inv);
    return w === undefined ? undefined : { risk: w.risk, message: `\`${inv.text}\` deletes ${w.what}, for good. Back it up first and run it yourself if you mean it.` };
  },
  examples: {
    match: ['etcdctl del "" --prefix', 'etcdctl del --from-key ""', 'consul kv delete -recurse app/', 'influx bucket delete -n metrics', 'vault secrets disable secret/', 'vault kv destroy -versions=1 secret/app', 'dropuser admin'],
    notMatch: ['etcdctl get "" --prefix --keys-only', 'etcdctl del /app/lock', 'consul kv get -recurse app/', 'consul kv delete app/lock', 'influx bucket list', 'vault kv get secret/app', 'vault secrets list', 'dropuser --help'],
  },
};

export const databasePack: RulePack = {
  name: 'db',
  description: 'Statements and commands that delete database data for good: DROP, TRUNCATE, DELETE/UPDATE without WHERE, Redis FLUSHALL, Mongo drops, dropdb, and etcd, Consul, InfluxDB and Vault stores emptied.',
  rules: [dropStatement, truncateStatement, deleteWithoutWhere, updateWithoutWhere, alterDropColumn, redisFlush, mongoDrop, mongoDeleteAll, dropDatabaseCommand, frameworkReset, storeDelete],
};

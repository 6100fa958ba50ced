import { strict as assert } from 'node:assert';
import { findDestructiveSql, splitSql, type SqlDialect, type SqlFindingKind } from '../../../src/core/rules/packs/sql';

interface Case {
  readonly sql: string;
  readonly dialect?: SqlDialect;
  /** Expected finding kinds in order (empty: harmless). */
  readonly kinds: readonly SqlFindingKind[];
  readonly object?: string;
  readonly name?: string;
}

const cases: readonly Case[] = [
  // destructive
  { sql: 'DROP TABLE users', kinds: ['drop'], object: 'TABLE', name: 'users' },
  { sql: 'drop table if exists public.users cascade;', kinds: ['drop'], object: 'TABLE', name: 'public.users' },
  { sql: 'DROP DATABASE prod', kinds: ['drop'], object: 'DATABASE', name: 'prod' },
  { sql: 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;', kinds: ['drop'], object: 'SCHEMA', name: 'public' },
  { sql: 'DROP TABLE `orders`', dialect: 'mysql', kinds: ['drop'], object: 'TABLE', name: 'orders' },
  { sql: 'DROP TABLE "Order Items"', kinds: ['drop'], name: 'Order Items' },
  { sql: 'DROP OWNED BY app', kinds: ['drop'], object: 'OWNED' },
  { sql: 'TRUNCATE users', kinds: ['truncate'], name: 'users' },
  { sql: 'truncate table only events restart identity', kinds: ['truncate'], name: 'events' },
  { sql: 'DELETE FROM users', kinds: ['delete-all'], name: 'users' },
  { sql: 'delete from users;', kinds: ['delete-all'] },
  { sql: 'DELETE FROM users WHERE 1=1', kinds: ['delete-all'] },
  { sql: 'DELETE FROM users WHERE true', kinds: ['delete-all'] },
  { sql: 'DELETE FROM t USING (SELECT 1 WHERE false) s', kinds: ['delete-all'] },
  { sql: 'WITH old AS (SELECT id FROM t WHERE ts < now()) DELETE FROM t', kinds: ['delete-all'] },
  { sql: 'UPDATE users SET admin = true', kinds: ['update-all'], name: 'users' },
  { sql: "UPDATE accounts SET balance = 0, note = 'where'", kinds: ['update-all'] },
  { sql: 'ALTER TABLE users DROP COLUMN email', kinds: ['drop-column'], name: 'users' },
  { sql: 'ALTER TABLE users ADD COLUMN x int, DROP email', dialect: 'mysql', kinds: ['drop-column'] },
  { sql: 'EXPLAIN ANALYZE DELETE FROM t', kinds: ['delete-all'] },
  { sql: "SELECT 1; DROP TABLE a; SELECT 'x'", kinds: ['drop'] },
  { sql: 'DROP TABLE a; TRUNCATE b; DELETE FROM c', kinds: ['drop', 'truncate', 'delete-all'] },
  { sql: 'DELIMITER //\nDROP TABLE a //\nDELIMITER ;\n', dialect: 'mysql', kinds: ['drop'] },
  { sql: "SELECT E'it\\'s'; DROP TABLE x", kinds: ['drop'] },
  { sql: "SELECT 'it\\'s; DROP TABLE x' ; TRUNCATE y", dialect: 'mysql', kinds: ['truncate'] },
  { sql: '\\c mydb\nDROP TABLE x;', kinds: ['drop'] },
  // harmless
  { sql: "SELECT 'drop table users'", kinds: [] },
  { sql: 'DELETE FROM users WHERE id = 1', kinds: [] },
  { sql: 'delete from sessions where expires_at < now() returning id', kinds: [] },
  { sql: 'UPDATE users SET name = $1 WHERE id = $2', kinds: [] },
  { sql: 'UPDATE t SET x = (SELECT max(y) FROM u WHERE u.id = 3) WHERE t.id = 3', kinds: [] },
  { sql: 'SELECT * FROM t -- DROP TABLE t', kinds: [] },
  { sql: 'SELECT 1 /* DROP TABLE t; */', kinds: [] },
  { sql: 'SELECT 1 # DROP TABLE t', dialect: 'mysql', kinds: [] },
  { sql: "CREATE FUNCTION purge() RETURNS void AS $$ BEGIN DELETE FROM t; DROP TABLE x; END $$ LANGUAGE plpgsql;", kinds: [] },
  { sql: 'CREATE FUNCTION f() RETURNS int AS $body$ TRUNCATE t; $body$ LANGUAGE sql', kinds: [] },
  { sql: 'DROP INDEX idx_users_email', kinds: [] },
  { sql: 'DROP VIEW v', kinds: [] },
  { sql: 'CREATE TEMP TABLE x (id int); DROP TEMPORARY TABLE x', dialect: 'mysql', kinds: [] },
  { sql: 'ALTER TABLE users DROP CONSTRAINT users_pkey', kinds: [] },
  { sql: 'ALTER TABLE users ALTER COLUMN email DROP NOT NULL', kinds: [] },
  { sql: 'ALTER TABLE users ALTER COLUMN email DROP DEFAULT', kinds: [] },
  { sql: 'EXPLAIN DELETE FROM t', kinds: [] },
  { sql: '\\dt', kinds: [] },
  { sql: '\\d+ users', kinds: [] },
  { sql: '.tables', dialect: 'sqlite', kinds: [] },
  { sql: '.schema users', dialect: 'sqlite', kinds: [] },
  { sql: 'SELECT "drop" FROM [delete]', dialect: 'sqlite', kinds: [] },
  { sql: 'INSERT INTO log(msg) VALUES (\'DELETE FROM users\')', kinds: [] },
  { sql: '', kinds: [] },
];

describe('sql: destructive statement finder', () => {
  for (const c of cases) {
    it(`${c.dialect ?? 'postgres'}: ${JSON.stringify(c.sql)} → [${c.kinds.join(', ')}]`, () => {
      const found = findDestructiveSql(c.sql, c.dialect ?? 'postgres');
      assert.deepEqual(found.map((f) => f.kind), c.kinds);
      if (c.object !== undefined) assert.equal(found[0]?.object, c.object);
      if (c.name !== undefined) assert.equal(found[0]?.name, c.name);
    });
  }

  it('splits on semicolons outside quotes and dollar quotes', () => {
    assert.deepEqual(splitSql("SELECT ';'; SELECT $$;$$; SELECT 3", 'postgres'), ["SELECT ';'", 'SELECT $$;$$', 'SELECT 3']);
  });

  it('keeps the statement text short and on one line for messages', () => {
    const [f] = findDestructiveSql(`DROP TABLE\n   users\n${' '.repeat(10)}CASCADE`, 'postgres');
    assert.equal(f?.statement, 'DROP TABLE users CASCADE');
  });
});

import { strict as assert } from 'node:assert';
import { databasePack, mongoFindings } from '../../../src/core/rules/packs/database';
import type { Decision, Risk } from '../../../src/core/verdict';
import { describeExamples } from './packExamples';
import { guardWith, WS } from './packGuard';

describeExamples(databasePack);

interface Row {
  readonly cmd: string;
  readonly rule?: string;
  readonly decision: Decision;
  readonly risk?: Risk;
  readonly target?: string;
  readonly files?: Readonly<Record<string, string>>;
}

const rows: readonly Row[] = [
  { cmd: 'psql "$DATABASE_URL" -c "DROP DATABASE app_production"', rule: 'db.drop-statement', decision: 'confirm', risk: 'critical', target: 'app_production' },
  { cmd: 'psql -c "DROP TABLE users"', rule: 'db.drop-statement', decision: 'confirm', risk: 'high' },
  { cmd: 'psql -c "DROP ROLE reporting"', rule: 'db.drop-statement', decision: 'confirm', risk: 'medium' },
  { cmd: 'psql -d app -c "DELETE FROM users"', rule: 'db.delete-without-where', decision: 'confirm', risk: 'high' },
  { cmd: 'psql -d app -c "ALTER TABLE users DROP COLUMN email"', rule: 'db.alter-drop-column', decision: 'confirm', risk: 'medium' },
  { cmd: 'redis-cli FLUSHALL', rule: 'db.redis-flush', decision: 'confirm', risk: 'critical' },
  { cmd: 'redis-cli -n 3 flushdb', rule: 'db.redis-flush', decision: 'confirm', risk: 'high' },
  { cmd: 'mongosh app --eval "db.dropDatabase()"', rule: 'db.mongo-drop', decision: 'confirm', risk: 'critical', target: 'app' },
  { cmd: 'dropdb app_production', rule: 'db.drop-database-command', decision: 'confirm', risk: 'critical', target: 'app_production' },
  // files read through the adapter
  { cmd: 'psql -d app -f migrations/down.sql', rule: 'db.drop-statement', decision: 'confirm', risk: 'high', files: { '/work/ws/migrations/down.sql': '-- down\nDROP TABLE orders;\n' } },
  { cmd: 'mysql shop < dump.sql', rule: 'db.drop-statement', decision: 'confirm', risk: 'high', files: { '/work/ws/dump.sql': 'DROP TABLE IF EXISTS `orders`;\nCREATE TABLE `orders` (id int);\n' } },
  { cmd: 'psql < cleanup.sql', rule: 'db.delete-without-where', decision: 'confirm', files: { '/work/ws/cleanup.sql': 'DELETE FROM audit;' } },
  { cmd: 'cat a.sql | psql -d app', rule: 'db.truncate-statement', decision: 'confirm', files: { '/work/ws/a.sql': 'TRUNCATE a;' } },
  { cmd: 'mongosh app scripts/reset.js', rule: 'db.mongo-delete-all', decision: 'confirm', files: { '/work/ws/scripts/reset.js': 'db.users.deleteMany({})' } },
  // silent
  { cmd: 'psql -d app -f sql/reports/monthly_revenue.sql', decision: 'allow', files: { '/work/ws/sql/reports/monthly_revenue.sql': "SELECT sum(total) FROM orders WHERE created_at > now() - interval '1 month';" } },
  { cmd: 'psql -d app -f missing.sql', decision: 'allow' },
  { cmd: 'mysql app < unreadable.sql', decision: 'allow' },
  { cmd: 'echo "SELECT 1;" | psql -d app_dev', decision: 'allow' },
  { cmd: 'sqlite3 data/app.db ".tables"', decision: 'allow' },
  { cmd: "psql -c '\\dt'", decision: 'allow' },
  { cmd: 'psql -lqt', decision: 'allow' },
  { cmd: 'pg_dump -d app_dev --schema-only > schema.sql', decision: 'allow' },
  { cmd: 'redis-cli GET flushall', decision: 'allow' },
];

describe('db pack: decisions', () => {
  for (const row of rows) {
    it(`${JSON.stringify(row.cmd)} → ${row.decision}${row.rule ? ' ' + row.rule : ''}`, () => {
      const files = row.files ?? {};
      const guard = guardWith([databasePack]);
      const v = guard.checkCommand(row.cmd, { ...WS, readFile: (p) => files[p] });
      assert.equal(v.decision, row.decision, JSON.stringify(v.reasons));
      if (row.rule !== undefined) {
        const r = v.reasons.find((x) => x.rule === row.rule);
        assert.ok(r, `expected ${row.rule} in ${JSON.stringify(v.reasons)}`);
        if (row.risk !== undefined) assert.equal(r.risk, row.risk);
        if (row.target !== undefined) assert.equal(r.target, row.target);
        assert.ok(r.message.length > 20 && r.message.endsWith('.'), 'a full sentence');
      }
    });
  }
});

describe('db pack: mongo shell code', () => {
  const cases: readonly [string, readonly string[]][] = [
    ['db.dropDatabase()', ['drop-database']],
    ["db.getSiblingDB('x').dropDatabase()", ['drop-database']],
    ['db.runCommand({dropDatabase: 1})', ['drop-database']],
    ['db.users.drop()', ['drop-collection']],
    ["db['users'].drop()", ['drop-collection']],
    ['db.users.deleteMany({})', ['delete-all']],
    ['db.users.deleteMany()', ['delete-all']],
    ['db.users.deleteMany({ age: { $lt: 3 } })', []],
    ['db.users.updateMany({}, {$set: {x: 1}})', ['update-all']],
    ["print('db.dropDatabase()')", []],
    ['const s = new Set([1]); s.drop?.()', []],
  ];
  for (const [code, kinds] of cases) {
    it(`${code} → [${kinds.join(', ')}]`, () => {
      assert.deepEqual(mongoFindings(code).map((f) => f.kind), kinds);
    });
  }
});

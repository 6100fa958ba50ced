import * as assert from 'node:assert/strict';
import { MAX_LINE_BYTES, parseAuditLine, parseAuditText, serializeAuditEntry, toAuditEntry } from '../../../../src/vscode/audit/auditEntry';
import { auditEntry } from './fixtures';

describe('audit entry lines', () => {
  it('a record becomes an entry with the window root when it has none, keeping its own root otherwise', () => {
    const record = { time: '2026-11-27T10:00:00.000Z', source: 'terminal', agent: 'terminal', tool: 'bash', subject: 'ls', decision: 'allow', risk: 'none', rules: [], outcome: 'observed' } as const;
    assert.equal(toAuditEntry(record, '/window', 7).root, '/window');
    assert.equal(toAuditEntry({ ...record, root: '/own' }, '/window', 7).root, '/own');
    assert.equal(toAuditEntry(record, '/window', 7).pid, 7);
  });

  const roundTrips: Array<{ name: string; entry: ReturnType<typeof auditEntry> }> = [
    { name: 'a plain deny', entry: auditEntry() },
    { name: 'optional fields', entry: auditEntry({ cwd: '/work/project/infra', confirmedBy: 'person: deny' }) },
    { name: 'a multi-line command with quotes and unicode', entry: auditEntry({ subject: 'bash -c "rm -rf /tmp/x"\necho ✓ "done"' }) },
    { name: 'no rules', entry: auditEntry({ rules: [], decision: 'allow', risk: 'none', outcome: 'allowed' }) },
  ];
  for (const c of roundTrips) {
    it(`round-trips ${c.name} as exactly one line`, () => {
      const line = serializeAuditEntry(c.entry);
      assert.ok(line.endsWith('\n'));
      assert.equal(line.indexOf('\n'), line.length - 1, 'one line only');
      assert.deepEqual(parseAuditLine(line), c.entry);
    });
  }

  const huge: Array<{ name: string; over: Parameters<typeof auditEntry>[0] }> = [
    { name: 'a 100 kB command', over: { subject: 'x'.repeat(100_000) } },
    { name: 'a command of 4-byte characters', over: { subject: '😀'.repeat(5000) } },
    { name: 'a long cwd and many rules', over: { cwd: '/d'.repeat(5000), rules: Array.from({ length: 500 }, (_, i) => `rule.number-${i}`) } },
    { name: 'long agent and tool names', over: { agent: 'a'.repeat(5000), tool: 't'.repeat(5000), subject: 's'.repeat(5000) } },
  ];
  for (const c of huge) {
    it(`keeps ${c.name} within ${MAX_LINE_BYTES} bytes, still parseable, marked truncated`, () => {
      const line = serializeAuditEntry(auditEntry(c.over));
      assert.ok(Buffer.byteLength(line) <= MAX_LINE_BYTES, `${Buffer.byteLength(line)} bytes`);
      const parsed = parseAuditLine(line);
      assert.ok(parsed, 'parses');
      assert.equal(parsed.truncated, true);
      assert.equal(parsed.decision, 'deny');
    });
  }

  const garbage: Array<{ name: string; line: string }> = [
    { name: 'empty', line: '' },
    { name: 'torn half of a line', line: serializeAuditEntry(auditEntry()).slice(0, 60) },
    { name: 'two lines glued by a torn write', line: serializeAuditEntry(auditEntry()).slice(0, 40) + serializeAuditEntry(auditEntry()).trim() },
    { name: 'not JSON', line: 'hello world' },
    { name: 'a JSON array', line: '[1,2]' },
    { name: 'an unknown decision', line: JSON.stringify({ ...auditEntry(), decision: 'maybe' }) },
    { name: 'an unknown outcome', line: JSON.stringify({ ...auditEntry(), outcome: 'exploded' }) },
    { name: 'a bad time', line: JSON.stringify({ ...auditEntry(), time: 'yesterday' }) },
    { name: 'rules that are not strings', line: JSON.stringify({ ...auditEntry(), rules: [1] }) },
    { name: 'a missing root', line: JSON.stringify({ ...auditEntry(), root: undefined }) },
  ];
  for (const c of garbage) {
    it(`rejects ${c.name}`, () => {
      assert.equal(parseAuditLine(c.line), undefined);
    });
  }

  it('parses a log text, skipping torn and garbage lines instead of failing', () => {
    const good = serializeAuditEntry(auditEntry({ subject: 'one' })) + serializeAuditEntry(auditEntry({ subject: 'two' }));
    const text = `${good}{"time":"2026-11-27T1\ngarbage\n\n${serializeAuditEntry(auditEntry({ subject: 'three' }))}{"torn":`;
    const parsed = parseAuditText(text);
    assert.deepEqual(parsed.entries.map((e) => e.subject), ['one', 'two', 'three']);
    assert.equal(parsed.skipped, 3);
  });
});

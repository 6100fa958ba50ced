import * as assert from 'node:assert/strict';
import { parseAuditText } from '../../../../src/vscode/audit/auditEntry';
import { CSV_COLUMNS, csvCell, exportAuditLog, formatForPath, toCsv } from '../../../../src/vscode/audit/auditExport';
import { auditEntry } from './fixtures';

describe('audit log export', () => {
  const cells: Array<{ value: string | number | undefined; csv: string; why: string }> = [
    { value: 'ls -la', csv: 'ls -la', why: 'plain text stays as is' },
    { value: undefined, csv: '', why: 'a missing field is an empty cell' },
    { value: 4242, csv: '4242', why: 'numbers are not quoted' },
    { value: 'echo "hi", there', csv: '"echo ""hi"", there"', why: 'quotes double inside a quoted cell' },
    { value: 'line one\nline two', csv: '"line one\nline two"', why: 'newlines are quoted' },
    { value: '=HYPERLINK("http://x")', csv: `"'=HYPERLINK(""http://x"")"`, why: 'a formula is defused' },
    { value: '+1', csv: "'+1", why: 'a leading plus is defused' },
    { value: '-rf', csv: "'-rf", why: 'a leading minus is defused' },
    { value: '@SUM(A1)', csv: "'@SUM(A1)", why: 'a leading at sign is defused' },
    { value: ' padded ', csv: '" padded "', why: 'surrounding spaces survive' },
  ];
  for (const c of cells) {
    it(`CSV cell: ${c.why}`, () => assert.equal(csvCell(c.value), c.csv));
  }

  it('CSV has a header and one CRLF row per entry, rule ids space-separated', () => {
    const csv = toCsv([auditEntry({ rules: ['a.one', 'b.two'], confirmedBy: 'person: deny' }), auditEntry({ subject: 'ls', decision: 'allow', risk: 'none', rules: [], outcome: 'allowed' })]);
    const rows = csv.split('\r\n');
    assert.equal(rows[0], CSV_COLUMNS.join(','));
    assert.equal(rows[1], '2026-11-27T10:00:00.000Z,hook,claude,Bash,terraform destroy -auto-approve,,deny,critical,a.one b.two,denied,person: deny,/work/project,4242');
    assert.equal(rows[2], '2026-11-27T10:00:00.000Z,hook,claude,Bash,ls,,allow,none,,allowed,,/work/project,4242');
    assert.equal(rows[3], '');
    assert.equal(rows.length, 4);
  });

  it('JSON Lines export is the log lines themselves and parses back to the same entries', () => {
    const entries = [auditEntry({ subject: 'one' }), auditEntry({ subject: 'two\nlines' })];
    const text = exportAuditLog(entries, 'jsonl');
    assert.equal(text.split('\n').length, 3);
    assert.deepEqual(parseAuditText(text), { entries, skipped: 0 });
  });

  const paths: Array<{ path: string; format: string }> = [
    { path: '/home/me/audit.csv', format: 'csv' },
    { path: '/home/me/AUDIT.CSV', format: 'csv' },
    { path: '/home/me/audit.jsonl', format: 'jsonl' },
    { path: '/home/me/audit', format: 'jsonl' },
    { path: '/home/me/csv', format: 'jsonl' },
  ];
  for (const c of paths) {
    it(`${c.path} exports as ${c.format}`, () => assert.equal(formatForPath(c.path), c.format));
  }
});

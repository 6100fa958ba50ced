import * as assert from 'node:assert/strict';
import { expiredSegments, retentionCutoff, segmentDayStart, segmentFileName, segmentFiles } from '../../../../src/vscode/audit/auditSegments';

describe('audit day files', () => {
  it('names the file of the UTC day', () => {
    assert.equal(segmentFileName(new Date('2026-11-27T23:59:59.999Z')), 'audit-2026-11-27.jsonl');
    assert.equal(segmentFileName(new Date('2026-11-28T00:00:00.000Z')), 'audit-2026-11-28.jsonl');
  });

  const names: Array<{ name: string; day: string | undefined }> = [
    { name: 'audit-2026-11-27.jsonl', day: '2026-11-27T00:00:00.000Z' },
    { name: 'audit-2024-02-29.jsonl', day: '2024-02-29T00:00:00.000Z' },
    { name: 'audit-2026-02-31.jsonl', day: undefined },
    { name: 'audit-2026-11-27.jsonl.tmp', day: undefined },
    { name: 'export.jsonl', day: undefined },
    { name: 'audit-26-11-27.jsonl', day: undefined },
  ];
  for (const c of names) {
    it(`${c.name} is ${c.day === undefined ? 'not a day file' : `the day ${c.day.slice(0, 10)}`}`, () => {
      const start = segmentDayStart(c.name);
      assert.equal(start === undefined ? undefined : new Date(start).toISOString(), c.day);
    });
  }

  it('lists only day files, oldest first', () => {
    assert.deepEqual(segmentFiles(['audit-2026-11-27.jsonl', 'notes.txt', 'audit-2026-01-02.jsonl', 'audit-2025-12-31.jsonl']), [
      'audit-2025-12-31.jsonl',
      'audit-2026-01-02.jsonl',
      'audit-2026-11-27.jsonl',
    ]);
  });

  const now = Date.parse('2026-11-27T12:00:00.000Z');
  const files = ['audit-2026-08-28.jsonl', 'audit-2026-08-29.jsonl', 'audit-2026-08-30.jsonl', 'audit-2026-11-26.jsonl', 'audit-2026-11-27.jsonl', 'other.jsonl'];
  const retention: Array<{ days: number; expired: string[] }> = [
    // cutoff 2026-08-29T12:00Z: the 28th ended before it, the 29th did not
    { days: 90, expired: ['audit-2026-08-28.jsonl'] },
    { days: 1, expired: ['audit-2026-08-28.jsonl', 'audit-2026-08-29.jsonl', 'audit-2026-08-30.jsonl'] },
    { days: 0, expired: ['audit-2026-08-28.jsonl', 'audit-2026-08-29.jsonl', 'audit-2026-08-30.jsonl'] },
    { days: 365, expired: [] },
  ];
  for (const c of retention) {
    it(`retention of ${c.days} day(s) removes only whole days before the cutoff, never today's file`, () => {
      assert.deepEqual(expiredSegments(files, now, c.days), c.expired);
    });
  }

  it('the cutoff is at least one day back', () => {
    assert.equal(retentionCutoff(now, 0), now - 86_400_000);
    assert.equal(retentionCutoff(now, 90), now - 90 * 86_400_000);
  });
});

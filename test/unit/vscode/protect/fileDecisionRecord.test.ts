import * as assert from 'node:assert/strict';
import { createGuard } from '../../../../src/core/index';
import { fileDecisionRecord, type FileEvent } from '../../../../src/vscode/protect/fileDecisionRecord';

describe('protected-file watch: ledger entries', () => {
  const guard = createGuard({ home: '/home/dev' });
  const cases: Array<{ path: string; op: 'write' | 'delete'; outcome: FileEvent['outcome']; agent: string; confirmedBy: string | undefined; rule: string }> = [
    { path: '/w/.env', op: 'delete', outcome: 'observed', agent: 'unknown', confirmedBy: undefined, rule: 'path.secrets' },
    { path: '/w/.vscode/settings.json', op: 'write', outcome: 'observed', agent: 'unknown', confirmedBy: undefined, rule: 'path.agent-config' },
    { path: '/w/.env', op: 'write', outcome: 'restored', agent: 'person', confirmedBy: 'person: restore', rule: 'path.secrets' },
    { path: '/w/.github/workflows/ci.yml', op: 'write', outcome: 'kept', agent: 'person', confirmedBy: 'person: keep', rule: 'path.ci-workflows' },
  ];
  for (const c of cases) {
    it(`${c.op} ${c.path} ${c.outcome} → rule ${c.rule}, by ${c.agent}`, () => {
      const verdict = guard.checkEdit(c.path, c.op, { root: '/w' });
      const record = fileDecisionRecord({ path: c.path, root: '/w', op: c.op, verdict, outcome: c.outcome, time: new Date('2026-11-27T12:00:00Z') });
      assert.deepEqual(
        { source: record.source, agent: record.agent, tool: record.tool, subject: record.subject, outcome: record.outcome, confirmedBy: record.confirmedBy, root: record.root, decision: record.decision },
        { source: 'file', agent: c.agent, tool: c.op, subject: c.path, outcome: c.outcome, confirmedBy: c.confirmedBy, root: '/w', decision: 'confirm' },
      );
      assert.deepEqual(record.rules, [c.rule]);
      assert.equal(record.risk, 'high');
    });
  }
});

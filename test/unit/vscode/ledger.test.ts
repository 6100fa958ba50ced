import * as assert from 'node:assert/strict';
import { Ledger, RECENT_LIMIT } from '../../../src/vscode/session/ledger';
import type { DecisionRecord } from '../../../src/vscode/session/decisionRecord';

function entry(over: Partial<DecisionRecord>): DecisionRecord {
  return { time: '2026-11-27T10:00:00.000Z', source: 'hook', agent: 'claude', tool: 'Bash', subject: 'ls', decision: 'allow', risk: 'none', rules: [], outcome: 'allowed', ...over };
}

describe('session ledger', () => {
  const cases: Array<{ name: string; entries: Array<Partial<DecisionRecord>>; risk: string; held: number; denied: number }> = [
    { name: 'allowed actions leave the session at no risk', entries: [{}, { risk: 'low' }], risk: 'none', held: 0, denied: 0 },
    { name: 'a denied action counts and raises the risk', entries: [{ decision: 'deny', risk: 'critical', outcome: 'denied' }], risk: 'critical', held: 0, denied: 1 },
    { name: 'a hook confirmation the person allowed counts as held', entries: [{ decision: 'confirm', risk: 'high', outcome: 'allowed', confirmedBy: 'person: allow once' }], risk: 'high', held: 1, denied: 0 },
    { name: 'a confirmation the person denied counts as denied only', entries: [{ decision: 'confirm', risk: 'medium', outcome: 'denied' }], risk: 'medium', held: 0, denied: 1 },
    { name: 'risk is the highest seen', entries: [{ decision: 'confirm', risk: 'high', outcome: 'held' }, { decision: 'confirm', risk: 'medium', outcome: 'held' }], risk: 'high', held: 2, denied: 0 },
    { name: 'a terminal command only observed does not count as held', entries: [{ source: 'terminal', decision: 'confirm', risk: 'high', outcome: 'observed' }], risk: 'high', held: 0, denied: 0 },
    { name: 'an Explain of a denied command is no risk of the session: nothing ran', entries: [{ source: 'explain', agent: 'person', decision: 'deny', risk: 'critical', outcome: 'explained' }], risk: 'none', held: 0, denied: 0 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const ledger = new Ledger();
      for (const e of c.entries) ledger.record(entry(e));
      const s = ledger.snapshot();
      assert.deepEqual({ risk: s.risk, held: s.held, denied: s.denied }, { risk: c.risk, held: c.held, denied: c.denied });
    });
  }

  it('keeps the newest decisions first, bounded', () => {
    const ledger = new Ledger();
    for (let i = 0; i < RECENT_LIMIT + 3; i++) ledger.record(entry({ subject: `cmd ${i}` }));
    const recent = ledger.snapshot().recent;
    assert.equal(recent.length, RECENT_LIMIT);
    assert.equal(recent[0]?.subject, `cmd ${RECENT_LIMIT + 2}`);
  });

  it('an Explain reaches the record listeners (the audit log) but not the last decisions nor the change listeners', () => {
    const ledger = new Ledger();
    const recorded: string[] = [];
    const changes: number[] = [];
    ledger.onDidRecord((r) => recorded.push(`${r.outcome}: ${r.subject}`));
    ledger.onDidChange((s) => changes.push(s.recent.length));
    ledger.record(entry({ source: 'explain', agent: 'person', subject: 'rm -rf /', decision: 'deny', risk: 'critical', outcome: 'explained' }));
    ledger.record(entry({ subject: 'ls' }));
    assert.deepEqual(recorded, ['explained: rm -rf /', 'allowed: ls']);
    assert.deepEqual(ledger.snapshot().recent.map((r) => r.subject), ['ls']);
    assert.deepEqual(changes, [1]);
  });

  it('tells listeners about each record and each change, and stops after dispose', () => {
    const ledger = new Ledger();
    const recorded: string[] = [];
    const changes: string[] = [];
    const a = ledger.onDidRecord((r) => recorded.push(r.subject));
    const b = ledger.onDidChange((s) => changes.push(s.protection.kind));
    ledger.record(entry({ subject: 'one' }));
    ledger.setProtection({ kind: 'unprotected', detail: 'claude hook removed' });
    ledger.setProtection({ kind: 'unprotected', detail: 'claude hook removed' });
    a.dispose();
    b.dispose();
    ledger.record(entry({ subject: 'two' }));
    assert.deepEqual(recorded, ['one']);
    assert.deepEqual(changes, ['protected', 'unprotected']);
  });
});

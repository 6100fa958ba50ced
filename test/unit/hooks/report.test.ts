import * as assert from 'node:assert/strict';
import { reportFor } from '../../../src/cli/hooks/report';
import type { Judgement } from '../../../src/cli/hooks/judge';
import type { HookAnswer } from '../../../src/cli/hooks/types';
import type { BridgeOutcome } from '../../../src/shared/bridgeProtocol';

const judged: Judgement = {
  verdict: { decision: 'confirm', risk: 'medium', reasons: [{ rule: 'path.secrets', message: 'secrets', command: '.env', decision: 'confirm', risk: 'medium' }] },
  actions: [{ kind: 'edit', path: '/ws/.env', op: 'write' }],
  root: '/ws',
};
const nothing: Judgement = { verdict: { decision: 'allow', risk: 'none', reasons: [] }, actions: [], root: '/ws' };

describe('hook reports: what the editor is told after the hook answered by itself', () => {
  const cases: Array<{ name: string; judgement: Judgement; answer: HookAnswer; outcome?: BridgeOutcome; reported?: { answer: string; detail?: string } }> = [
    { name: 'an allow deferred to the agent', judgement: { ...judged, verdict: nothing.verdict }, answer: { kind: 'defer' }, reported: { answer: 'defer' } },
    { name: 'an auto-approved allow', judgement: { ...judged, verdict: nothing.verdict }, answer: { kind: 'allow', reason: 'auto' }, reported: { answer: 'allow' } },
    { name: 'a policy deny', judgement: judged, answer: { kind: 'deny', reason: 'no' }, reported: { answer: 'deny' } },
    { name: 'a read (nothing judged)', judgement: nothing, answer: { kind: 'defer' } },
    { name: 'a confirm the person allowed (the editor recorded it)', judgement: judged, answer: { kind: 'allow', reason: 'ok' }, outcome: { kind: 'allow' } },
    { name: 'a confirm the person denied (the editor recorded it)', judgement: judged, answer: { kind: 'deny', reason: 'no' }, outcome: { kind: 'deny' } },
    { name: 'a confirm nobody answered in time (the editor recorded its timeout)', judgement: judged, answer: { kind: 'ask', reason: 'ask' }, outcome: { kind: 'timeout' } },
    { name: 'a confirm the editor could not take → the agent\'s ask, with why', judgement: judged, answer: { kind: 'ask', reason: 'ask' }, outcome: { kind: 'absent', detail: 'the editor refused the request: bad token' }, reported: { answer: 'ask', detail: 'the editor refused the request: bad token' } },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.reported ? `reported as ${c.reported.answer}` : 'not reported'}`, () => {
      const report = reportFor('claude', 'Write', c.judgement, c.answer, c.outcome);
      if (!c.reported) return assert.equal(report, undefined);
      assert.equal(report?.answer, c.reported.answer);
      assert.equal(report?.detail, c.reported.detail);
      assert.equal(report?.agent, 'claude');
      assert.equal(report?.tool, 'Write');
      assert.equal(report?.judgement, c.judgement);
    });
  }
});

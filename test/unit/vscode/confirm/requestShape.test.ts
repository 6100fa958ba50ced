import * as assert from 'node:assert/strict';
import { malformedRequest } from '../../../../src/vscode/confirm/requestShape';
import { confirmRequest, PRODUCTION, reportRequest } from './fixtures';

describe('requests from hooks are checked before a person sees them', () => {
  const base = confirmRequest();
  const cases: Array<{ name: string; request: Record<string, unknown>; problem?: RegExp }> = [
    { name: 'a confirm request as the hook sends it', request: { ...base } },
    { name: 'a production confirm request', request: { ...base, verdict: PRODUCTION } },
    { name: 'a report as the hook sends it', request: { ...reportRequest() } },
    { name: 'edits and unknown tools', request: { ...base, actions: [{ kind: 'edit', path: '/x', op: 'rename' }, { kind: 'tool', tool: 't', summary: 's' }] } },
    { name: 'no agent', request: { ...base, agent: undefined }, problem: /agent, tool or root/ },
    { name: 'a numeric root', request: { ...base, root: 1 }, problem: /agent, tool or root/ },
    { name: 'actions not an array', request: { ...base, actions: 'rm -rf /' }, problem: /actions/ },
    { name: 'an action of unknown kind', request: { ...base, actions: [{ kind: 'spawn', command: 'x' }] }, problem: /actions/ },
    { name: 'a command action without cwd', request: { ...base, actions: [{ kind: 'command', command: 'x' }] }, problem: /actions/ },
    { name: 'an edit with an unknown op', request: { ...base, actions: [{ kind: 'edit', path: '/x', op: 'chmod' }] }, problem: /actions/ },
    { name: 'an unknown decision', request: { ...base, verdict: { ...base.verdict, decision: 'maybe' } }, problem: /verdict/ },
    { name: 'an unknown risk', request: { ...base, verdict: { ...base.verdict, risk: 'extreme' } }, problem: /verdict/ },
    { name: 'a reason without a rule', request: { ...base, verdict: { ...base.verdict, reasons: [{ message: 'm', command: 'c', decision: 'confirm', risk: 'low' }] } }, problem: /verdict/ },
    { name: 'a numeric typed confirmation', request: { ...base, verdict: { ...base.verdict, typedConfirmation: 7 } }, problem: /verdict/ },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.problem ? 'refused' : 'accepted'}`, () => {
      const problem = malformedRequest(c.request);
      if (c.problem) assert.match(problem ?? '', c.problem);
      else assert.equal(problem, undefined);
    });
  }
});

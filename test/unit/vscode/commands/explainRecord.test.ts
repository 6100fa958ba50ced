import * as assert from 'node:assert/strict';
import { createGuard } from '../../../../src/core/index';
import { parseAuditLine, serializeAuditEntry, toAuditEntry } from '../../../../src/vscode/audit/auditEntry';
import { explainDecisionRecord, explainOrigin, type ExplainOrigin } from '../../../../src/vscode/commands/explainRecord';

describe('Explain: what the audit log keeps of it', () => {
  const guard = createGuard({ home: '/home/dev' });
  const time = new Date('2026-11-27T12:00:00Z');
  const cases: Array<{ command: string; origin: ExplainOrigin; agent: string; decision: string; rule: RegExp | undefined }> = [
    { command: 'terraform destroy -auto-approve', origin: 'input box', agent: 'person', decision: 'deny', rule: /^iac\.terraform-destroy$/ },
    { command: 'git push --force origin main', origin: 'policy lens', agent: 'person', decision: 'deny', rule: /^git\./ },
    { command: 'rm -rf /', origin: 'terminal', agent: 'person', decision: 'deny', rule: /^fs\./ },
    { command: 'ls -la', origin: 'command argument', agent: 'command caller', decision: 'allow', rule: undefined },
  ];
  for (const c of cases) {
    it(`${c.command} asked from the ${c.origin} → ${c.decision}, by ${c.agent}, outcome explained`, () => {
      const verdict = guard.checkCommand(c.command, { cwd: '/work/ws', root: '/work/ws' });
      const record = explainDecisionRecord({ command: c.command, origin: c.origin, root: '/work/ws', time }, verdict);
      assert.deepEqual(
        { source: record.source, agent: record.agent, tool: record.tool, subject: record.subject, cwd: record.cwd, root: record.root, outcome: record.outcome, decision: record.decision, risk: record.risk, time: record.time },
        { source: 'explain', agent: c.agent, tool: `Explain (${c.origin})`, subject: c.command, cwd: '/work/ws', root: '/work/ws', outcome: 'explained', decision: c.decision, risk: verdict.risk, time: '2026-11-27T12:00:00.000Z' },
      );
      assert.deepEqual(record.rules, verdict.reasons.map((reason) => reason.rule), 'every rule id, strictest first');
      if (c.rule) assert.match(record.rules[0] ?? '', c.rule);
      else assert.deepEqual(record.rules, []);
      const line = serializeAuditEntry(toAuditEntry(record, '/window', 7));
      assert.deepEqual(parseAuditLine(line), { ...record, pid: 7 }, 'a valid audit line, read back as written');
    });
  }

  const origins: Array<{ argument: unknown; origin: ExplainOrigin }> = [
    { argument: 'terminal', origin: 'terminal' },
    { argument: 'policy lens', origin: 'policy lens' },
    { argument: 'input box', origin: 'command argument' },
    { argument: undefined, origin: 'command argument' },
    { argument: { from: 'terminal' }, origin: 'command argument' },
  ];
  for (const c of origins) {
    it(`a caller's second argument ${JSON.stringify(c.argument) ?? 'undefined'} is the origin ${c.origin}`, () => {
      assert.equal(explainOrigin(c.argument), c.origin);
    });
  }
});

import * as assert from 'node:assert/strict';
import { describeFilter, isFiltering, matchesFilter, NO_FILTER, type AuditFilter } from '../../../../src/vscode/audit/auditFilter';
import { auditEntry } from './fixtures';

describe('audit view filter', () => {
  const deny = auditEntry({ cwd: '/work/project/infra', confirmedBy: 'circuit breaker' });
  const allow = auditEntry({ agent: 'codex', tool: 'shell', subject: 'ls -la', decision: 'allow', risk: 'none', rules: [], outcome: 'allowed' });
  const held = auditEntry({ agent: 'gemini', subject: 'git push --force', decision: 'confirm', risk: 'high', rules: ['git.force-push'], outcome: 'held' });
  const all = [deny, allow, held];
  const f = (over: Partial<AuditFilter>): AuditFilter => ({ ...NO_FILTER, ...over });

  const cases: Array<{ name: string; filter: AuditFilter; shown: typeof all }> = [
    { name: 'no filter shows everything', filter: NO_FILTER, shown: all },
    { name: 'one decision', filter: f({ decisions: ['deny'] }), shown: [deny] },
    { name: 'several decisions are alternatives', filter: f({ decisions: ['deny', 'confirm'] }), shown: [deny, held] },
    { name: 'an outcome', filter: f({ outcomes: ['held'] }), shown: [held] },
    { name: 'an agent', filter: f({ agents: ['codex'] }), shown: [allow] },
    { name: 'different kinds must all match', filter: f({ decisions: ['deny'], agents: ['codex'] }), shown: [] },
    { name: 'text in the command, any case', filter: f({ text: 'TERRAFORM' }), shown: [deny] },
    { name: 'text in a rule id', filter: f({ text: 'force-push' }), shown: [held] },
    { name: 'text in the folder', filter: f({ text: 'infra' }), shown: [deny] },
    { name: 'text in who confirmed', filter: f({ text: 'breaker' }), shown: [deny] },
    { name: 'blank text is no filter', filter: f({ text: '   ' }), shown: all },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(all.filter((e) => matchesFilter(e, c.filter)), c.shown));
  }

  const descriptions: Array<{ filter: AuditFilter; text: string; filtering: boolean }> = [
    { filter: NO_FILTER, text: '', filtering: false },
    { filter: f({ decisions: ['deny'], outcomes: ['denied'], agents: ['claude'], text: ' rm ' }), text: 'deny, denied · claude · "rm"', filtering: true },
    { filter: f({ text: 'x' }), text: '"x"', filtering: true },
  ];
  for (const c of descriptions) {
    it(`describes ${JSON.stringify(c.filter)} as "${c.text}"`, () => {
      assert.equal(describeFilter(c.filter), c.text);
      assert.equal(isFiltering(c.filter), c.filtering);
    });
  }
});

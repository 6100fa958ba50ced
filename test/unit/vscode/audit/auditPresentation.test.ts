import * as assert from 'node:assert/strict';
import { entryDescription, entryIcon, entryLabel, entryTooltip } from '../../../../src/vscode/audit/auditPresentation';
import { auditEntry } from './fixtures';

describe('audit view items', () => {
  const icons: Array<{ outcome: Parameters<typeof auditEntry>[0] & object; id: string; color: string | undefined }> = [
    { outcome: { outcome: 'denied', decision: 'deny' }, id: 'circle-slash', color: 'errorForeground' },
    { outcome: { outcome: 'denied', decision: 'confirm' }, id: 'circle-slash', color: 'editorWarning.foreground' },
    { outcome: { outcome: 'held', decision: 'confirm' }, id: 'question', color: 'editorWarning.foreground' },
    { outcome: { outcome: 'allowed', decision: 'allow' }, id: 'pass', color: undefined },
    { outcome: { outcome: 'allowed', decision: 'confirm' }, id: 'pass', color: 'editorWarning.foreground' },
    { outcome: { outcome: 'observed', decision: 'deny' }, id: 'eye', color: 'errorForeground' },
    { outcome: { outcome: 'restored', decision: 'deny' }, id: 'history', color: 'errorForeground' },
    { outcome: { outcome: 'kept', decision: 'confirm' }, id: 'check', color: 'editorWarning.foreground' },
    { outcome: { outcome: 'explained', decision: 'deny' }, id: 'info', color: 'errorForeground' },
    { outcome: { outcome: 'explained', decision: 'allow' }, id: 'info', color: undefined },
  ];
  for (const c of icons) {
    it(`${c.outcome.outcome} after ${c.outcome.decision} shows $(${c.id}) in ${c.color ?? 'the default colour'}`, () => {
      assert.deepEqual(entryIcon(auditEntry(c.outcome)), { id: c.id, color: c.color });
    });
  }

  it('labels with the command on one line, describes with agent, tool, rule ids and time', () => {
    const entry = auditEntry({ subject: 'rm -rf build\n  && rm -rf /', rules: ['fs.rm-root', 'fs.rm-recursive'] });
    assert.equal(entryLabel(entry), 'rm -rf build && rm -rf /');
    assert.equal(entryDescription(entry, (iso) => iso.slice(11, 19)), 'claude · Bash · fs.rm-root, fs.rm-recursive · 10:00:00');
    assert.equal(entryDescription(auditEntry({ rules: [] }), () => 't'), 'claude · Bash · no rule · t');
    assert.equal(entryLabel(auditEntry({ subject: '', tool: 'write' })), '(write)');
  });

  it('the tooltip has every field and keeps an agent\'s Markdown as text', () => {
    const entry = auditEntry({ subject: 'echo [click](command:workbench.action.quit) $(alert) **bold**', cwd: '/w/p', confirmedBy: 'person: deny' });
    const tooltip = entryTooltip(entry, (iso) => `at ${iso}`);
    for (const text of ['Time:** at 2026', 'deny \\(risk critical\\)', 'denied', 'person\\: deny', 'iac\\.terraform\\-destroy', 'claude · Bash \\(hook\\)', '/w/p', '/work/project', '4242']) {
      assert.ok(tooltip.includes(text), `missing ${text} in\n${tooltip}`);
    }
    assert.ok(!tooltip.includes('[click](command:'), 'an agent-written link survived');
    assert.ok(!tooltip.includes('$(alert)'), 'an agent-written icon survived');
    assert.ok(!tooltip.includes('**bold**'), 'agent-written emphasis survived');
    assert.ok(!tooltip.includes('nothing ran'), 'only an Explain entry says nothing ran');
  });

  it('an Explain entry says who asked from where, and that nothing ran', () => {
    const entry = auditEntry({ source: 'explain', agent: 'person', tool: 'Explain (input box)', outcome: 'explained' });
    assert.equal(entryLabel(entry), 'terraform destroy -auto-approve');
    assert.equal(entryDescription(entry, () => 't'), 'person · Explain (input box) · iac.terraform-destroy · t');
    const tooltip = entryTooltip(entry, (iso) => iso);
    for (const text of ['Explained on request', 'nothing ran', 'explained', 'person · Explain \\(input box\\) \\(explain\\)']) {
      assert.ok(tooltip.includes(text), `missing ${text} in\n${tooltip}`);
    }
  });
});

import * as assert from 'node:assert/strict';
import { createGuard } from '../../../../src/core/index';
import { deniedWarning, isJudgeable, terminalDecisionRecord, type TerminalCommand } from '../../../../src/vscode/terminal/terminalRecord';

describe('terminal commands: what is recorded and said', () => {
  const guard = createGuard({ home: '/home/dev' });
  const cases: Array<{ commandLine: string; decision: string; rule: RegExp | undefined }> = [
    { commandLine: 'terraform destroy -auto-approve', decision: 'deny', rule: /^iac\./ },
    { commandLine: 'PATH="/tmp/scratch/bin:$PATH" terraform destroy -auto-approve', decision: 'deny', rule: /^iac\./ },
    { commandLine: 'rm -rf /', decision: 'deny', rule: /^fs\./ },
    { commandLine: 'ls -la', decision: 'allow', rule: undefined },
    { commandLine: 'git status', decision: 'allow', rule: undefined },
  ];
  for (const c of cases) {
    it(`${c.commandLine} → ${c.decision}, recorded as observed`, () => {
      const command: TerminalCommand = { commandLine: c.commandLine, cwd: '/work/ws/sub', root: '/work/ws', terminalName: 'bash', time: new Date('2026-11-27T12:00:00Z') };
      const verdict = guard.checkCommand(c.commandLine, { cwd: command.cwd, root: command.root });
      const record = terminalDecisionRecord(command, verdict);
      assert.deepEqual(
        { source: record.source, agent: record.agent, tool: record.tool, subject: record.subject, cwd: record.cwd, root: record.root, outcome: record.outcome, decision: record.decision, time: record.time },
        { source: 'terminal', agent: 'terminal', tool: 'bash', subject: c.commandLine, cwd: '/work/ws/sub', root: '/work/ws', outcome: 'observed', decision: c.decision, time: '2026-11-27T12:00:00.000Z' },
      );
      if (c.rule) {
        assert.match(record.rules[0] ?? '', c.rule);
        const warning = deniedWarning(command, verdict);
        assert.ok(warning.includes(`terminal "bash"`) && warning.includes(c.commandLine) && warning.includes(record.rules[0]!), warning);
      } else {
        assert.deepEqual(record.rules, []);
      }
    });
  }

  it('a very long command line is shortened in the warning, not in the record', () => {
    const long = `terraform destroy -auto-approve ${'-var x=1 '.repeat(40)}`;
    const command: TerminalCommand = { commandLine: long, cwd: '/w', root: '/w', terminalName: 'zsh', time: new Date() };
    const verdict = guard.checkCommand(long, { cwd: '/w', root: '/w' });
    assert.equal(terminalDecisionRecord(command, verdict).subject, long);
    const warning = deniedWarning(command, verdict);
    assert.ok(!warning.includes(long) && warning.includes('…'), warning);
  });

  const judgeable: Array<[string, boolean]> = [['', false], ['   ', false], ['ls', true]];
  for (const [line, expected] of judgeable) {
    it(`isJudgeable(${JSON.stringify(line)}) → ${expected}`, () => assert.equal(isJudgeable(line), expected));
  }
});

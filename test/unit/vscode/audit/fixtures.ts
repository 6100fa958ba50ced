import type { AuditEntry } from '../../../../src/vscode/audit/auditEntry';

/** A valid audit entry with sensible defaults; tests override what they are about. */
export function auditEntry(over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    time: '2026-11-27T10:00:00.000Z',
    source: 'hook',
    agent: 'claude',
    tool: 'Bash',
    subject: 'terraform destroy -auto-approve',
    decision: 'deny',
    risk: 'critical',
    rules: ['iac.terraform-destroy'],
    outcome: 'denied',
    root: '/work/project',
    pid: 4242,
    ...over,
  };
}

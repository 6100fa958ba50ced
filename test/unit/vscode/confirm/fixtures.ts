/** Requests shaped as the built hook sends them (see test/integration/hooks/bridge.test.ts), for the confirm unit tests. */
import type { ConfirmRequest, GuardedAction, ReportRequest, Verdict } from '../../../../src/shared/bridgeProtocol';

export const ROOT = '/home/dev/app';

export const PROTECTED: Verdict = {
  decision: 'confirm',
  risk: 'medium',
  reasons: [{ rule: 'workspace.protectedPaths[0]', message: 'Deleting victim: "victim/**" is a protected path in the workspace policy.', command: 'rm -rf victim', decision: 'confirm', risk: 'medium' }],
};

export const PRODUCTION: Verdict = {
  decision: 'confirm',
  risk: 'high',
  reasons: [{ rule: 'kubernetes.delete-resource', message: 'This deletes Kubernetes objects from the cluster. The target is production (prod-eu).', command: 'kubectl --context prod-eu delete deployment api', decision: 'confirm', risk: 'high', target: 'prod-eu' }],
  typedConfirmation: 'prod-eu',
};

export const CRITICAL: Verdict = {
  decision: 'confirm',
  risk: 'critical',
  reasons: [{ rule: 'fs.delete-outside-workspace', message: 'Deleting /home/dev touches files outside the workspace.', command: 'rm -rf ~', decision: 'confirm', risk: 'critical' }],
};

export const DENIED: Verdict = {
  decision: 'deny',
  risk: 'critical',
  reasons: [{ rule: 'fs.rm-root', message: 'Deletes the whole file system.', command: 'rm -rf /', decision: 'deny', risk: 'critical' }],
};

export const ALLOWED: Verdict = { decision: 'allow', risk: 'none', reasons: [] };

export function command(cmd: string, cwd = ROOT): GuardedAction {
  return { kind: 'command', command: cmd, cwd };
}

export function confirmRequest(over: Partial<ConfirmRequest> = {}): ConfirmRequest {
  return {
    type: 'confirm', version: 1, token: 't'.repeat(64), id: 'req-1', agent: 'claude', tool: 'Bash', root: ROOT,
    actions: [command('rm -rf victim')], verdict: PROTECTED, deadline: Date.now() + 60_000, ...over,
  };
}

export function reportRequest(over: Partial<ReportRequest> = {}): ReportRequest {
  return {
    type: 'report', version: 1, token: 't'.repeat(64), id: 'rep-1', agent: 'claude', tool: 'Bash', root: ROOT,
    actions: [command('rm -rf /')], verdict: DENIED, answer: 'deny', ...over,
  };
}

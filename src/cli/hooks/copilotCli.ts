/**
 * GitHub Copilot CLI `preToolUse` (`.github/hooks/*.json` or `~/.copilot/hooks/*.json`,
 * `{"version":1,"hooks":{"preToolUse":[{type:"command", bash, timeoutSec}]}}`). Input: sessionId, timestamp,
 * cwd, toolName (`bash`, `create`, `edit`, `apply_patch`, …), toolArgs (an object in 1.0.102, a JSON string in
 * the docs). Output: flat `permissionDecision` with a required reason for deny. Whether "ask" is processed is
 * documented both ways, so a confirm without an editor answer is a deny that says how to approve.
 */
import { parseGithubFamily, renderGithubFamily } from './githubFamily';
import type { AgentAdapter } from './types';

export const copilotCli: AgentAdapter = {
  id: 'copilot-cli',
  defaultTimeoutSeconds: 30,
  parse: (payload) => parseGithubFamily(payload, 'copilot'),
  render: (answer) => renderGithubFamily(answer),
};

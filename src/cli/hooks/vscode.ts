/**
 * VS Code / GitHub Copilot agent-mode hooks (`PreToolUse` in `.github/hooks/*.json` or `~/.copilot/hooks/*.json`).
 * VS Code ignores matchers, so every tool call arrives here; tool_input uses camelCase fields (`filePath`).
 * Exit 0 + `hookSpecificOutput.permissionDecision` decides; `ask` forces VS Code's confirmation even over its
 * auto-approve settings; `allow` skips VS Code's own approval, so it is sent only for auto-approve or after a
 * person approved. Timeouts and crashes let the call through: the hook answers before the timeout by itself.
 */
import { parseGithubFamily, renderGithubFamily } from './githubFamily';
import type { AgentAdapter } from './types';

export const vscode: AgentAdapter = {
  id: 'vscode',
  defaultTimeoutSeconds: 30,
  parse: (payload) => parseGithubFamily(payload, 'vscode'),
  render: (answer) => renderGithubFamily(answer),
};

/** Agent id → config writer. */
import type { AgentId } from '../hooks/types';
import { clineInstaller } from './cline';
import { cursorInstaller } from './cursor';
import { copilotCliInstaller, vscodeInstaller } from './github';
import { claudeInstaller, codexInstaller, geminiInstaller } from './grouped';
import type { AgentInstaller } from './types';

export const INSTALLERS: Readonly<Record<AgentId, AgentInstaller>> = {
  vscode: vscodeInstaller,
  claude: claudeInstaller,
  cursor: cursorInstaller,
  gemini: geminiInstaller,
  codex: codexInstaller,
  'copilot-cli': copilotCliInstaller,
  cline: clineInstaller,
};

/** Agent id → adapter. The adapters are tiny and pure; importing them all costs nothing at start-up. */
import { claude } from './claude';
import { cline } from './cline';
import { codex } from './codex';
import { copilotCli } from './copilotCli';
import { cursor } from './cursor';
import { gemini } from './gemini';
import type { AgentAdapter, AgentId } from './types';
import { vscode } from './vscode';

export const ADAPTERS: Readonly<Record<AgentId, AgentAdapter>> = {
  vscode,
  claude,
  cursor,
  gemini,
  codex,
  'copilot-cli': copilotCli,
  cline,
};

/**
 * `agent-guard hook <agent> [--timeout S] [--auto-approve] [--trust-tool NAME]…` — the pre-tool-use hook every
 * supported agent runs before each tool call (payload on stdin, answer on stdout in the agent's own shape).
 * Agents: vscode, claude, cursor, gemini, codex, copilot-cli, cline. See src/cli/hooks/.
 */
import { ADAPTERS } from '../hooks/registry';
import { runHook, type HookIo } from '../hooks/run';
import { AGENT_IDS, isAgentId } from '../hooks/types';
import { writeStderr } from '../output';

/** The hook for `argv` (`<agent> [options]`) with the given process I/O (the hook process's own by default). */
export async function runWithIo(argv: readonly string[], io?: HookIo): Promise<number> {
  const [agent, ...rest] = argv;
  if (agent === undefined || agent === '--help' || agent === '-h' || !isAgentId(agent)) {
    (io?.warn ?? writeStderr)(
      `usage: agent-guard hook <agent> [--timeout SECONDS] [--auto-approve] [--trust-tool NAME]...\n` +
        `agents: ${AGENT_IDS.join(', ')}\n` +
        (agent !== undefined && agent !== '--help' && agent !== '-h' ? `unknown agent "${agent}"\n` : ''),
    );
    // no adapter means no answer shape; exit 2 is the blocking status for most agents
    return 2;
  }
  // the answer is written synchronously; main ends the process at once (a stdin the agent never closed included)
  return runHook(ADAPTERS[agent], rest, io);
}

export function run(argv: readonly string[]): Promise<number> {
  return runWithIo(argv);
}

/** The contract between the hook runner and the per-agent adapters. */
import type { Json } from './payload';

export const AGENT_IDS = ['vscode', 'claude', 'cursor', 'gemini', 'codex', 'copilot-cli', 'cline'] as const;
export type AgentId = (typeof AGENT_IDS)[number];

export function isAgentId(s: string): s is AgentId {
  return (AGENT_IDS as readonly string[]).includes(s);
}

/** What an adapter read from the agent's payload, before any judgement. */
export interface ParsedCall {
  /** The agent's tool name (a synthetic one such as `Shell` for events that carry no tool name). */
  readonly tool: string;
  /** The tool's arguments (a bare string for free-form patch tools), undefined when absent. */
  readonly input: Json | string | undefined;
  /** Directory the agent runs the tool in, as the payload says (may be missing or relative). */
  readonly cwd: string | undefined;
  /** Workspace roots the payload names, most specific first. */
  readonly roots: readonly string[];
  /** Whether the agent honours an "ask" answer for this event (see agent-hooks.md). */
  readonly askHonoured: boolean;
  /** Adapter-private detail needed to answer (event name, payload flavour). */
  readonly flavour: string;
}

export type ParseResult = { readonly ok: true; readonly call: ParsedCall } | { readonly ok: false; readonly problem: string };

/**
 * The final answer, after judgement and after asking a person where needed.
 * `defer`: no objection, let the agent's own approval flow decide. `allow`: skip the agent's prompt (auto-approve
 * opted in, or a person approved in the editor). `ask`: the agent must ask the person itself. `deny`: block.
 */
export type HookAnswer =
  | { readonly kind: 'defer' }
  | { readonly kind: 'allow'; readonly reason: string }
  | { readonly kind: 'ask'; readonly reason: string }
  | { readonly kind: 'deny'; readonly reason: string };

export interface HookOutput {
  readonly stdout: string;
  readonly exitCode: number;
}

export interface AgentAdapter {
  readonly id: AgentId;
  /** The agent's own default hook timeout in seconds, used when the hook command line has no `--timeout`. */
  readonly defaultTimeoutSeconds: number;
  /** Environment variable the agent sets to the project directory, if any. */
  readonly projectDirEnv?: readonly string[];
  parse(payload: unknown): ParseResult;
  /** Must never throw; `call` is undefined when the payload could not be parsed. */
  render(answer: HookAnswer, call: ParsedCall | undefined): HookOutput;
}

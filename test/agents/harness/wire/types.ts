/**
 * A scripted "model": the same list of tool calls, spoken in each agent's wire format. The agent sends the whole
 * conversation with every request, so the next answer follows from how many tool results it already holds:
 * with k results, answer tool call k (or plain text once the script is done).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** One tool call the model makes. `input` is a JSON object, or the raw text of a free-form tool (Codex apply_patch). */
export interface ScriptedCall {
  readonly tool: string;
  readonly input: Record<string, unknown> | string;
}

export interface ModelRequest {
  readonly method: string;
  readonly url: string;
  readonly body: string;
  /** The parsed body, undefined when it is not JSON. */
  readonly json: unknown;
}

export interface WireFormat {
  readonly name: string;
  /** Answers one request, following the script. */
  answer(req: ModelRequest, script: readonly ScriptedCall[], res: ServerResponse<IncomingMessage>): void;
  /**
   * The tool results this request carries, in order (what the agent reported back after each call), or
   * undefined when the request is not a conversation turn.
   */
  toolResults(req: ModelRequest): string[] | undefined;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function sse(res: ServerResponse<IncomingMessage>, event: string | undefined, data: unknown): void {
  res.write(`${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`);
}

/** Tool-result content as text: a string, or the text parts of a block list. */
export function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((c) => (isRecord(c) && typeof c['text'] === 'string' ? c['text'] : JSON.stringify(c))).join('\n');
  return JSON.stringify(content ?? '');
}

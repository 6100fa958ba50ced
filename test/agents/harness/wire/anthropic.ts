/**
 * Anthropic Messages API (`POST /v1/messages`, Claude Code adds `?beta=true`), spoken by Claude Code and by
 * Copilot CLI with a BYOK `anthropic` provider. Streaming SSE: message_start, one content block (tool_use with
 * its input as one input_json_delta, or text), message_delta with the stop reason, message_stop. Side requests
 * that offer no tools (titles, summaries) and token counts get text.
 */
import { isRecord, sse, textOf, type ModelRequest, type ScriptedCall, type WireFormat } from './types';

function toolResults(req: ModelRequest): string[] | undefined {
  if (!req.url.startsWith('/v1/messages') || req.url.includes('count_tokens') || !isRecord(req.json)) return undefined;
  const messages = req.json['messages'];
  if (!Array.isArray(messages)) return undefined;
  const out: string[] = [];
  for (const m of messages) {
    if (!isRecord(m) || !Array.isArray(m['content'])) continue;
    for (const block of m['content']) {
      if (isRecord(block) && block['type'] === 'tool_result') out.push(`${block['is_error'] === true ? '[error] ' : ''}${textOf(block['content'])}`);
    }
  }
  return out;
}

function offersTool(json: Record<string, unknown>, name: string): boolean {
  return Array.isArray(json['tools']) && json['tools'].some((t) => isRecord(t) && t['name'] === name);
}

export const anthropicWire: WireFormat = {
  name: 'anthropic-messages',
  toolResults,
  answer(req, script, res) {
    const results = toolResults(req);
    if (results === undefined || !isRecord(req.json)) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ input_tokens: 10 }));
      return;
    }
    const json = req.json;
    const next: ScriptedCall | undefined = script[results.length];
    const call = next && offersTool(json, next.tool) ? next : undefined;
    const n = results.length + 1;
    const id = `msg_${n}`;
    const model = typeof json['model'] === 'string' ? json['model'] : 'claude-sonnet-4-5';
    const stop = call ? 'tool_use' : 'end_turn';
    if (json['stream'] !== true) {
      const content = call ? [{ type: 'tool_use', id: `toolu_${n}`, name: call.tool, input: call.input }] : [{ type: 'text', text: 'done' }];
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id, type: 'message', role: 'assistant', model, content, stop_reason: stop, stop_sequence: null, usage: { input_tokens: 10, output_tokens: 5 } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const ev = (type: string, data: Record<string, unknown>): void => sse(res, type, { type, ...data });
    ev('message_start', { message: { id, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 10, output_tokens: 1 } } });
    if (call) {
      ev('content_block_start', { index: 0, content_block: { type: 'tool_use', id: `toolu_${n}`, name: call.tool, input: {} } });
      ev('content_block_delta', { index: 0, delta: { type: 'input_json_delta', partial_json: JSON.stringify(call.input) } });
    } else {
      ev('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
      ev('content_block_delta', { index: 0, delta: { type: 'text_delta', text: 'done' } });
    }
    ev('content_block_stop', { index: 0 });
    ev('message_delta', { delta: { stop_reason: stop, stop_sequence: null }, usage: { output_tokens: 5 } });
    ev('message_stop', {});
    res.end();
  },
};

/**
 * OpenAI Responses API (`POST /v1/responses`), spoken by Codex. SSE events: response.created, one output item
 * (a function_call, a custom_tool_call for free-form tools such as apply_patch, or an assistant message) added
 * and done, response.completed with usage.
 */
import { isRecord, sse, textOf, type ModelRequest, type WireFormat } from './types';

const RESULT_TYPES = new Set(['function_call_output', 'custom_tool_call_output']);

function toolResults(req: ModelRequest): string[] | undefined {
  if (!req.url.includes('/responses') || !isRecord(req.json) || !Array.isArray(req.json['input'])) return undefined;
  return req.json['input'].filter((i): i is Record<string, unknown> => isRecord(i) && RESULT_TYPES.has(String(i['type']))).map((i) => textOf(i['output']));
}

export const responsesWire: WireFormat = {
  name: 'openai-responses',
  toolResults,
  answer(req, script, res) {
    const results = toolResults(req);
    if (results === undefined) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{}');
      return;
    }
    const n = results.length + 1;
    const call = script[results.length];
    const id = `resp_${n}`;
    const item = !call
      ? { type: 'message', role: 'assistant', id: `msg_${n}`, content: [{ type: 'output_text', text: 'done', annotations: [] }] }
      : typeof call.input === 'string'
        ? { type: 'custom_tool_call', id: `ctc_${n}`, call_id: `call_${n}`, name: call.tool, input: call.input, status: 'completed' }
        : { type: 'function_call', id: `fc_${n}`, call_id: `call_${n}`, name: call.tool, arguments: JSON.stringify(call.input), status: 'completed' };
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const ev = (type: string, data: Record<string, unknown>): void => sse(res, type, { type, ...data });
    ev('response.created', { response: { id } });
    ev('response.output_item.added', { output_index: 0, item });
    ev('response.output_item.done', { output_index: 0, item });
    const usage = { input_tokens: 10, output_tokens: 5, total_tokens: 15, input_tokens_details: { cached_tokens: 0 }, output_tokens_details: { reasoning_tokens: 0 } };
    ev('response.completed', { response: { id, output: [item], usage } });
    res.end();
  },
};

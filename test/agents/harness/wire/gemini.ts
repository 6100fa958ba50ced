/**
 * Gemini API (`/v1beta/models/<model>:<method>`), spoken by Gemini CLI with an API key. The conversation comes as
 * `:streamGenerateContent?alt=sse` (answered with a functionCall part, or text once the script is done); helper
 * calls in JSON mode (`:generateContent` with a response schema: the model router's complexity score, the
 * next-speaker check) get an object that fills the schema; `:countTokens` gets a count.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord, sse, type ModelRequest, type WireFormat } from './types';

function toolResults(req: ModelRequest): string[] | undefined {
  if (!req.url.includes(':streamGenerateContent') || !isRecord(req.json) || !Array.isArray(req.json['contents'])) return undefined;
  const out: string[] = [];
  for (const c of req.json['contents']) {
    if (!isRecord(c) || !Array.isArray(c['parts'])) continue;
    for (const p of c['parts']) {
      if (isRecord(p) && isRecord(p['functionResponse'])) out.push(JSON.stringify(p['functionResponse']['response'] ?? {}));
    }
  }
  return out;
}

function offered(json: Record<string, unknown>): Set<string> {
  const names = new Set<string>();
  for (const t of Array.isArray(json['tools']) ? json['tools'] : []) {
    if (!isRecord(t) || !Array.isArray(t['functionDeclarations'])) continue;
    for (const d of t['functionDeclarations']) if (isRecord(d) && typeof d['name'] === 'string') names.add(d['name']);
  }
  return names;
}

/** A value that satisfies a (JSON or Gemini-style upper-case) schema; enums prefer "user" (next-speaker check). */
function fill(schema: unknown): unknown {
  if (!isRecord(schema)) return '';
  const en = schema['enum'];
  if (Array.isArray(en) && en.length > 0) return en.includes('user') ? 'user' : en[0];
  const type = typeof schema['type'] === 'string' ? schema['type'] : 'object';
  switch (type.toLowerCase()) {
    case 'number':
    case 'integer': return 1;
    case 'boolean': return false;
    case 'array': return [];
    case 'string': return 'scripted';
    default: {
      const props = isRecord(schema['properties']) ? schema['properties'] : {};
      return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, fill(v)]));
    }
  }
}

function candidate(parts: unknown[]): Record<string, unknown> {
  return {
    candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP', index: 0 }],
    usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 5, totalTokenCount: 15 },
  };
}

function json(res: ServerResponse<IncomingMessage>, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export const geminiWire: WireFormat = {
  name: 'gemini-api',
  toolResults,
  answer(req, script, res) {
    const body = isRecord(req.json) ? req.json : {};
    if (req.url.includes(':countTokens')) return json(res, 200, { totalTokens: 10 });
    if (req.url.includes(':generateContent')) {
      const cfg = isRecord(body['generationConfig']) ? body['generationConfig'] : {};
      const schema = cfg['responseJsonSchema'] ?? cfg['responseSchema'];
      return json(res, 200, candidate([{ text: schema === undefined ? 'done' : JSON.stringify(fill(schema)) }]));
    }
    const results = toolResults(req);
    if (results === undefined) return json(res, 404, { error: { code: 404, message: `scripted model: no route for ${req.url}` } });
    const next = script[results.length];
    const call = next && offered(body).has(next.tool) ? next : undefined;
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    sse(res, undefined, candidate([call ? { functionCall: { name: call.tool, args: call.input } } : { text: 'done' }]));
    res.end();
  },
};

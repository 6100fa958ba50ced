/**
 * The hook payloads recorded in these runs, against the committed fixtures in test/fixtures/hooks/<agent>/
 * (`<tool>.<step>.recorded.json`). A run compares the SHAPE of every payload (field paths and JSON types) with its
 * fixture and reports any difference: the pinned agent now speaks differently and the adapter must be checked
 * (the adapter tests run on the fixtures). `--record` rewrites the fixtures from the run instead, with the scratch
 * paths replaced by the fixtures' /home/dev/app workspace.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AgentId, RunDirs } from './agents';
import { STEPS } from './steps';

export const FIXTURE_DIR = path.resolve(__dirname, '..', '..', 'fixtures', 'hooks');
const FIXTURE_WS = '/home/dev/app';
const FIXTURE_HOME = '/home/dev';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `a.b:string`-style lines for every leaf, sorted: what a payload looks like regardless of its values. */
export function shapeOf(v: unknown, prefix = ''): string[] {
  if (isRecord(v)) return Object.keys(v).sort().flatMap((k) => shapeOf(v[k], prefix ? `${prefix}.${k}` : k));
  if (Array.isArray(v)) return [`${prefix}:array`];
  return [`${prefix}:${v === null ? 'null' : typeof v}`];
}

/** Cline's tool call (`tool_call` {name, input}); undefined for the other agents. */
function clineCall(payload: Record<string, unknown>): Record<string, unknown> | undefined {
  const call = payload['tool_call'];
  return isRecord(call) ? call : undefined;
}

function toolOf(payload: unknown): string | undefined {
  if (!isRecord(payload)) return undefined;
  const t = payload['tool_name'] ?? payload['toolName'] ?? clineCall(payload)?.['name'];
  return typeof t === 'string' ? t : undefined;
}

function inputOf(payload: Record<string, unknown>): Record<string, unknown> {
  const i = payload['tool_input'] ?? payload['toolArgs'] ?? clineCall(payload)?.['input'];
  return isRecord(i) ? i : {};
}

/** Which step a payload belongs to: shell calls by their command, file tools to the protected write. */
function stepOf(payload: unknown): string | undefined {
  if (!isRecord(payload)) return undefined;
  const input = inputOf(payload);
  // Cline's run_commands carries a list; the scripted steps send one command each
  const list = input['commands'];
  const command = input['command'] ?? input['cmd'] ?? (Array.isArray(list) && list.length === 1 ? (list[0] as unknown) : undefined);
  const byCommand = STEPS.find((s) => s.command !== undefined && s.command === command);
  if (byCommand) return byCommand.id;
  return typeof command === 'string' && !command.includes('*** Begin Patch') ? undefined : 'protected-write';
}

export interface RecordedPayload {
  readonly name: string;
  readonly payload: unknown;
}

/** Names every payload `<tool>.<step>.recorded.json`; payloads that belong to no step are returned unnamed. */
export function namePayloads(payloads: readonly unknown[]): { named: RecordedPayload[]; unnamed: unknown[] } {
  const named: RecordedPayload[] = [];
  const unnamed: unknown[] = [];
  for (const p of payloads) {
    const tool = toolOf(p);
    const step = stepOf(p);
    if (tool && step) named.push({ name: `${tool}.${step}.recorded.json`, payload: p });
    else unnamed.push(p);
  }
  return { named, unnamed };
}

function normalise(payload: unknown, dirs: RunDirs): string {
  // Claude Code names its transcript folder after the workspace path with every other character a dash
  const encodedWs = (p: string): string => p.replace(/[^A-Za-z0-9]/g, '-');
  const text = JSON.stringify(payload, null, 4).split(encodedWs(dirs.ws)).join(encodedWs(FIXTURE_WS));
  return text.split(dirs.ws).join(FIXTURE_WS).split(dirs.home).join(FIXTURE_HOME).split(dirs.root).join(`${FIXTURE_HOME}/scratch`) + '\n';
}

/** Differences between a payload's shape and its committed fixture ('' when they agree or were just recorded). */
export function checkOrRecord(agent: AgentId, p: RecordedPayload, dirs: RunDirs, record: boolean): string {
  const file = path.join(FIXTURE_DIR, agent, p.name);
  if (record) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, normalise(p.payload, dirs));
    return '';
  }
  if (!fs.existsSync(file)) return `no fixture ${path.relative(process.cwd(), file)} (run with --record, then add it to the adapter tests)`;
  const want = shapeOf(JSON.parse(fs.readFileSync(file, 'utf8')) as unknown);
  const got = shapeOf(p.payload);
  const added = got.filter((x) => !want.includes(x));
  const gone = want.filter((x) => !got.includes(x));
  if (added.length === 0 && gone.length === 0) return '';
  return `${agent} ${p.name}: payload shape changed — new ${JSON.stringify(added)}, gone ${JSON.stringify(gone)}. Check the adapter, then re-record with \`npm run test:agents -- --record\``;
}

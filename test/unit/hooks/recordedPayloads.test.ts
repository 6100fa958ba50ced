/**
 * The payloads recorded from the real agents (test/fixtures/hooks/<agent>/*.recorded.json, written by
 * `npm run test:agents -- --record`) against what each adapter was written to understand. A field listed here was
 * reviewed: the adapter reads it, or it carries nothing the judgement needs. When a new agent version adds or
 * renames a field — a new place for the command, a flag that changes what the tool does — this fails until someone
 * has looked at the adapter and added the field. The integration tests (test/integration/hooks/agents.test.ts)
 * run the same payloads through the built hook.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyTool } from '../../../src/cli/hooks/catalogue';
import { ADAPTERS } from '../../../src/cli/hooks/registry';
import type { AgentId } from '../../../src/cli/hooks/types';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'hooks');

interface Reviewed {
  /** Top-level payload fields. */
  readonly fields: readonly string[];
  /** Where the tool's arguments are (a dotted path for nested ones). */
  readonly inputField: string;
  /** Tool → its argument fields. */
  readonly tools: Readonly<Record<string, readonly string[]>>;
}

const REVIEWED: Partial<Record<AgentId, Reviewed>> = {
  claude: {
    fields: ['session_id', 'transcript_path', 'cwd', 'prompt_id', 'permission_mode', 'effort', 'hook_event_name', 'tool_name', 'tool_input', 'tool_use_id'],
    inputField: 'tool_input',
    tools: { Bash: ['command', 'description'], Write: ['file_path', 'content'], Read: ['file_path'] },
  },
  codex: {
    fields: ['session_id', 'turn_id', 'transcript_path', 'cwd', 'hook_event_name', 'model', 'permission_mode', 'tool_name', 'tool_input', 'tool_use_id'],
    inputField: 'tool_input',
    tools: { Bash: ['command'], apply_patch: ['command'] },
  },
  gemini: {
    fields: ['session_id', 'transcript_path', 'cwd', 'hook_event_name', 'timestamp', 'tool_name', 'tool_input'],
    inputField: 'tool_input',
    tools: { run_shell_command: ['command', 'description'], write_file: ['file_path', 'content'] },
  },
  'copilot-cli': {
    fields: ['sessionId', 'timestamp', 'cwd', 'toolName', 'toolArgs'],
    inputField: 'toolArgs',
    tools: { bash: ['command', 'description'], edit: ['path', 'old_str', 'new_str'], create: ['path', 'file_text'] },
  },
  // the CLI 3; preToolUse.parameters repeats tool_call.input with non-strings JSON-encoded (the adapter reads the latter)
  cline: {
    fields: ['clineVersion', 'timestamp', 'taskId', 'sessionContext', 'workspaceRoots', 'workspaceInfo', 'userId', 'agent_id', 'parent_agent_id', 'hookName', 'iteration', 'tool_call', 'preToolUse'],
    inputField: 'tool_call.input',
    tools: { run_commands: ['commands'], editor: ['path', 'old_text', 'new_text'] },
  },
};

function at(payload: Record<string, unknown>, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined), payload);
}

function recorded(agent: AgentId): string[] {
  const dir = path.join(FIXTURES, agent);
  return fs.readdirSync(dir).filter((n) => n.endsWith('.recorded.json')).sort();
}

describe('payloads recorded from the real agents: every field was reviewed for the adapter', () => {
  for (const [agent, reviewed] of Object.entries(REVIEWED) as [AgentId, Reviewed][]) {
    describe(agent, () => {
      it('has recorded payloads', () => {
        assert.ok(recorded(agent).length > 0, `no *.recorded.json for ${agent}`);
      });
      for (const name of recorded(agent)) {
        it(name, () => {
          const payload = JSON.parse(fs.readFileSync(path.join(FIXTURES, agent, name), 'utf8')) as Record<string, unknown>;
          const unreviewed = Object.keys(payload).filter((k) => !reviewed.fields.includes(k));
          assert.deepEqual(unreviewed, [], `new top-level fields: check src/cli/hooks/${agent === 'copilot-cli' ? 'copilotCli' : agent}.ts, then list them here`);
          const parsed = ADAPTERS[agent].parse(payload);
          assert.ok(parsed.ok, `the adapter cannot read it: ${parsed.ok ? '' : parsed.problem}`);
          const known = reviewed.tools[parsed.call.tool];
          assert.ok(known, `tool ${parsed.call.tool} was never reviewed for ${agent}`);
          const input = at(payload, reviewed.inputField);
          assert.ok(typeof input === 'object' && input !== null && !Array.isArray(input), `${reviewed.inputField} is an object`);
          const newArgs = Object.keys(input).filter((k) => !known.includes(k));
          assert.deepEqual(newArgs, [], `new ${parsed.call.tool} arguments: check what they change, then list them here`);
          const what = classifyTool(parsed.call.tool, parsed.call.input);
          assert.ok(what.kind === 'actions' || what.kind === 'read-only', `the catalogue does not understand the call: ${JSON.stringify(what)}`);
          if (what.kind === 'actions') assert.ok(what.commands.length + what.edits.length > 0, 'the call does something the hook judges');
        });
      }
    });
  }
});

// Finds hook payload fixtures (test/fixtures/hooks/) and the agent each one is for.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HOOK_FIXTURES = fileURLToPath(new URL('../../test/fixtures/hooks/', import.meta.url));
const AGENTS = ['vscode', 'claude', 'cursor', 'gemini', 'codex', 'copilot-cli', 'cline'];
const ALIASES = { copilot: 'copilot-cli', 'github-copilot-cli': 'copilot-cli', code: 'vscode' };

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

/** The agent a fixture belongs to: its folder name, else the start of its file name (`claude-Bash.json`). */
export function agentOf(file, root = HOOK_FIXTURES) {
  const candidates = [basename(dirname(file)), ...relative(root, file).split(/[\\/]/), basename(file).split(/[-_.]/)[0], basename(file)];
  for (const c of candidates) {
    const lower = c.toLowerCase();
    const found = AGENTS.find((a) => lower === a || lower.startsWith(a + '-') || lower.startsWith(a + '.') || lower.startsWith(a + '_'));
    if (found) return found;
    if (ALIASES[lower]) return ALIASES[lower];
  }
  return undefined;
}

const SHELL_TOOLS = ['bash', 'run_shell_command', 'run_in_terminal', 'execute_command', 'beforeshellexecution', 'pretooluse-shell'];

/**
 * The payload that best stands for "the agent runs a shell command": the plain shell tool (`Bash`, not
 * `Bash-dotenv`), recorded from the real agent rather than written from docs. Files are named
 * `<tool>[.<variant>].<recorded|documented>.json` (test/fixtures/hooks/README.md).
 */
function pickShellFixture(files) {
  const score = (file) => {
    const parts = basename(file, '.json').split('.');
    const tool = parts[0].toLowerCase();
    let s = 0;
    if (SHELL_TOOLS.includes(tool)) s += 4;
    else if (SHELL_TOOLS.some((t) => tool.startsWith(t + '-'))) s += 2;
    if (parts.includes('recorded')) s += 1;
    if (parts.length > 2) s -= 1;
    return s;
  };
  return [...files].sort((a, b) => score(b) - score(a) || a.localeCompare(b))[0];
}

/**
 * One fixture per agent, preferring a shell-command payload (what every tool call of that kind pays for).
 * @returns {{agents: {agent: string, file: string}[], notes: string[]}}
 */
export function hookFixtures(root = HOOK_FIXTURES) {
  if (!existsSync(root)) return { agents: [], notes: [`no hook fixtures yet (${root} is missing): hook rows skipped`] };
  const byAgent = new Map();
  const notes = [];
  for (const file of walk(root).sort()) {
    const agent = agentOf(file, root);
    if (!agent) { notes.push(`${relative(root, file)}: no agent recognised in its name, skipped`); continue; }
    const list = byAgent.get(agent) ?? [];
    list.push(file);
    byAgent.set(agent, list);
  }
  const agents = [...byAgent].map(([agent, files]) => ({ agent, file: pickShellFixture(files) }));
  for (const a of AGENTS) if (!byAgent.has(a)) notes.push(`no fixture for agent "${a}": row skipped`);
  return { agents, notes };
}

/**
 * A read-only tool call recorded from a real agent (Claude Code's `Read`): the hooks are installed for every tool,
 * and an agent reads and searches more often than it runs commands, so the bench also times a call that is answered
 * without loading the core. Undefined when there is no such fixture.
 */
export function readOnlyFixture(root = HOOK_FIXTURES) {
  const dir = join(root, 'claude');
  if (!existsSync(dir)) return undefined;
  const name = readdirSync(dir).sort().find((n) => /^Read\b.*\.recorded\.json$/.test(n));
  return name === undefined ? undefined : { agent: 'claude', file: join(dir, name) };
}

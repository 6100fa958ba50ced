/**
 * Coding agents started with their approvals switched off. An agent that runs `claude --dangerously-skip-permissions`
 * or `codex --yolo` starts a second agent that edits files and runs commands without asking anyone — a way around
 * every confirmation this guard (and the agent's own permission system) would ask for. Starting agents normally
 * stays silent.
 */
import type { Invocation } from '../../invocation';
import type { CommandRule, RuleHit, RulePack } from '../rule';
import { hasExact, hasLong, optionValues } from '../args';

/** The first flag of `names` that is present (exactly or as `--flag=value`), for the message. */
function firstFlag(args: readonly string[], names: readonly string[]): string | undefined {
  for (const n of names) if (hasExact(args, n)) return n;
  return undefined;
}

function hit(inv: Invocation, what: string, effect: string): RuleHit {
  return { message: `\`${inv.program}\` started with ${what} ${effect} Nothing it does would be confirmed by a person, and the guard's confirmations would not apply to it either. Start it without that switch, or run it yourself in an isolated environment.` };
}

const claudeSkipPermissions: CommandRule = {
  id: 'agents.claude-skip-permissions',
  programs: ['claude', 'claude-code'],
  decision: 'confirm',
  risk: 'high',
  message: 'This starts Claude Code with its permission prompts turned off (bypassPermissions): it edits files and runs commands without asking anyone.',
  match: (inv) => {
    const flag = firstFlag(inv.args, ['--dangerously-skip-permissions', '--allow-dangerously-skip-permissions']);
    if (flag !== undefined) return hit(inv, `\`${flag}\``, 'edits files and runs any command without asking.');
    const modes = optionValues(inv.args, ['--permission-mode']);
    if (modes.some((m) => m === 'bypassPermissions')) return hit(inv, '`--permission-mode bypassPermissions`', 'edits files and runs any command without asking.');
    return undefined;
  },
  examples: {
    match: ['claude --dangerously-skip-permissions -p "fix the tests"', 'claude --permission-mode bypassPermissions', 'claude --permission-mode=bypassPermissions -p x'],
    notMatch: ['claude -p "fix the tests"', 'claude --permission-mode plan', 'claude --version'],
  },
};

const codexBypass: CommandRule = {
  id: 'agents.codex-bypass',
  programs: ['codex'],
  decision: 'confirm',
  risk: 'high',
  message: 'This starts Codex without approvals and without its sandbox: it runs any command with full access to the machine.',
  match: (inv) => {
    const flag = firstFlag(inv.args, ['--dangerously-bypass-approvals-and-sandbox', '--yolo']);
    if (flag !== undefined) return hit(inv, `\`${flag}\``, 'runs every command without approval and without a sandbox.');
    const sandbox = [...optionValues(inv.args, ['-s', '--sandbox']), ...optionValues(inv.args, ['-c', '--config']).filter((c) => /^sandbox_mode\s*=/.test(c)).map((c) => c.replace(/^sandbox_mode\s*=\s*/, '').replace(/^["']|["']$/g, ''))];
    if (sandbox.includes('danger-full-access')) return hit(inv, 'the sandbox switched off (`danger-full-access`)', 'runs commands with full access to the machine.');
    if (hasExact(inv.args, '--dangerously-bypass-hook-trust')) return hit(inv, '`--dangerously-bypass-hook-trust`', 'runs hooks nobody has reviewed.');
    return undefined;
  },
  examples: {
    match: ['codex --dangerously-bypass-approvals-and-sandbox "run the tests"', 'codex --yolo exec "fix it"', 'codex exec -s danger-full-access "x"', 'codex -c sandbox_mode="danger-full-access" "x"'],
    notMatch: ['codex "run the tests"', 'codex --full-auto "fix it"', 'codex exec -s workspace-write "x"'],
  },
};

const geminiYolo: CommandRule = {
  id: 'agents.gemini-yolo',
  programs: ['gemini', 'gemini-cli'],
  decision: 'confirm',
  risk: 'high',
  message: 'This starts Gemini CLI in YOLO mode: every tool call, including shell commands, is approved automatically.',
  match: (inv) => {
    const flag = firstFlag(inv.args, ['--yolo', '-y']);
    if (flag !== undefined) return hit(inv, `\`${flag}\``, 'approves every tool call, including shell commands, automatically.');
    if (optionValues(inv.args, ['--approval-mode']).includes('yolo')) return hit(inv, '`--approval-mode yolo`', 'approves every tool call, including shell commands, automatically.');
    return undefined;
  },
  examples: {
    match: ['gemini --yolo -p "clean up"', 'gemini -y', 'gemini --approval-mode yolo', 'gemini --approval-mode=yolo -p x'],
    notMatch: ['gemini -p "explain this repo"', 'gemini --approval-mode auto_edit', 'gemini --approval-mode default'],
  },
};

const COPILOT_ALL = ['--allow-all-tools', '--allow-all-paths', '--allow-all', '--yolo'];

function truthy(v: string | undefined): boolean {
  return v !== undefined && /^(1|true|yes|on)$/i.test(v.trim());
}

const copilotAllowAll: CommandRule = {
  id: 'agents.copilot-allow-all',
  programs: ['copilot'],
  decision: 'confirm',
  risk: 'high',
  message: 'This starts GitHub Copilot CLI with every tool (or every path) allowed: it runs commands and edits files anywhere without asking.',
  match: (inv) => {
    const flag = firstFlag(inv.args, COPILOT_ALL);
    if (flag !== undefined) return hit(inv, `\`${flag}\``, 'runs commands and changes files without asking.');
    if (optionValues(inv.args, ['--allow-tool']).some((v) => v.split(',').some((t) => t.trim() === 'shell'))) return hit(inv, '`--allow-tool shell`', 'runs any shell command without asking.');
    if (truthy(inv.env['COPILOT_ALLOW_ALL'])) return hit(inv, '`COPILOT_ALLOW_ALL` set', 'runs commands and changes files without asking.');
    return undefined;
  },
  examples: {
    match: ['copilot --allow-all-tools -p "fix it"', 'copilot --allow-all-paths', 'copilot --yolo', 'COPILOT_ALLOW_ALL=true copilot -p x', "copilot --allow-tool 'shell' -p x"],
    notMatch: ['copilot -p "explain"', "copilot --allow-tool 'shell(git status)' -p x", 'COPILOT_ALLOW_ALL=false copilot'],
  },
};

const cursorForce: CommandRule = {
  id: 'agents.cursor-force',
  programs: ['cursor-agent'],
  decision: 'confirm',
  risk: 'high',
  message: 'This starts the Cursor agent with `--force`: it runs commands without asking unless they are explicitly denied.',
  match: (inv) => {
    const flag = firstFlag(inv.args, ['--force', '-f', '--yolo']);
    return flag !== undefined ? hit(inv, `\`${flag}\``, 'runs commands without asking.') : undefined;
  },
  examples: {
    match: ['cursor-agent --force -p "fix"', 'cursor-agent -f -p x'],
    notMatch: ['cursor-agent -p "fix"', 'cursor-agent --help'],
  },
};

const clineYolo: CommandRule = {
  id: 'agents.cline-yolo',
  programs: ['cline'],
  decision: 'confirm',
  risk: 'high',
  message: 'This starts Cline in YOLO mode: it approves every file change and command on its own.',
  match: (inv) => (hasLong(inv.args, 'yolo') ? hit(inv, '`--yolo`', 'approves every file change and command on its own.') : undefined),
  examples: {
    match: ['cline --yolo "fix the tests"', 'cline task new --yolo "x"'],
    notMatch: ['cline "fix the tests"', 'cline --help'],
  },
};

export const agentsPack: RulePack = {
  name: 'agents',
  description: 'Coding agents started with their approvals or sandbox switched off.',
  rules: [claudeSkipPermissions, codexBypass, geminiYolo, copilotAllowAll, cursorForce, clineYolo],
};

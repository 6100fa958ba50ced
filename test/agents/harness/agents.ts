/**
 * How to drive each real agent offline: its pinned npm package, how to point it at the scripted model, how to
 * run it non-interactively, how its tools are spelled, and the switches without which it silently skips hooks
 * (see ../../../../shared/reference/real-agents-testing.md).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { trustCodexHooks } from './codexTrust';
import { cacheRoot } from './install';
import { anthropicWire } from './wire/anthropic';
import { geminiWire } from './wire/gemini';
import { responsesWire } from './wire/responses';
import type { ScriptedCall, WireFormat } from './wire/types';
import { PROTECTED_AFTER, PROTECTED_BEFORE, PROTECTED_FILE } from './steps';

export type AgentId = 'claude' | 'codex' | 'gemini' | 'copilot-cli' | 'cline';
export type Scope = 'user' | 'workspace';

/** The folders of one run (all inside one scratch folder). */
export interface RunDirs {
  readonly root: string;
  readonly home: string;
  readonly ws: string;
}

/** What a person does to let the agent run hooks (trusting a hook or a folder), done here by switch or file. */
export interface TrustSwitch {
  readonly description: string;
  readonly env?: Record<string, string>;
  readonly args?: readonly string[];
  /** Files a person's trust decision writes; `agent` is the agent program and its environment for the run. */
  readonly files?: (dirs: RunDirs, agent: { readonly bin: string; readonly env: Record<string, string> }) => Promise<void> | void;
}

export interface AgentDriver {
  /** `agent-guard install --agent <id>`. */
  readonly id: AgentId;
  readonly name: string;
  readonly npmPackage: string;
  readonly version: string;
  /** Program name in node_modules/.bin. */
  readonly bin: string;
  readonly wire: WireFormat;
  /** Once per suite, before the network namespace: unpack what every run would otherwise unpack again. */
  warm?(binDir: string): void;
  /** Writes the agent's own config (model endpoint, no telemetry) into the scratch HOME before anything else. */
  prepare(dirs: RunDirs, port: number): void;
  /** Environment for the agent, besides HOME and PATH. */
  env(dirs: RunDirs, port: number): Record<string, string>;
  /** `extra`: the trust switch's arguments. */
  argv(prompt: string, extra: readonly string[]): string[];
  /** Extra environment for `agent-guard install`/`doctor` (where the agent keeps its config). */
  installEnv(dirs: RunDirs): Record<string, string>;
  /**
   * The agent's trust switch for hooks in this scope: without it the agent silently skips our hook. Undefined:
   * the agent runs hooks in this scope without asking for trust.
   */
  trust(scope: Scope): TrustSwitch | undefined;
  /**
   * Which of our hook's answers end the agent's whole turn instead of coming back to the model as the call's result
   * (nothing runs, the model is told nothing, the person sees the hook's message): Gemini CLI in non-interactive
   * mode cannot ask, so an "ask" cancels the turn; Cline's only way to block, `cancel`, stops the task. Those steps
   * then run one per session.
   */
  readonly endsTurn: 'none' | 'ask' | 'block';
  /** Where the person finds the reason for a stopped turn besides the agent's output (Cline: only its log). */
  shownToPerson?(dirs: RunDirs): string;
  shell(command: string): ScriptedCall;
  /** The calls that write PROTECTED_AFTER into PROTECTED_FILE (the last one is the write). */
  protectedWrite(dirs: RunDirs): ScriptedCall[];
}

function writeFile(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const protectedPath = (dirs: RunDirs): string => path.join(dirs.ws, PROTECTED_FILE);

export const claude: AgentDriver = {
  id: 'claude',
  name: 'Claude Code',
  npmPackage: '@anthropic-ai/claude-code',
  version: '2.1.332',
  bin: 'claude',
  wire: anthropicWire,
  prepare() {
    /* configured through the environment */
  },
  env: (_dirs, port) => ({
    ANTHROPIC_BASE_URL: `http://127.0.0.1:${port}`,
    ANTHROPIC_API_KEY: 'sk-scripted',
    DISABLE_TELEMETRY: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_AUTOUPDATER: '1',
    // root may use --dangerously-skip-permissions only in a sandbox
    IS_SANDBOX: '1',
  }),
  argv: (prompt, extra) => [...extra, '-p', prompt, '--output-format', 'json', '--dangerously-skip-permissions'],
  installEnv: () => ({}),
  trust: () => undefined,
  endsTurn: 'none',
  shell: (command) => ({ tool: 'Bash', input: { command, description: 'scripted step' } }),
  // Write refuses to overwrite a file that was not read first
  protectedWrite: (dirs) => [
    { tool: 'Read', input: { file_path: protectedPath(dirs) } },
    { tool: 'Write', input: { file_path: protectedPath(dirs), content: PROTECTED_AFTER } },
  ],
};

const codexHome = (dirs: RunDirs): string => path.join(dirs.home, '.codex');

export const codex: AgentDriver = {
  id: 'codex',
  name: 'OpenAI Codex CLI',
  npmPackage: '@openai/codex',
  version: '0.171.0',
  bin: 'codex',
  wire: responsesWire,
  prepare(dirs, port) {
    // gpt-5.5 offers the free-form apply_patch tool besides exec_command
    writeFile(path.join(codexHome(dirs), 'config.toml'), [
      'model_provider = "scripted"',
      'model = "gpt-5.5"',
      '',
      '[model_providers.scripted]',
      'name = "scripted"',
      `base_url = "http://127.0.0.1:${port}/v1"`,
      'wire_api = "responses"',
      'env_key = "SCRIPTED_MODEL_KEY"',
      'request_max_retries = 0',
      'stream_max_retries = 0',
      '',
      '[analytics]',
      'enabled = false',
      '',
    ].join('\n'));
  },
  env: (dirs) => ({ CODEX_HOME: codexHome(dirs), SCRIPTED_MODEL_KEY: 'scripted' }),
  argv: (prompt, extra) => ['exec', '--skip-git-repo-check', '--dangerously-bypass-approvals-and-sandbox', ...extra, '--json', prompt],
  installEnv: (dirs) => ({ CODEX_HOME: codexHome(dirs) }),
  // Codex runs a hook only after a person trusted it in /hooks (its hash in config.toml), a project .codex/ only
  // in a trusted project
  trust: (scope) => scope === 'user'
    ? { description: 'hook trust (as /hooks records it)', files: async (dirs, agent) => void (await trustCodexHooks(agent.bin, dirs.ws, agent.env, codexHome(dirs))) }
    : {
        description: 'project trust and hook trust (as Codex records them)',
        files: async (dirs, agent) => {
          fs.appendFileSync(path.join(codexHome(dirs), 'config.toml'), `\n[projects.${JSON.stringify(dirs.ws)}]\ntrust_level = "trusted"\n`);
          await trustCodexHooks(agent.bin, dirs.ws, agent.env, codexHome(dirs));
        },
      },
  endsTurn: 'none',
  // login:false: a login shell would reset PATH from /etc/profile and lose the terraform stub
  shell: (command) => ({ tool: 'exec_command', input: { cmd: command, login: false } }),
  protectedWrite: () => [{
    tool: 'apply_patch',
    input: `*** Begin Patch\n*** Update File: ${PROTECTED_FILE}\n@@\n-${PROTECTED_BEFORE.split('\n')[0]}\n+${PROTECTED_AFTER.split('\n')[0]}\n*** End Patch\n`,
  }],
};

export const gemini: AgentDriver = {
  id: 'gemini',
  name: 'Gemini CLI',
  npmPackage: '@google/gemini-cli',
  version: '0.61.0',
  bin: 'gemini',
  wire: geminiWire,
  prepare(dirs) {
    writeFile(path.join(dirs.home, '.gemini', 'settings.json'), JSON.stringify({
      security: { auth: { selectedType: 'gemini-api-key' } },
      general: { disableAutoUpdate: true, disableUpdateNag: true },
      telemetry: { enabled: false },
      privacy: { usageStatisticsEnabled: false },
    }, null, 2) + '\n');
  },
  env: (_dirs, port) => ({
    GOOGLE_GEMINI_BASE_URL: `http://127.0.0.1:${port}`,
    GEMINI_API_KEY: 'scripted',
    GEMINI_CLI_NO_RELAUNCH: 'true',
  }),
  argv: (prompt, extra) => [...extra, '-p', prompt, '--yolo', '--skip-trust', '--output-format', 'json'],
  installEnv: () => ({}),
  // as Gemini's "trust this folder" answer records it
  trust: (scope) => (scope === 'workspace'
    ? { description: 'folder trust (~/.gemini/trustedFolders.json)', files: (dirs) => writeFile(path.join(dirs.home, '.gemini', 'trustedFolders.json'), JSON.stringify({ [dirs.ws]: 'TRUST_FOLDER' }, null, 2)) }
    : undefined),
  endsTurn: 'ask',
  shell: (command) => ({ tool: 'run_shell_command', input: { command, description: 'scripted step' } }),
  protectedWrite: (dirs) => [{ tool: 'write_file', input: { file_path: protectedPath(dirs), content: PROTECTED_AFTER } }],
};

const copilotHome = (dirs: RunDirs): string => path.join(dirs.home, '.copilot');
/** Copilot CLI unpacks ~235 MB of itself on first start; shared by all runs instead of once per scratch HOME. */
const copilotPackages = (): string => path.join(cacheRoot(), 'copilot-pkg');

export const copilot: AgentDriver = {
  id: 'copilot-cli',
  name: 'GitHub Copilot CLI',
  npmPackage: '@github/copilot',
  version: '1.0.102',
  bin: 'copilot',
  wire: anthropicWire,
  warm(binDir) {
    const home = fs.mkdtempSync(path.join(cacheRoot(), 'warm-'));
    try {
      const env = { PATH: process.env['PATH'] ?? '', HOME: home, COPILOT_PKG_CACHE_HOME: copilotPackages(), COPILOT_OFFLINE: 'true', COPILOT_AUTO_UPDATE: 'false' };
      const r = spawnSync('unshare', ['--net', '--', path.join(binDir, 'copilot'), '--version'], { env, encoding: 'utf8', timeout: 120_000 });
      if (r.status !== 0) throw new Error(`copilot --version (unpacking into ${copilotPackages()}) failed: ${r.stdout}${r.stderr}`);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  },
  prepare(dirs) {
    fs.mkdirSync(copilotHome(dirs), { recursive: true });
  },
  env: (dirs, port) => ({
    COPILOT_HOME: copilotHome(dirs),
    COPILOT_PROVIDER_BASE_URL: `http://127.0.0.1:${port}`,
    COPILOT_PROVIDER_TYPE: 'anthropic',
    COPILOT_PROVIDER_API_KEY: 'scripted',
    COPILOT_OFFLINE: 'true',
    COPILOT_MODEL: 'claude-sonnet-4.5',
    COPILOT_AUTO_UPDATE: 'false',
    COPILOT_PKG_CACHE_HOME: copilotPackages(),
  }),
  argv: (prompt, extra) => [...extra, '-p', prompt, '--allow-all-tools', '--allow-all-paths', '--disable-client-telemetry', '--output-format', 'json'],
  installEnv: (dirs) => ({ COPILOT_HOME: copilotHome(dirs) }),
  // repository hooks run only in a trusted folder; as "Yes, and remember this folder" records it
  trust: (scope) => (scope === 'workspace'
    ? { description: 'folder trust (trustedFolders in ~/.copilot/config.json)', files: (dirs) => writeFile(path.join(copilotHome(dirs), 'config.json'), JSON.stringify({ trustedFolders: [dirs.ws] }, null, 2)) }
    : undefined),
  endsTurn: 'none',
  shell: (command) => ({ tool: 'bash', input: { command, description: 'scripted step' } }),
  protectedWrite: (dirs) => [{ tool: 'edit', input: { path: protectedPath(dirs), old_str: PROTECTED_BEFORE, new_str: PROTECTED_AFTER } }],
};

/** Cline's state for one run: sandbox mode keeps it here and runs the agent in-process (no hub daemon left behind). */
const clineData = (dirs: RunDirs): string => path.join(dirs.root, 'cline-data');

export const cline: AgentDriver = {
  id: 'cline',
  name: 'Cline CLI',
  npmPackage: 'cline',
  version: '3.0.65',
  bin: 'cline',
  wire: anthropicWire,
  prepare(dirs, port) {
    // what `cline auth --provider anthropic` writes, plus the base URL its flag only takes for OpenAI providers
    writeFile(path.join(clineData(dirs), 'settings', 'providers.json'), JSON.stringify({
      version: 1,
      lastUsedProvider: 'anthropic',
      modes: {},
      providers: {
        anthropic: {
          settings: { provider: 'anthropic', apiKey: 'sk-scripted', model: 'claude-sonnet-4-6', baseUrl: `http://127.0.0.1:${port}/v1` },
          updatedAt: '2026-01-01T00:00:00.000Z',
          tokenSource: 'manual',
        },
      },
    }, null, 2) + '\n');
  },
  // without sandbox mode every run starts (or joins) a detached hub daemon that outlives it
  env: (dirs) => ({ CLINE_SANDBOX: '1', CLINE_SANDBOX_DATA_DIR: clineData(dirs) }),
  // act mode with tools auto-approved is the default
  argv: (prompt, extra) => [...extra, '--json', prompt],
  installEnv: () => ({}),
  // the CLI runs hook files as it finds them ("Enable Hooks" is the VS Code extension's switch)
  trust: () => undefined,
  endsTurn: 'block',
  // the CLI prints only "aborted by another client"; the hook's errorMessage is in its runtime log
  shownToPerson: (dirs) => {
    const log = path.join(clineData(dirs), 'logs', 'cline.log');
    return fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
  },
  shell: (command) => ({ tool: 'run_commands', input: { commands: [command] } }),
  protectedWrite: (dirs) => [{ tool: 'editor', input: { path: protectedPath(dirs), old_text: PROTECTED_BEFORE, new_text: PROTECTED_AFTER } }],
};

export const DRIVERS: readonly AgentDriver[] = [claude, codex, gemini, copilot, cline];

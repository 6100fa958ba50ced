/**
 * `npm run test:agents`: the real agents (Claude Code, Codex, Gemini CLI, Copilot CLI, Cline CLI) at pinned versions,
 * driven offline by a scripted model, with and without our hook installed by `agent-guard install`.
 *
 * Outside the network namespace: install the pinned agents into ~/.cache/agent-guard-agents (npm; any failure
 * fails the run) and build dist/. Then the suite re-runs itself under `unshare -n` — a network namespace with
 * nothing but loopback, so the agents and their scripted models can reach nothing else — which needs root;
 * without root the suite is skipped with a message saying so.
 *
 * Options: `--agent claude,codex` runs those agents only (ids: claude, codex, gemini, copilot-cli, cline);
 * `--grep <pattern>` runs matching tests; `--record` rewrites test/fixtures/hooks/<agent>/*.<step>.recorded.json
 * from this run; `--keep` (or AGENT_GUARD_AGENTS_KEEP=1) keeps the scratch folders.
 * AGENT_GUARD_AGENTS_CACHE moves the agent cache; AGENT_GUARD_AGENTS_CONCURRENCY sets how many agents run at
 * once (default 2).
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import Mocha from 'mocha';
import { DRIVERS } from './harness/agents';
import { cacheRoot, ensureAgents } from './harness/install';
import { configureSuite, formatObserved } from './suite';

const repoRoot = path.resolve(__dirname, '..', '..');
const started = Date.now();
const argv = process.argv.slice(2);

function say(line: string): void {
  process.stdout.write(`agents: ${line}\n`);
}

function seconds(): string {
  return `${((Date.now() - started) / 1000).toFixed(1)}s`;
}

function option(name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function outside(): number {
  if (process.getuid?.() !== 0) {
    say('SKIPPED — the real-agent suite runs the agents in a loopback-only network namespace (`unshare -n`), which needs root. Nothing was tested.');
    return 0;
  }
  for (const tool of ['unshare', 'ip']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) throw new Error(`${tool} is missing (util-linux / iproute2)`);
  }
  const binDir = ensureAgents(DRIVERS, say);
  for (const d of DRIVERS) d.warm?.(binDir);
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: repoRoot, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  say(`ready in ${seconds()}; running the suite in a new network namespace`);
  const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
  const r = spawnSync('unshare', ['--net', '--', tsx, __filename, '--inside', ...argv], { cwd: repoRoot, stdio: 'inherit' });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

async function inside(): Promise<number> {
  const up = spawnSync('ip', ['link', 'set', 'lo', 'up'], { encoding: 'utf8' });
  if (up.status !== 0) throw new Error(`ip link set lo up: ${up.stderr}`);
  const links = spawnSync('ip', ['-o', 'link', 'show'], { encoding: 'utf8' }).stdout.trim().split('\n');
  if (links.length !== 1 || !/^\d+: lo:/.test(links[0] ?? '')) throw new Error(`not a loopback-only namespace: ${links.join(' / ')}`);
  const keep = argv.includes('--keep') || process.env['AGENT_GUARD_AGENTS_KEEP'] === '1';
  const record = argv.includes('--record');
  configureSuite({
    cli: path.join(repoRoot, 'dist', 'cli.js'),
    binDir: path.join(cacheRoot(), 'node_modules', '.bin'),
    // not under /tmp: deleting there is ordinary work for our rules, and the victims must count
    scratchParent: path.join(cacheRoot(), 'runs'),
    timeoutMs: 90_000,
    keep,
    record,
    agents: option('--agent')?.split(',') ?? DRIVERS.map((d) => d.id),
    // two cores: one agent (and its hook processes) per core
    concurrency: Number(process.env['AGENT_GUARD_AGENTS_CONCURRENCY'] ?? 2),
  });
  if (keep) say(`keeping scratch folders in ${path.join(cacheRoot(), 'runs')}`);
  if (record) say('recording hook payloads into test/fixtures/hooks/');
  const grep = option('--grep');
  const mocha = new Mocha({ reporter: 'spec', timeout: 600_000, slow: 60_000, ...(grep ? { grep } : {}) });
  mocha.addFile(path.join(__dirname, 'specs', 'agents.spec.ts'));
  await mocha.loadFilesAsync();
  let ran = 0;
  const failures = await new Promise<number>((resolve) => mocha.run(resolve).on('test end', () => ran++));
  process.stdout.write(`\nWhat each run showed:\n${formatObserved(['control', 'user', 'workspace', 'service'])}\n\n`);
  say(`${ran} tests, ${failures} failed, ${seconds()}`);
  if (ran === 0) {
    say(grep ? `no test matches --grep ${grep}` : 'no tests found');
    return 1;
  }
  return failures > 0 ? 1 : 0;
}

(argv.includes('--inside') ? inside() : Promise.resolve().then(outside)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`agents: FAILED — ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

/**
 * The pinned agents, installed from npm into a cache folder outside the repository (not the project's
 * dependencies) and reused by later runs. A run whose versions are already there installs nothing; otherwise
 * `npm install` runs in the cache folder, and any failure — an unreachable registry included — fails the run.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AgentDriver } from './agents';

export function cacheRoot(): string {
  return process.env['AGENT_GUARD_AGENTS_CACHE'] ?? path.join(os.homedir(), '.cache', 'agent-guard-agents');
}

function installedVersion(dir: string, pkg: string): string | undefined {
  try {
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', pkg, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof json.version === 'string' ? json.version : undefined;
  } catch {
    return undefined;
  }
}

/** Installs what is missing; returns node_modules/.bin of the cache. Throws with npm's output on failure. */
export function ensureAgents(drivers: readonly AgentDriver[], say: (line: string) => void): string {
  const dir = cacheRoot();
  fs.mkdirSync(dir, { recursive: true });
  const wanted = Object.fromEntries(drivers.map((d) => [d.npmPackage, d.version]));
  const manifest = JSON.stringify({ name: 'agent-guard-real-agents', private: true, dependencies: wanted }, null, 2) + '\n';
  const missing = drivers.filter((d) => installedVersion(dir, d.npmPackage) !== d.version || !fs.existsSync(path.join(dir, 'node_modules', '.bin', d.bin)));
  if (missing.length === 0) {
    say(`agents from cache ${dir}: ${drivers.map((d) => `${d.npmPackage}@${d.version}`).join(', ')}`);
    return path.join(dir, 'node_modules', '.bin');
  }
  say(`installing ${missing.map((d) => `${d.npmPackage}@${d.version}`).join(', ')} into ${dir}`);
  fs.writeFileSync(path.join(dir, 'package.json'), manifest);
  const started = Date.now();
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], { cwd: dir, encoding: 'utf8', timeout: 15 * 60_000 });
  if (r.status !== 0) {
    throw new Error(`npm install of the pinned agents failed (exit ${String(r.status)}${r.error ? `, ${r.error.message}` : ''}) — is the npm registry reachable?\n${r.stdout}${r.stderr}`);
  }
  for (const d of drivers) {
    const got = installedVersion(dir, d.npmPackage);
    if (got !== d.version) throw new Error(`${d.npmPackage}: wanted ${d.version}, npm installed ${got ?? 'nothing'}`);
  }
  say(`installed in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return path.join(dir, 'node_modules', '.bin');
}

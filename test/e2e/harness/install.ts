/**
 * Makes sure what the E2E run needs is on this machine, installing it when missing: Debian packages (only when
 * running as root) and code-server from npm into a cache folder outside the repository, reused by later runs.
 *
 * code-server's own postinstall downloads ripgrep from GitHub, which these machines cannot reach, so the package is
 * installed with --ignore-scripts and its postinstall steps are done here by hand (see
 * ../../../../shared/reference/real-vscode-testing.md). A marker file is written only after every step succeeded;
 * without it the next run starts over from an empty folder.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exec, onPath } from './exec';
import { onTeardown } from './teardown';

/** code-server 4.100.3 embeds VS Code 1.100.3 and is the newest release that runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';
export const VSCODE_VERSION = '1.100.3';

const READY_MARKER = '.agent-guard-e2e-ready';

export interface Installation {
  /** `node_modules/code-server/out/node/entry.js`: run it with this Node. */
  readonly entry: string;
  readonly chromium: string;
}

export function cacheRoot(): string {
  return process.env.AGENT_GUARD_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'agent-guard-e2e');
}

/** Native modules are built for one Node ABI, so the folder is per ABI. */
function installDir(): string {
  return path.join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}-abi${process.versions.modules}`);
}

export async function ensureInstalled(say: (line: string) => void): Promise<Installation> {
  const dir = installDir();
  const entry = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const cached = fs.existsSync(path.join(dir, READY_MARKER)) && fs.existsSync(entry);
  await ensureSystemPackages(cached ? ['chromium'] : ['chromium', 'ripgrep', 'libkrb5-dev', 'g++', 'make', 'python3'], say);
  if (cached) say(`code-server ${CODE_SERVER_VERSION} (VS Code ${VSCODE_VERSION}) from cache ${dir}`);
  else await withInstallLock(dir, say, async () => {
    // Another run may have finished the install while this one waited for the lock.
    if (!fs.existsSync(path.join(dir, READY_MARKER))) await installCodeServer(dir, say);
  });
  return { entry, chromium: '/usr/bin/chromium' };
}

/** How to tell whether a Debian package's content is present. */
const PACKAGE_PROBES: Record<string, () => boolean> = {
  chromium: () => fs.existsSync('/usr/bin/chromium'),
  ripgrep: () => fs.existsSync('/usr/bin/rg'),
  'libkrb5-dev': () => fs.existsSync('/usr/include/gssapi/gssapi.h') || fs.existsSync('/usr/include/krb5.h'),
  'g++': () => onPath('g++'),
  make: () => onPath('make'),
  python3: () => onPath('python3'),
};

async function ensureSystemPackages(names: readonly string[], say: (line: string) => void): Promise<void> {
  const missing = names.filter((name) => !(PACKAGE_PROBES[name]?.() ?? false));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`E2E needs these Debian packages, and only root may install them: sudo apt-get install ${missing.join(' ')}`);
  }
  say(`apt-get install ${missing.join(' ')}`);
  const log = path.join(cacheRoot(), 'apt.log');
  fs.mkdirSync(cacheRoot(), { recursive: true });
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await exec('apt-get', ['update', '-qq'], { log, env });
  await exec('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { log, env });
}

/** Where this Node's headers live, so node-gyp builds against them instead of downloading them. */
function nodeHeadersDir(): string {
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  if (fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'))) return prefix;
  throw new Error(`No Node headers under ${prefix}/include/node: node-gyp would try to download them. Install the headers for Node ${process.version}.`);
}

async function installCodeServer(dir: string, say: (line: string) => void): Promise<void> {
  if (process.versions.node.split('.')[0] !== '20') {
    throw new Error(`code-server ${CODE_SERVER_VERSION} requires Node 20; this is Node ${process.version}.`);
  }
  say(`installing code-server ${CODE_SERVER_VERSION} (VS Code ${VSCODE_VERSION}) into ${dir} — a few minutes, once`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const log = path.join(dir, 'install.log');
  const env = { ...process.env, npm_config_nodedir: nodeHeadersDir(), npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  const npm = (cwd: string, args: readonly string[], allowFailure = false) => exec('npm', args, { cwd, env, log, allowFailure });

  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'agent-guard-e2e-code-server', private: true }));
  await npm(dir, ['install', `code-server@${CODE_SERVER_VERSION}`, '--ignore-scripts']);
  await npm(dir, ['rebuild', 'argon2', '--build-from-source']);

  const vscode = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
  say('  installing VS Code server dependencies and building native modules');
  await npm(vscode, ['install', '--omit=dev', '--ignore-scripts']);
  const rg = path.join(vscode, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  fs.mkdirSync(path.dirname(rg), { recursive: true });
  fs.copyFileSync('/usr/bin/rg', rg);
  fs.chmodSync(rg, 0o755);
  // node-pty's last install step fails after pty.node is built: judge by the built files, not the exit status.
  await npm(vscode, ['rebuild', 'kerberos', 'node-pty', '@vscode/spdlog', 'native-watchdog', '@vscode/deviceid', '@parcel/watcher'], true);
  const natives = ['kerberos', 'node-pty', '@vscode/spdlog', 'native-watchdog', '@parcel/watcher', '@vscode/deviceid'];
  const load = `for (const m of ${JSON.stringify(natives)}) require(m)`;
  await exec(process.execPath, ['-e', load], { cwd: vscode, env, log }).catch((error: unknown) => {
    throw new Error(`VS Code's native modules did not build: ${String(error)}`);
  });

  // What code-server's postinstall.sh does after installing.
  relink(path.join(vscode, 'node_modules.asar'), 'node_modules');
  relink(path.join(vscode, 'bin', 'remote-cli', 'code-server'), 'code-linux.sh');
  relink(path.join(vscode, 'bin', 'helpers', 'browser.sh'), 'browser-linux.sh');
  const builtinExtensions = path.join(vscode, 'extensions');
  await npm(builtinExtensions, ['install', '--omit=dev', '--ignore-scripts']);
  await exec(process.execPath, ['postinstall.mjs'], { cwd: builtinExtensions, env, log });

  fs.writeFileSync(path.join(dir, READY_MARKER), `code-server ${CODE_SERVER_VERSION} on Node ${process.version}\n`);
  say('  code-server installed');
}

/** One install at a time per cache folder: a second run waits instead of deleting the first one's work. */
async function withInstallLock(dir: string, say: (line: string) => void, body: () => Promise<void>): Promise<void> {
  const lock = `${dir}.lock`;
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const staleAfterMs = 15 * 60_000;
  let waited = false;
  while (true) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > staleAfterMs) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (!waited) say(`waiting for another run to finish installing code-server (${lock})`);
      waited = true;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
  const release = (): void => fs.rmSync(lock, { recursive: true, force: true });
  const unregister = onTeardown(release);
  try {
    await body();
  } finally {
    release();
    unregister();
  }
}

function relink(link: string, target: string): void {
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync(target, link);
}

/**
 * Starts one code-server (VS Code's real server, web workbench and Node extension host) on a free loopback port,
 * with scratch home, user-data, extensions and XDG folders (runtime directory included, so the extension's bridge
 * runtime files land in the scratch profile and hooks spawned with {@link hookEnv} find them), so nothing of the
 * real user's setup leaks in or out.
 * It runs in its own process group, registered for teardown.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { exec } from './exec';
import { killProcessTree, onTeardown } from './teardown';

/** User settings that keep the workbench quiet and deterministic. */
const USER_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'terminal.integrated.shellIntegration.enabled': true,
  'window.dialogStyle': 'custom',
  'chat.commandCenter.enabled': false,
};

/** The folders of one scratch VS Code installation state. */
export interface ScratchProfile {
  readonly root: string;
  readonly home: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly xdgData: string;
  readonly xdgConfig: string;
  /** XDG_RUNTIME_DIR of code-server (0700): where the extension publishes its bridge runtime files. */
  readonly xdgRuntime: string;
}

export function createProfile(root: string): ScratchProfile {
  const profile: ScratchProfile = {
    root,
    home: path.join(root, 'home'),
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    xdgData: path.join(root, 'xdg-data'),
    xdgConfig: path.join(root, 'xdg-config'),
    xdgRuntime: path.join(root, 'run'),
  };
  for (const dir of [profile.home, profile.extensionsDir, profile.xdgData, profile.xdgConfig]) fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(profile.xdgRuntime, { recursive: true, mode: 0o700 });
  fs.mkdirSync(path.join(profile.userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(profile.userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  return profile;
}

/** The environment code-server (and so the extension host) runs with: scratch HOME and XDG folders. */
export function serverEnv(profile: ScratchProfile): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: profile.home,
    XDG_DATA_HOME: profile.xdgData,
    XDG_CONFIG_HOME: profile.xdgConfig,
    XDG_RUNTIME_DIR: profile.xdgRuntime,
    SHELL: '/bin/bash',
  };
}

/**
 * The environment of an agent's hook process next to this VS Code: the same home, config and runtime directory
 * as code-server (so `agent-guard hook` finds the extension's runtime file), without the project variables agents
 * set (the payload's cwd decides the workspace).
 */
export function hookEnv(profile: ScratchProfile): NodeJS.ProcessEnv {
  const env = serverEnv(profile);
  for (const name of ['AGENT_GUARD_AUTO_APPROVE', 'CLAUDE_PROJECT_DIR', 'GEMINI_PROJECT_DIR', 'CURSOR_PROJECT_DIR']) delete env[name];
  return env;
}

/** Installs a .vsix the way a user would, with code-server's own CLI. */
export async function installExtension(entry: string, profile: ScratchProfile, vsix: string, log: string): Promise<void> {
  await exec(process.execPath, [entry, '--extensions-dir', profile.extensionsDir, '--user-data-dir', profile.userDataDir, '--install-extension', vsix], {
    env: serverEnv(profile),
    log,
  });
}

export interface RunningServer {
  readonly port: number;
  readonly url: string;
  /** The remote authority the workbench uses for `vscode-remote://` URIs. */
  readonly authority: string;
  readonly log: string;
  stop(): void;
}

export async function startCodeServer(entry: string, profile: ScratchProfile, log: string): Promise<RunningServer> {
  const port = await freePort();
  const out = fs.openSync(log, 'a');
  const child = spawn(
    process.execPath,
    [
      entry,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', profile.userDataDir,
      '--extensions-dir', profile.extensionsDir,
    ],
    { detached: true, stdio: ['ignore', out, out], env: serverEnv(profile), cwd: profile.home },
  );
  fs.closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new Error('code-server did not start');
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    killProcessTree(pid);
  };
  const unregister = onTeardown(stop);
  let exited: string | undefined;
  child.on('exit', (code, sig) => {
    exited = `code-server exited (${sig ?? code})`;
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => {
    if (exited) throw new Error(`${exited}; see ${log}`);
    return (await healthy(url)) ? true : undefined;
  }, 30_000, `code-server to listen on ${url}`);
  return {
    port,
    url,
    authority: `127.0.0.1:${port}`,
    log,
    stop: () => {
      stop();
      unregister();
    },
  };
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/healthz`);
    return response.ok;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls until `probe` yields a value, failing with what was awaited when `timeoutMs` passes. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (true) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

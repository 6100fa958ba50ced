/**
 * Keeps the judge service (`agent-guard serve`, src/cli/service/) running while the editor runs, so that the hooks
 * this extension installed hand their calls to it and start in about a bare Node's time instead of loading the
 * judge each time. It runs the CLI that ships in this extension, with the extension host's own runtime (Electron
 * as Node in desktop VS Code). Hooks look for the service of their own build, and judge by themselves when there
 * is none, so this only ever changes how fast an answer comes, never what it is.
 *
 * Several windows start one each; only the first keeps running (the others see it answer and exit), and when it
 * stops (its window closed, or idle) the next window's retry starts a new one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Services } from '../services';

/** Waits before starting again after the service ended: soon at first, then once a minute. */
const RETRY_MS = [5_000, 30_000, 60_000];
/** The service stops by itself after this long without a call (the retry starts it again). */
const IDLE_MINUTES = 60;
/** Started a little after activation, off the editor's start-up path. */
const FIRST_START_MS = 1_500;

/** On, and not on Windows (the service listens on a Unix socket; Windows hooks judge by themselves). */
function enabled(): boolean {
  return process.platform !== 'win32' && vscode.workspace.getConfiguration('agentGuard').get<boolean>('judgeService.enable', true);
}

export function registerJudgeService(services: Services): vscode.Disposable {
  const cli = path.join(services.context.extensionPath, 'dist', 'cli.js');
  let child: ChildProcess | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  let failures = 0;

  const schedule = (ms: number): void => {
    if (timer !== undefined) clearTimeout(timer);
    if (!disposed) timer = setTimeout(start, ms);
  };

  function start(): void {
    timer = undefined;
    if (disposed || child !== undefined) return;
    if (!enabled()) return;
    const env = { ...process.env, ...(process.versions['electron'] !== undefined ? { ELECTRON_RUN_AS_NODE: '1' } : {}) };
    const started = Date.now();
    let said = '';
    try {
      child = spawn(process.execPath, [cli, 'serve', '--idle-minutes', String(IDLE_MINUTES)], { env, stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
    } catch (e) {
      services.log.warn(`judge service: cannot start (${String(e)}); hooks judge by themselves`);
      schedule(RETRY_MS[RETRY_MS.length - 1] ?? 60_000);
      return;
    }
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      said = (said + d).slice(-2000);
      if (d.includes('judging hooks on')) {
        failures = 0;
        services.log.info(d.trim());
      }
    });
    child.on('error', (e) => services.log.warn(`judge service: ${e.message}`));
    child.on('exit', (code, signal) => {
      child = undefined;
      if (disposed) return;
      const ranMs = Date.now() - started;
      if (ranMs > 10_000) failures = 0;
      else failures++;
      // another window's service answering is the usual reason for a quick exit (said only at trace level, as it
      // repeats every minute while that window is open): check again later
      const why = `judge service ended (${signal ?? `exit ${String(code)}`}${said.trim() ? `: ${said.trim().split('\n').pop() ?? ''}` : ''})`;
      if (said.includes('already answers')) services.log.trace(why);
      else services.log.info(why);
      schedule(RETRY_MS[Math.min(failures, RETRY_MS.length - 1)] ?? 60_000);
    });
  }

  schedule(FIRST_START_MS);
  const settings = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration('agentGuard.judgeService.enable')) return;
    if (enabled()) schedule(0);
    else child?.kill();
  });
  return {
    dispose: () => {
      disposed = true;
      if (timer !== undefined) clearTimeout(timer);
      settings.dispose();
      child?.kill();
    },
  };
}

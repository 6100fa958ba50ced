/**
 * Whether the judge service of this build runs for this user (for `agent-guard doctor`): its socket is there,
 * safe, and something answers on it.
 */
import { statSync } from 'node:fs';
import { createConnection } from 'node:net';
import { runtimeDir, unsafeReason } from '../bridge/runtimeDir';
import { serviceSocketPath } from './protocol';

export interface ServiceStatus {
  readonly socket: string | undefined;
  readonly running: boolean;
  readonly detail: string;
}

/** Whether something accepts a connection on `socket` within `timeoutMs`. */
export function answers(socket: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = createConnection(socket);
    const timer = setTimeout(() => {
      c.destroy();
      resolve(false);
    }, timeoutMs);
    c.once('connect', () => {
      clearTimeout(timer);
      c.destroy();
      resolve(true);
    });
    c.once('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

/** The service of this build, for a hook with environment `env`. */
export async function serviceStatus(env: Readonly<Record<string, string | undefined>>): Promise<ServiceStatus> {
  const absent = 'not running: each hook judges by itself (it runs while VS Code with Agent Guard is open, or start it with `agent-guard serve`)';
  if (process.platform === 'win32') return { socket: undefined, running: false, detail: 'not available on Windows: each hook judges by itself' };
  const socket = serviceSocketPath(runtimeDir(env), env);
  const st = statSync(socket, { throwIfNoEntry: false });
  if (st === undefined) return { socket, running: false, detail: absent };
  const unsafe = unsafeReason(st, socket);
  if (unsafe !== undefined) return { socket, running: false, detail: `not used: ${unsafe}` };
  return (await answers(socket, 2000)) ? { socket, running: true, detail: 'running: hooks hand their calls to it' } : { socket, running: false, detail: `${absent} (a socket is left from one that stopped)` };
}

/**
 * The judge service's server side: listens on its socket in the per-user runtime folder and runs each hook call it
 * is sent exactly as the hook process would have (same code, the caller's environment, cwd and home), answering
 * with what that process would have printed and its exit status. See protocol.ts.
 */
import { chmodSync, lstatSync, mkdirSync, unlinkSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { dirname } from 'node:path';
import { runWithIo } from '../commands/hook';
import { unsafeReason } from '../bridge/runtimeDir';
import { answers } from './status';
import { SERVICE_PROTOCOL, parseRequest, type ServiceAccepted, type ServiceAnswer, type ServiceRequest } from './protocol';

/** A request line may carry a payload up to the hook's own limit (64 MiB) and the caller's environment. */
const MAX_REQUEST_BYTES = 80 * 1024 * 1024;

export interface ServiceOptions {
  readonly socketPath: string;
  /** The service stops after this long without a call. */
  readonly idleMs: number;
  readonly log: (line: string) => void;
}

export interface RunningService {
  readonly socketPath: string;
  /** Resolves when the service has stopped (idle, or `stop()`), its socket removed. */
  readonly stopped: Promise<void>;
  stop(): void;
}

/** Makes the runtime folder (0700) if needed; the reason it must not be used, or undefined. */
function prepareFolder(dir: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    if (!st.isDirectory()) return `${dir} is not a directory`;
    return unsafeReason(st, dir);
  } catch (e) {
    return `cannot make ${dir}: ${(e as Error).message}`;
  }
}

async function judge(request: ServiceRequest, accept: (a: ServiceAccepted) => void): Promise<ServiceAnswer> {
  let stdout = '';
  let stderr = '';
  const code = await runWithIo(request.argv, {
    readInput: () => Promise.resolve(request.input),
    release: () => {},
    env: request.env,
    write: (text) => (stdout += text),
    warn: (text) => (stderr += text),
    processCwd: request.cwd,
    home: request.home,
    startedAt: request.startedAt,
    onDeadline: (deadline) => accept({ v: SERVICE_PROTOCOL, deadline }),
  });
  return { v: SERVICE_PROTOCOL, stdout, stderr, code };
}

function serve(connection: Socket, log: (line: string) => void, onDone: () => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  const finish = (): void => {
    if (done) return;
    done = true;
    onDone();
  };
  connection.on('error', () => finish());
  connection.on('close', () => finish());
  connection.on('data', (chunk: Buffer) => {
    if (done) return;
    const newline = chunk.indexOf(0x0a);
    chunks.push(newline < 0 ? chunk : chunk.subarray(0, newline));
    size += chunk.length;
    if (newline < 0) {
      // no whole request yet; a caller that sends too much is cut off (it then judges by itself)
      if (size > MAX_REQUEST_BYTES) connection.destroy();
      return;
    }
    connection.pause();
    const request = parseRequest(Buffer.concat(chunks).toString('utf8'));
    if (request === undefined) {
      connection.destroy();
      return;
    }
    // the acceptance goes out only when the answer is not ready by the next turn of the event loop (a call that
    // waits for a person): most calls are answered at once, in one write the hook reads once
    let answered = false;
    const accept = (a: ServiceAccepted): void => {
      setImmediate(() => {
        if (!answered) connection.write(JSON.stringify(a) + '\n');
      });
    };
    judge(request, accept).then(
      (answer) => {
        answered = true;
        log(`agent-guard serve: hook ${request.argv.join(' ')} → exit ${answer.code}`);
        connection.end(JSON.stringify(answer) + '\n');
      },
      () => connection.destroy(),
    );
  });
}

/**
 * Starts the service; rejects when its folder is unsafe or another service already answers on the socket. The
 * service stops after `idleMs` without a call in progress, and removes its socket.
 */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const unsafe = prepareFolder(dirname(options.socketPath));
  if (unsafe !== undefined) throw new Error(unsafe);
  if (await answers(options.socketPath, 2000)) throw new Error(`a judge service already answers on ${options.socketPath}`);
  try {
    unlinkSync(options.socketPath);
  } catch {
    /* no stale socket */
  }
  const server: Server = createServer();
  let active = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let resolveStopped: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));
  const stop = (): void => {
    if (idle !== undefined) clearTimeout(idle);
    server.close(() => resolveStopped());
    try {
      unlinkSync(options.socketPath);
    } catch {
      /* already gone */
    }
  };
  const armIdle = (): void => {
    if (idle !== undefined) clearTimeout(idle);
    idle = setTimeout(() => {
      if (active === 0) {
        options.log(`agent-guard serve: no call for ${Math.round(options.idleMs / 1000)} s, stopping`);
        stop();
      } else armIdle();
    }, options.idleMs);
  };
  server.on('connection', (connection) => {
    active++;
    armIdle();
    serve(connection, options.log, () => {
      active--;
      armIdle();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // only this user may connect: the folder is 0700, and the socket itself 0600
    server.listen(options.socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
  chmodSync(options.socketPath, 0o600);
  armIdle();
  return { socketPath: options.socketPath, stopped, stop };
}

/**
 * The hook's side of the judge service (src/cli/service/): when a service for this build runs for this user, the
 * hook process reads the payload, hands the call to it and prints its answer, instead of loading and warming the
 * judge itself. It talks through Node's own libuv pipe bindings — what `net` uses underneath — because loading
 * `net` and the streams costs a hook about 6 ms of CPU, a quarter of a bare Node start, while these cost well under
 * one. Every failure (no service, an unsafe socket, a refused or dropped connection, garbage, no answer by the
 * deadline, a Node without these bindings) ends in `judgeHere`: the hook judges by itself, as if no service ran.
 */
import { statSync } from 'node:fs';
import { runtimeDir, unsafeReason } from '../bridge/runtimeDir';
import { homeDirectory } from '../homeDirectory';
import { answerBudgetMs, parseHookOptions } from '../hooks/options';
import { readFd0 } from '../hooks/stdin';
import { writeStderr, writeStdout } from '../output';
import { SERVICE_PROTOCOL, parseAccepted, parseAnswer, serviceSocketPath, type ServiceRequest } from '../service/protocol';

interface PipeHandle {
  connect(req: unknown, address: string): number;
  writeUtf8String(req: unknown, data: string): number;
  readStart(): number;
  close(): void;
  onread: ((buffer: ArrayBuffer | undefined) => void) | null;
}

interface Bindings {
  readonly Pipe: new (type: number) => PipeHandle;
  readonly PipeConnectWrap: new () => { oncomplete?: (status: number) => void };
  readonly WriteWrap: new () => { handle?: PipeHandle; oncomplete?: (status: number) => void; async?: boolean };
  readonly SOCKET: number;
  readonly state: Int32Array;
  readonly kReadBytesOrError: number;
  readonly kArrayBufferOffset: number;
}

function bindings(): Bindings | undefined {
  try {
    const node = process as unknown as { binding(name: string): Record<string, unknown> };
    const binding = (name: string): Record<string, unknown> => node.binding(name);
    const pipe = binding('pipe_wrap');
    const stream = binding('stream_wrap');
    const constants = pipe['constants'] as { SOCKET?: unknown } | undefined;
    const b = {
      Pipe: pipe['Pipe'],
      PipeConnectWrap: pipe['PipeConnectWrap'],
      WriteWrap: stream['WriteWrap'],
      SOCKET: constants?.SOCKET,
      state: stream['streamBaseState'],
      kReadBytesOrError: stream['kReadBytesOrError'],
      kArrayBufferOffset: stream['kArrayBufferOffset'],
    };
    const ok =
      typeof b.Pipe === 'function' && typeof b.PipeConnectWrap === 'function' && typeof b.WriteWrap === 'function' &&
      typeof b.SOCKET === 'number' && b.state instanceof Int32Array && typeof b.kReadBytesOrError === 'number' && typeof b.kArrayBufferOffset === 'number';
    return ok ? (b as unknown as Bindings) : undefined;
  } catch {
    return undefined;
  }
}

/** The shortest budget any agent gives a hook (30 s) unless the hook line names its own timeout. */
const SHORTEST_AGENT_TIMEOUT_SECONDS = 30;

/**
 * Hands `agent-guard hook <argv…>` to the judge service when one runs for this build; true when it took the call
 * over (then the process ends once the answer is printed, or `judgeHere` is called: with the payload — read, or
 * still being read — once stdin has been taken, without it before). False when there is no service to try.
 */
export function handToService(argv: readonly string[], startedAt: number, judgeHere: (input?: Promise<string>) => void): boolean {
  if (process.env['AGENT_GUARD_SERVICE'] === '0' || process.platform === 'win32') return false;
  let socketPath: string;
  try {
    socketPath = serviceSocketPath(runtimeDir(process.env));
    const st = statSync(socketPath, { throwIfNoEntry: false });
    // only a socket of this user's that no one else may use (the service makes it 0600 in a 0700 folder)
    if (st === undefined || !st.isSocket() || unsafeReason(st, socketPath) !== undefined) return false;
  } catch {
    return false;
  }
  const b = bindings();
  if (b === undefined) return false;

  const options = parseHookOptions(argv.slice(1), process.env);
  let deadline = startedAt + answerBudgetMs(options.timeoutSeconds ?? SHORTEST_AGENT_TIMEOUT_SECONDS);
  let handle: PipeHandle;
  try {
    handle = new b.Pipe(b.SOCKET);
  } catch {
    return false;
  }
  let settled = false;
  let input: Promise<string> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const giveUp = (): void => {
    if (settled) return;
    settled = true;
    if (timer !== undefined) clearTimeout(timer);
    try {
      handle.close();
    } catch {
      /* already closed */
    }
    judgeHere(input);
  };
  const armTimer = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(giveUp, Math.max(0, deadline - Date.now()));
  };

  const received: Buffer[] = [];
  let acceptedSeen = false;
  /** Each whole line: the acceptance (then wait up to its deadline), or the answer (print it and exit). */
  const onAnswerBytes = (): void => {
    const lines = Buffer.concat(received).toString('utf8').split('\n');
    lines.pop(); // the part after the last newline is not a whole line yet
    for (const line of lines) {
      const answer = parseAnswer(line);
      if (answer !== undefined) {
        settled = true;
        if (answer.stdout) writeStdout(answer.stdout);
        if (answer.stderr) writeStderr(answer.stderr);
        process.exit(answer.code);
      }
      const accepted = parseAccepted(line);
      if (accepted === undefined) return giveUp();
      if (!acceptedSeen) {
        // the service says when it will answer (the agent's own budget): wait for that, a second more, not longer
        acceptedSeen = true;
        deadline = accepted.deadline + 1000;
        armTimer();
      }
    }
  };

  const send = (text: string): void => {
    // process.env holds only strings; it is sent as it is, without a copy
    const request: ServiceRequest = { v: SERVICE_PROTOCOL, argv, env: process.env as Record<string, string>, cwd: process.cwd(), home: homeDirectory(), startedAt, input: text };
    const write = new b.WriteWrap();
    write.handle = handle;
    write.async = false;
    write.oncomplete = (status) => {
      if (status < 0) giveUp();
    };
    handle.onread = (buffer) => {
      if (settled) return;
      const n = b.state[b.kReadBytesOrError] ?? -1;
      // the end (or an error) before a whole answer: judge here
      if (n < 0 || buffer === undefined) return giveUp();
      received.push(Buffer.from(buffer, b.state[b.kArrayBufferOffset] ?? 0, n));
      onAnswerBytes();
    };
    if (handle.writeUtf8String(write, JSON.stringify(request) + '\n') < 0 || handle.readStart() < 0) giveUp();
  };

  const connect = new b.PipeConnectWrap();
  connect.oncomplete = (status) => {
    if (settled) return;
    if (status < 0) return giveUp();
    // a terminal or another device on stdin: the hook reads it the way it always does
    const reading = readFd0();
    if (reading === undefined) return giveUp();
    input = reading;
    reading.then((text) => {
      if (!settled) send(text);
    }, giveUp);
  };
  try {
    if (handle.connect(connect, socketPath) < 0) {
      handle.close();
      return false;
    }
  } catch {
    return false;
  }
  armTimer();
  return true;
}

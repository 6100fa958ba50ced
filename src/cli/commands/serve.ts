/**
 * `agent-guard serve [--idle-minutes N]` — runs the judge service for this user until it has had no call for N
 * minutes (default 30): hooks started while it runs hand their call to it instead of loading the judge themselves,
 * and answer exactly as they would have (see src/cli/service/). Without it, every hook judges by itself.
 */
import { runtimeDir } from '../bridge/runtimeDir';
import { writeStderr } from '../output';
import { serviceSocketPath } from '../service/protocol';
import { startService } from '../service/server';

const DEFAULT_IDLE_MINUTES = 30;

export async function run(argv: readonly string[]): Promise<number> {
  let idleMinutes = DEFAULT_IDLE_MINUTES;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--idle-minutes') {
      const n = Number(argv[++i]);
      if (!Number.isFinite(n) || n <= 0) {
        writeStderr('agent-guard serve: --idle-minutes needs a positive number\n');
        return 3;
      }
      idleMinutes = n;
    } else {
      writeStderr(`usage: agent-guard serve [--idle-minutes N]\nunknown option ${a ?? ''}\n`);
      return 3;
    }
  }
  if (process.platform === 'win32') {
    // the service listens on a Unix socket in the runtime folder; Windows hooks judge by themselves
    writeStderr('agent-guard serve: not available on Windows; hooks judge by themselves there\n');
    return 1;
  }
  // the hooks of this build look for the service of this build (its name is fixed when the CLI is built)
  const socketPath = serviceSocketPath(runtimeDir(process.env));
  try {
    const service = await startService({ socketPath, idleMs: idleMinutes * 60_000, log: (line) => writeStderr(line + '\n') });
    writeStderr(`agent-guard serve: judging hooks on ${service.socketPath} (stops after ${idleMinutes} min without a call)\n`);
    const stopOnSignal = (): void => service.stop();
    process.once('SIGINT', stopOnSignal);
    process.once('SIGTERM', stopOnSignal);
    await service.stopped;
    return 0;
  } catch (e) {
    writeStderr(`agent-guard serve: ${(e as Error).message}\n`);
    return 1;
  }
}

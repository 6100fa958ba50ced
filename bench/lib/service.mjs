// Starts the judge service (`agent-guard serve`) for the bench's hook rows "through the service".
import { spawn } from 'node:child_process';

/** Resolves once the service says it listens; `stop()` ends it and resolves once it has exited. Rejects if it exits first. */
export function startJudgeService(cli, env, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'serve', '--idle-minutes', '10'], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let said = '';
    child.stderr.setEncoding('utf8').on('data', (d) => {
      said += d;
      const m = /judging hooks on (\S+)/.exec(said);
      if (m) {
        resolve({
          socket: m[1],
          // it writes its code cache as it exits: wait, so its folder can be removed
          stop: () => new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
        });
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`agent-guard serve exited (${code}): ${said.trim()}`)));
  });
}

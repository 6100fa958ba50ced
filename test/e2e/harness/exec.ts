/**
 * Runs a setup command to completion, appending its output to a log file instead of the terminal: installs are
 * noisy, and when one fails the tail of that log is what a person needs, so the error carries it.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

export interface ExecOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** File the command's stdout and stderr are appended to. */
  readonly log: string;
  /** Treat a non-zero exit as success (the caller checks the result some other way). */
  readonly allowFailure?: boolean;
}

export async function exec(command: string, args: readonly string[], options: ExecOptions): Promise<number> {
  fs.appendFileSync(options.log, `\n$ (cd ${options.cwd ?? process.cwd()}) ${command} ${args.join(' ')}\n`);
  const out = fs.openSync(options.log, 'a');
  try {
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(command, args, {
        cwd: options.cwd,
        env: options.env ?? process.env,
        stdio: ['ignore', out, out],
      });
      child.on('error', reject);
      child.on('exit', (status, signal) => resolve(status ?? (signal ? 128 : 1)));
    });
    if (code !== 0 && !options.allowFailure) {
      throw new Error(`${command} ${args.join(' ')} failed with exit code ${code}; last lines of ${options.log}:\n${tail(options.log, 25)}`);
    }
    return code;
  } finally {
    fs.closeSync(out);
  }
}

export function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** True when `name` resolves on PATH. */
export function onPath(name: string): boolean {
  const dirs = (process.env.PATH ?? '').split(':').filter(Boolean);
  return dirs.some((dir) => {
    try {
      fs.accessSync(`${dir}/${name}`, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

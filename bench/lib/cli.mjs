// CLI wall time: fresh processes, as an agent's hook pays them, against a bare `node -e 0` in the same run.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median, summarize } from './stats.mjs';

const REPORT_CPU = fileURLToPath(new URL('./report-cpu.cjs', import.meta.url));

/**
 * @param {{name: string, args: string[], input?: string, okStatus?: number[], env?: NodeJS.ProcessEnv}[]} jobs run in turn, `runs` times
 * Returns per job: median/p90 wall ms, median CPU ms, exit statuses seen, first stdout (for a sanity check), errors.
 */
export function wallTimes(jobs, { runs, cwd, env = process.env, timeoutMs = 15_000 }) {
  const samples = jobs.map(() => []);
  const cpu = jobs.map(() => []);
  const statuses = jobs.map(() => new Map());
  const firstOut = jobs.map(() => undefined);
  const errors = jobs.map(() => []);
  const spawn = (job) => spawnSync(process.execPath, ['--require', REPORT_CPU, ...job.args], {
    cwd, env: job.env ?? env, input: job.input ?? '', encoding: 'utf8', timeout: timeoutMs, stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
  });
  // one untimed run each: the CLI writes its code cache on a first run (as it does once per build for a user)
  for (const job of jobs) spawn(job);
  for (let i = 0; i < runs; i++) {
    jobs.forEach((job, j) => {
      const t = process.hrtime.bigint();
      const r = spawn(job);
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      samples[j].push(ms);
      const cpuMs = Number(r.output?.[3]);
      if (Number.isFinite(cpuMs) && cpuMs > 0) cpu[j].push(cpuMs);
      const key = r.error ? `error:${r.error.code ?? r.error.message}` : r.signal ? `signal:${r.signal}` : String(r.status);
      statuses[j].set(key, (statuses[j].get(key) ?? 0) + 1);
      if (firstOut[j] === undefined) firstOut[j] = { stdout: r.stdout, stderr: r.stderr };
      const ok = job.okStatus ?? [0];
      if (r.error || r.signal || !ok.includes(r.status)) errors[j].push(key + (r.stderr ? `: ${r.stderr.slice(0, 300)}` : ''));
    });
  }
  return jobs.map((job, j) => ({
    name: job.name,
    args: job.args,
    medianMs: median(samples[j]),
    cpuMedianMs: cpu[j].length ? median(cpu[j]) : NaN,
    stats: summarize(samples[j]),
    statuses: Object.fromEntries(statuses[j]),
    firstOut: firstOut[j],
    errors: [...new Set(errors[j])],
  }));
}

export function readPayload(file) {
  return readFileSync(file, 'utf8');
}

/**
 * Variables that make every Node process do extra start-up work of its own. NODE_EXTRA_CA_CERTS (set on these
 * machines to the system's whole certificate bundle) has every Node start parse it: about 48 ms of CPU here, twice
 * what a bare `node -e 0` costs without it. Left in, it pads the bare baseline and every row alike, so the ratios
 * would hide most of the CLI's own cost; the rows run without it, and one bare row with it shows what it adds.
 */
export const START_UP_PADDING = ['NODE_EXTRA_CA_CERTS'];

/**
 * The environment the CLI rows run in: this one without the start-up padding, and with a cache folder of their own
 * (`cacheHome`) so that other builds of the CLI on the machine (other checkouts, worktrees) cannot evict this one's
 * code cache; `removed` lists the padding that was set.
 */
export function startUpEnv(cacheHome, env = process.env) {
  const clean = { ...env, XDG_CACHE_HOME: cacheHome };
  const removed = START_UP_PADDING.filter((k) => env[k] !== undefined);
  for (const k of removed) delete clean[k];
  return { env: clean, removed };
}

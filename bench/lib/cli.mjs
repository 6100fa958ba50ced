// CLI wall time: fresh processes, as an agent's hook pays them, against a bare `node -e 0` in the same run.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median, summarize } from './stats.mjs';

const REPORT_CPU = fileURLToPath(new URL('./report-cpu.cjs', import.meta.url));

/**
 * @param {{name: string, args: string[], input?: string, okStatus?: number[]}[]} jobs run in turn, `runs` times
 * Returns per job: median/p90 wall ms, median CPU ms, exit statuses seen, first stdout (for a sanity check), errors.
 */
export function wallTimes(jobs, { runs, cwd, timeoutMs = 15_000 }) {
  const samples = jobs.map(() => []);
  const cpu = jobs.map(() => []);
  const statuses = jobs.map(() => new Map());
  const firstOut = jobs.map(() => undefined);
  const errors = jobs.map(() => []);
  for (let i = 0; i < runs; i++) {
    jobs.forEach((job, j) => {
      const t = process.hrtime.bigint();
      const r = spawnSync(process.execPath, ['--require', REPORT_CPU, ...job.args], {
        cwd, input: job.input ?? '', encoding: 'utf8', timeout: timeoutMs, stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      });
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

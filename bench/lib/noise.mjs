// What in a latency tail is the machine's and the runtime's rather than the code's: the slow calls of an
// allocation-free loop as long as the mean call (the scheduler, other processes, the hardware), and the garbage
// collections that ran while calls were timed.
import { PerformanceObserver } from 'node:perf_hooks';
import { median, summarize } from './stats.mjs';

const spin = (k) => {
  let x = 0;
  for (let j = 0; j < k; j++) x = (x * 31 + j) | 0;
  return x;
};

/**
 * Times `calls` runs of a loop sized to take `meanUs` each. Interruptions arrive per unit of time, so a loop as
 * long as the calls' own mean length (the mean of per-command medians, which leaves the interruptions out) is
 * exposed to them as much as the calls were. Returns its percentiles and how many of its
 * runs took longer than `thresholdUs`.
 */
export function machineNoise(meanUs, calls, thresholdUs) {
  let sink = 0;
  const unit = 20_000;
  for (let w = 0; w < 200; w++) sink += spin(unit) & 1;
  const perUnit = [];
  for (let w = 0; w < 200; w++) {
    const t = process.hrtime.bigint();
    sink += spin(unit) & 1;
    perUnit.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  const k = Math.max(1, Math.round((unit * meanUs) / median(perUnit)));
  const s = new Float64Array(calls);
  for (let j = 0; j < calls; j++) {
    const t = process.hrtime.bigint();
    sink += spin(k) & 1;
    s[j] = Number(process.hrtime.bigint() - t) / 1000;
  }
  const over = s.filter((x) => x > thresholdUs).length;
  return { ...summarize(Array.from(s)), over, overShare: over / calls, thresholdUs, sink };
}

/** Collects garbage-collection entries (start, end in performance.now() ms, kind) until `stop()`. */
export function watchGc() {
  const entries = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) entries.push({ start: e.startTime, end: e.startTime + e.duration, kind: e.detail?.kind ?? e.kind });
  });
  obs.observe({ entryTypes: ['gc'] });
  return {
    entries,
    /** waits for the observer to deliver what is queued, then stops it */
    async stop() {
      await new Promise((res) => setTimeout(res, 50));
      obs.disconnect();
      return entries;
    },
  };
}

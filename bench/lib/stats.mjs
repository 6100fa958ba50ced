// Percentiles and medians over timing samples. Nearest-rank percentiles: no interpolation, so a reported
// p99 is a time that was actually measured.

/** @param {number[]} sorted ascending @param {number} p in [0, 100] */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** @param {number[]} values */
export function summarize(values) {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    mean: sorted.length ? sum / sorted.length : NaN,
  };
}

export function median(values) {
  return percentile(Float64Array.from(values).sort(), 50);
}

/** nanoseconds (bigint difference) to microseconds */
export function nsToUs(ns) {
  return Number(ns) / 1000;
}

#!/usr/bin/env node
// What the in-process latency tail is made of — a narrower, cheaper companion of `npm run bench` (no peer
// checker, no CLI runs unless asked). Runs the corpus through dist/core.js `createGuard().checkCommand` the way
// bench/lib/inprocess.mjs times it, and sorts every slow call into one cause:
//
//   gc      — a garbage collection (perf_hooks 'gc' entry) overlapped the call
//   slow    — the command itself is slow: its own median is above the threshold
//   first   — the call was in the first timed round (JIT still settling)
//   other   — none of the above: the scheduler, caches, timer; machine noise
//
//   node bench/tail.mjs [--rounds N] [--warmup N] [--threshold US] [--top N] [--with-peer] [--per-round] [--dump FILE]
//   (build first: npm run -s build)
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadAgentGuard, loadPeer } from './lib/checkers.mjs';
import { loadCorpus } from './lib/corpus.mjs';
import { machineNoise, watchGc } from './lib/noise.mjs';
import { summarize, median, percentile } from './lib/stats.mjs';

const require = createRequire(import.meta.url);
const v8 = require('node:v8');

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const rounds = arg('--rounds', 30);
const warmupRounds = arg('--warmup', 10); // as bench/run.mjs
const threshold = arg('--threshold', 200);
const top = arg('--top', 12);
const withPeer = process.argv.includes('--with-peer');

const commands = loadCorpus().map((r) => r.command);
const ours = await loadAgentGuard();
const peer = withPeer ? await loadPeer() : undefined;
const peerInputs = peer ? commands.map((c) => peer.prepare(c)) : [];

const gcWatch = watchGc();
const gcs = gcWatch.entries;

let sink = 0;
for (let w = 0; w < warmupRounds; w++) {
  for (const c of commands) sink += ours.call(c) ? 1 : 0;
  if (peer) for (const c of peerInputs) sink += peer.call(c) ? 1 : 0;
}

const n = commands.length;
const us = new Float64Array(n * rounds); // [round * n + i]
const startMs = new Float64Array(n * rounds);
const endMs = new Float64Array(n * rounds);
const heap0 = v8.getHeapStatistics();
const la0 = loadavg();
const t0 = performance.now();
for (let r = 0; r < rounds; r++) {
  for (let i = 0; i < n; i++) {
    const c = commands[i];
    const a = performance.now();
    const t = process.hrtime.bigint();
    const v = ours.call(c);
    const dt = process.hrtime.bigint() - t;
    const b = performance.now();
    sink += v ? 1 : 0;
    us[r * n + i] = Number(dt) / 1000;
    startMs[r * n + i] = a;
    endMs[r * n + i] = b;
  }
  if (peer) for (const c of peerInputs) sink += peer.call(c) ? 1 : 0;
}
const wallMs = performance.now() - t0;
await gcWatch.stop();
peer?.dispose?.();

// ---------------------------------------------------------------- per command
const perCmd = [];
for (let i = 0; i < n; i++) {
  const s = [];
  for (let r = 0; r < rounds; r++) s.push(us[r * n + i]);
  const sorted = Float64Array.from(s).sort();
  perCmd.push({ i, median: percentile(sorted, 50), p90: percentile(sorted, 90), max: sorted[sorted.length - 1], command: commands[i] });
}
const all = Array.from(us);
const calls = summarize(all);
const medians = summarize(perCmd.map((p) => p.median));

// ---------------------------------------------------------------- sort slow calls into causes
const gcInWindow = gcs.filter((g) => g.end >= t0);
const sortedGc = gcInWindow.sort((a, b) => a.start - b.start);
function overlapsGc(a, b) {
  // linear enough: binary search for the first gc ending after a
  let lo = 0, hi = sortedGc.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (sortedGc[m].end < a) lo = m + 1; else hi = m; }
  return lo < sortedGc.length && sortedGc[lo].start <= b;
}
const causes = { gc: 0, slow: 0, first: 0, other: 0 };
const causeUs = { gc: 0, slow: 0, first: 0, other: 0 };
let gcCalls = 0;
for (let k = 0; k < all.length; k++) {
  const i = k % n;
  const r = Math.floor(k / n);
  const gcHit = overlapsGc(startMs[k], endMs[k]);
  if (gcHit) gcCalls++;
  if (all[k] <= threshold) continue;
  const cause = gcHit ? 'gc' : perCmd[i].median > threshold ? 'slow' : r === 0 ? 'first' : 'other';
  causes[cause]++;
  causeUs[cause] += all[k];
}
const slowTotal = causes.gc + causes.slow + causes.first + causes.other;
// the p99 with each cause's samples replaced by the command's own median: how much that cause moves the tail
function p99Without(cause) {
  const copy = Float64Array.from(all);
  for (let k = 0; k < copy.length; k++) {
    if (copy[k] <= threshold) continue;
    const i = k % n;
    const r = Math.floor(k / n);
    const c = overlapsGc(startMs[k], endMs[k]) ? 'gc' : perCmd[i].median > threshold ? 'slow' : r === 0 ? 'first' : 'other';
    if (c === cause) copy[k] = perCmd[i].median;
  }
  return percentile(copy.sort(), 99);
}
const gcDur = gcInWindow.reduce((s, g) => s + (g.end - g.start), 0);
const byKind = {};
for (const g of gcInWindow) byKind[g.kind] = (byKind[g.kind] ?? 0) + 1;
const heap1 = v8.getHeapStatistics();

/** Bytes each command allocates in new space (one untimed pass; -1 when a scavenge ran in between). */
function allocationPerCommand() {
  const newSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_used_size;
  const baseline = [];
  for (let k = 0; k < 50; k++) { const a = newSpace(); const b = newSpace(); if (b >= a) baseline.push(b - a); }
  const base = median(baseline);
  return commands.map((c) => {
    for (let tries = 0; tries < 3; tries++) {
      const a = newSpace();
      sink += ours.call(c) ? 1 : 0;
      const b = newSpace();
      if (b >= a) return b - a - base;
    }
    return -1;
  });
}

const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : String(x));
console.log(`load average ${la0.map((x) => f(x, 2)).join(' ')} → ${loadavg().map((x) => f(x, 2)).join(' ')} · node ${process.version}`);
console.log(`${n} commands × ${rounds} rounds (+${warmupRounds} warm-up)${peer ? ', interleaved with cc-safety-net' : ''} in ${f(wallMs / 1000, 2)} s`);
console.log(`all calls:            p50 ${f(calls.p50)}  p90 ${f(calls.p90)}  p99 ${f(calls.p99)}  max ${f(calls.max)}  mean ${f(calls.mean)} µs`);
console.log(`per-command medians:  p50 ${f(medians.p50)}  p90 ${f(medians.p90)}  p99 ${f(medians.p99)}  max ${f(medians.max)}  mean ${f(medians.mean)} µs`);
console.log(`GC during timing: ${gcInWindow.length} (${Object.entries(byKind).map(([k, v]) => `kind ${k}: ${v}`).join(', ')}), ${f(gcDur, 1)} ms total, ` +
  `${f((gcDur / wallMs) * 100, 1)}% of wall; calls overlapping a GC: ${gcCalls} (${f((gcCalls / all.length) * 100, 2)}%)`);
const alloc = allocationPerCommand();
const allocSum = summarize(alloc.filter((x) => x >= 0));
console.log(`heap used ${f(heap0.used_heap_size / 2 ** 20)} → ${f(heap1.used_heap_size / 2 ** 20)} MiB; young-generation bytes allocated per call: ` +
  `median ${f(allocSum.p50 / 1024)} KiB, mean ${f(allocSum.mean / 1024)} KiB, p99 ${f(allocSum.p99 / 1024)} KiB, max ${f(allocSum.max / 1024)} KiB`);
console.log(`calls > ${threshold} µs: ${slowTotal} (${f((slowTotal / all.length) * 100, 2)}%) — ` +
  Object.entries(causes).map(([k, v]) => `${k} ${v} (${f(slowTotal ? (v / slowTotal) * 100 : 0, 0)}%)`).join(', '));
console.log(`p99 of all calls with that cause's slow calls replaced by the command's median: ` +
  Object.keys(causes).map((c) => `${c} → ${f(p99Without(c))}`).join(', ') + ' µs');
{
  // slow calls per round: a JIT still settling shows as early rounds slower than the rest
  const perRound = [];
  for (let r = 0; r < rounds; r++) { let c = 0; for (let i = 0; i < n; i++) if (us[r * n + i] > threshold) c++; perRound.push(c); }
  const later = perRound.slice(5);
  // and by position in the round: right after the peer's round (with --with-peer) caches are cold
  const byPos = [0, 0, 0, 0];
  for (let r = 0; r < rounds; r++) for (let i = 0; i < n; i++) if (us[r * n + i] > threshold) byPos[i < 1 ? 0 : i < 5 ? 1 : i < 20 ? 2 : 3]++;
  console.log(`calls > ${threshold} µs by position in the round: 1st ${byPos[0]}/${rounds}, 2nd–5th ${byPos[1]}/${4 * rounds}, 6th–20th ${byPos[2]}/${15 * rounds}, rest ${byPos[3]}/${(n - 20) * rounds}`);
  if (process.argv.includes('--per-round')) console.log(`calls > ${threshold} µs in each round: ${perRound.join(' ')}`);
  console.log(`calls > ${threshold} µs per round: first five ${perRound.slice(0, 5).join(' ')}; later rounds median ${median(later)}, max ${Math.max(...later)}`);
}
console.log(`\nslowest ${top} commands by median (µs: median p90 max):`);
for (const p of [...perCmd].sort((a, b) => b.median - a.median).slice(0, top)) {
  console.log(`  ${f(p.median).padStart(7)} ${f(p.p90).padStart(7)} ${f(p.max).padStart(8)}  ${JSON.stringify(p.command.slice(0, 90))}`);
}
// the machine's own noise: an allocation-free loop as long as a typical call, as many times
{
  // sized by the mean of per-command medians: a call's own length, without the interruptions it suffered
  const noise = machineNoise(medians.mean, all.length, threshold);
  console.log(`\nmachine noise (allocation-free loop as long as the mean per-command median, ${all.length} runs): p50 ${f(noise.p50)} p99 ${f(noise.p99)} max ${f(noise.max)} µs; ` +
    `runs > ${threshold} µs: ${noise.over} (${f(noise.overShare * 100, 2)}%)`);
  sink += noise.sink;
}

const dumpAt = process.argv.indexOf('--dump');
if (dumpAt >= 0) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(process.argv[dumpAt + 1], JSON.stringify({ n, rounds, commands, us: Array.from(us), startMs: Array.from(startMs), endMs: Array.from(endMs), gcs: sortedGc }));
}
console.log(`\n(sink ${sink})`);

// In-process latency: every call timed on its own with process.hrtime.bigint, rounds interleaved across
// checkers so that machine drift (other processes, thermal) hits all of them alike.
import { nsToUs, summarize, median } from './stats.mjs';

/**
 * @param {{id: string, call: (c: string) => unknown, prepare?: (c: string) => string}[]} checkers
 * @param {string[]} commands
 */
export function timeCheckers(checkers, commands, { rounds, warmupRounds }) {
  const inputs = checkers.map((c) => commands.map((cmd) => (c.prepare ? c.prepare(cmd) : cmd)));
  let sink = 0; // keeps results observable so nothing is optimised away
  for (let w = 0; w < warmupRounds; w++) {
    checkers.forEach((c, ci) => { for (const cmd of inputs[ci]) sink += c.call(cmd) ? 1 : 0; });
  }
  const samples = checkers.map(() => commands.map(() => new Float64Array(rounds)));
  // CPU time this process spent per round (user + system, µs): unlike wall time it does not grow when the
  // scheduler runs someone else in the middle of a call, so mean CPU ≪ mean wall means the machine was busy
  const cpuUs = checkers.map(() => 0);
  for (let r = 0; r < rounds; r++) {
    for (let ci = 0; ci < checkers.length; ci++) {
      const call = checkers[ci].call;
      const input = inputs[ci];
      const out = samples[ci];
      const cpu0 = process.cpuUsage();
      for (let i = 0; i < input.length; i++) {
        const t = process.hrtime.bigint();
        const v = call(input[i]);
        const dt = process.hrtime.bigint() - t;
        out[i][r] = nsToUs(dt);
        sink += v ? 1 : 0;
      }
      const cpu = process.cpuUsage(cpu0);
      cpuUs[ci] += cpu.user + cpu.system;
    }
  }
  const result = {};
  checkers.forEach((c, ci) => {
    const all = [];
    const perCommand = [];
    samples[ci].forEach((s) => { for (const v of s) all.push(v); perCommand.push(median(Array.from(s))); });
    const slowest = perCommand
      .map((us, i) => ({ us, command: commands[i] }))
      .sort((a, b) => b.us - a.us)
      .slice(0, 5);
    result[c.id] = { calls: summarize(all), perCommandMedian: summarize(perCommand), cpuMeanUs: cpuUs[ci] / all.length, perCommand, slowest };
  });
  return { result, sink };
}

/** What one hrtime.bigint pair costs on this machine (it is inside every sample). */
export function timerOverhead(n = 100_000) {
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    s[i] = nsToUs(process.hrtime.bigint() - t);
  }
  return summarize(Array.from(s));
}

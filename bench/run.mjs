#!/usr/bin/env node
// `npm run bench` — a report, not a test: it prints numbers and exits 0 unless something crashed.
//
//   node bench/run.mjs [--rounds N] [--warmup N] [--cli-runs N] [--skip-cli] [--hooks DIR]
//   (--hooks: take hook payloads from DIR instead of test/fixtures/hooks/)
//
// 1. In-process latency of Agent Guard (dist/core.js) and of the peer checker cc-safety-net (library API) on
//    the same corpus in the same process, rounds interleaved: p50/p99 per call in µs and the ratio.
// 2. Agreement with the corpus expectations (allow vs flagged) for both.
// 3. CLI wall time: `node dist/cli.js check --json -- <cmd>` and `node dist/cli.js hook <agent>` (payloads from
//    test/fixtures/hooks/) against a bare `node -e 0`, interleaved.
// Writes bench/results/latest.json.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { activationLines, readActivation } from './lib/activation.mjs';
import { agreement, tagCounts } from './lib/agreement.mjs';
import { loadAgentGuard, loadPeer, WORKSPACE } from './lib/checkers.mjs';
import { readPayload, startUpEnv, wallTimes } from './lib/cli.mjs';
import { loadCorpus } from './lib/corpus.mjs';
import { hookFixtures, readOnlyFixture } from './lib/hooks.mjs';
import { startJudgeService } from './lib/service.mjs';
import { timeCheckers, timerOverhead } from './lib/inprocess.mjs';
import { machineInfo, machineLine } from './lib/machine.mjs';
import { machineNoise } from './lib/noise.mjs';
import { fmt, textTable } from './lib/table.mjs';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const ACTIVATION = fileURLToPath(new URL('../.e2e-artifacts/activation.json', import.meta.url));
const FIXTURE_WORKSPACE = '/home/dev/app';
const TARGET = { p50: 25, p99: 200, cliRatio: 1.15, speedup: 10 };
/** Commands the CLI rows check: one ordinary, one dangerous (exit 0 allow, 1 confirm, 2 deny). */
const CLI_SAMPLES = [
  { name: 'check (ordinary)', command: 'git status && npm test 2>&1 | tail -20' },
  { name: 'check (dangerous)', command: 'bash -c "rm -rf ~"' },
];

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const problems = []; // crashes and broken outputs: any makes the exit status non-zero

async function main() {
  const rounds = arg('--rounds', 30);
  // ten rounds: the JIT keeps settling well past three (slow calls per round fall from ~110 in the first to a steady
  // ~10 only by the eighth to tenth on this machine, bench/tail.mjs --warmup 0 --per-round); the cold cost is what
  // the CLI rows below measure, a fresh process per check
  const warmupRounds = arg('--warmup', 10);
  const cliRuns = arg('--cli-runs', 30);
  const machine = machineInfo();
  const corpus = loadCorpus();
  const commands = corpus.map((r) => r.command);
  const flaggedExpected = corpus.filter((r) => r.expect === 'flagged').length;
  const report = { machine, corpus: { size: corpus.length, flagged: flaggedExpected, allow: corpus.length - flaggedExpected }, targets: TARGET, notes: [] };

  console.log(`Agent Guard bench · ${machineLine(machine)}`);
  console.log(`corpus: ${corpus.length} commands (${corpus.length - flaggedExpected} ordinary, ${flaggedExpected} dangerous) · workspace ${WORKSPACE} = cwd\n`);

  // ------------------------------------------------------------ load both checkers
  const checkers = [];
  try {
    checkers.push(await loadAgentGuard());
  } catch (e) {
    problems.push(`agent-guard could not be loaded: ${e.message}`);
  }
  try {
    checkers.push(await loadPeer());
  } catch (e) {
    problems.push(`cc-safety-net could not be loaded: ${e.message}`);
  }
  report.checkers = checkers.map((c) => ({ id: c.id, label: c.label, version: c.version }));

  // ------------------------------------------------------------ verdicts and agreement (untimed)
  report.agreement = {};
  const verdicts = {};
  for (const c of checkers) {
    const flagged = [];
    const detail = [];
    let threw = 0;
    for (const cmd of commands) {
      try {
        const v = c.call(c.prepare ? c.prepare(cmd) : cmd);
        flagged.push(c.flagged(v));
        detail.push(c.describe(v));
      } catch (e) {
        threw++;
        flagged.push(true);
        detail.push(`threw: ${e.message}`);
      }
    }
    if (threw) problems.push(`${c.id} threw on ${threw} corpus commands`);
    verdicts[c.id] = detail;
    const a = agreement(corpus, flagged);
    report.agreement[c.id] = {
      ...a,
      threw,
      missed: a.missed.map((r) => ({ command: r.command, tags: r.tags, got: detail[commands.indexOf(r.command)] })),
      falseAlarms: a.falseAlarms.map((r) => ({ command: r.command, tags: r.tags, got: detail[commands.indexOf(r.command)] })),
      missedByTag: tagCounts(a.missed),
      falseAlarmsByTag: tagCounts(a.falseAlarms),
    };
  }

  // ------------------------------------------------------------ in-process latency
  const timer = timerOverhead();
  report.timerOverheadUs = timer;
  const timed = checkers.filter((c) => !report.agreement[c.id]?.threw);
  let latency = {};
  if (timed.length) {
    process.stderr.write(`timing ${timed.map((c) => c.id).join(' and ')}: ${warmupRounds} warm-up + ${rounds} rounds × ${commands.length} commands…\n`);
    latency = timeCheckers(timed, commands, { rounds, warmupRounds }).result;
  }
  report.inProcess = {};
  for (const [id, l] of Object.entries(latency)) {
    report.inProcess[id] = { calls: l.calls, perCommandMedian: l.perCommandMedian, cpuMeanUs: l.cpuMeanUs, slowest: l.slowest };
  }
  // the machine's share of the tail, measured right after: not subtracted from anything, printed beside it
  const ours = latency['agent-guard'];
  // sized by the mean of per-command medians: a call's own length, without the interruptions it suffered
  if (ours) report.machineNoise = machineNoise(ours.perCommandMedian.mean, ours.calls.n, TARGET.p99);

  // ------------------------------------------------------------ CLI wall time
  report.cli = { rows: [], notes: [] };
  if (process.argv.includes('--skip-cli')) {
    report.cli.notes.push('skipped (--skip-cli)');
  } else if (!existsSync(CLI)) {
    problems.push(`${CLI} is missing (did the build run?)`);
  } else {
    const peerWs = checkers.find((c) => c.workspace)?.workspace;
    const cacheHome = mkdtempSync(join(tmpdir(), 'agent-guard-bench-cache-'));
    const cliEnv = startUpEnv(cacheHome);
    const jobs = [{ name: 'node -e 0 (bare)', args: ['-e', '0'] }];
    if (cliEnv.removed.length) {
      report.cli.notes.push(`the rows run without ${cliEnv.removed.join(', ')} (set here): it adds its own start-up work to every Node process and would pad the baseline; the last row shows a bare node with it`);
    }
    for (const s of CLI_SAMPLES) jobs.push({ name: s.name, args: [CLI, 'check', '--json', '--', s.command], okStatus: [0, 1, 2], command: s.command });
    const hooksDir = process.argv.includes('--hooks') ? process.argv[process.argv.indexOf('--hooks') + 1] : undefined;
    const hooks = hooksDir ? hookFixtures(hooksDir) : hookFixtures();
    report.cli.notes.push(...hooks.notes);
    // the judge service (`agent-guard serve`) gets a runtime folder of its own: the rows that judge by themselves
    // run where no service is
    const serviceEnv = { ...cliEnv.env, XDG_RUNTIME_DIR: join(cacheHome, 'run-service') };
    cliEnv.env.XDG_RUNTIME_DIR = join(cacheHome, 'run-alone');
    let service;
    try {
      service = await startJudgeService(CLI, serviceEnv, peerWs ?? process.cwd());
    } catch (e) {
      report.cli.notes.push(`the judge service did not start (${e.message}): its rows are skipped`);
    }
    for (const h of hooks.agents) {
      // fixtures are written for the workspace /home/dev/app (test/fixtures/hooks/README.md): point them at the scratch one
      const input = readPayload(h.file).split(FIXTURE_WORKSPACE).join(peerWs ?? FIXTURE_WORKSPACE);
      jobs.push({ name: `hook ${h.agent} (${basename(h.file)})`, args: [CLI, 'hook', h.agent], input, okStatus: [0, 1, 2], fixture: h.file });
      if (service) jobs.push({ name: `hook ${h.agent} via service (${basename(h.file)})`, args: [CLI, 'hook', h.agent], input, okStatus: [0, 1, 2], fixture: h.file, env: serviceEnv, viaService: true });
    }
    const read = hooksDir ? readOnlyFixture(hooksDir) : readOnlyFixture();
    if (read) {
      const input = readPayload(read.file).split(FIXTURE_WORKSPACE).join(peerWs ?? FIXTURE_WORKSPACE);
      jobs.push({ name: `read-only call: hook ${read.agent} (${basename(read.file)})`, args: [CLI, 'hook', read.agent], input, okStatus: [0], fixture: read.file });
    }
    process.stderr.write(`CLI: ${jobs.length} jobs × ${cliRuns} runs, interleaved…\n`);
    if (cliEnv.removed.length) jobs.push({ name: `node -e 0 (bare, with ${cliEnv.removed.join(', ')})`, args: ['-e', '0'], env: process.env });
    const rows = wallTimes(jobs, { runs: cliRuns, cwd: peerWs ?? process.cwd(), env: cliEnv.env });
    await service?.stop();
    rmSync(cacheHome, { recursive: true, force: true });
    const bare = rows[0].medianMs;
    for (const [i, r] of rows.entries()) {
      const job = jobs[i];
      const row = { ...r, ratio: r.medianMs / bare, cpuRatio: r.cpuMedianMs / rows[0].cpuMedianMs, fixture: job.fixture, command: job.command, viaService: job.viaService === true };
      if (job.command !== undefined && r.errors.length === 0) {
        try {
          const out = JSON.parse(r.firstOut.stdout);
          if (!['allow', 'confirm', 'deny'].includes(out.decision)) throw new Error('no decision field');
          row.decision = out.decision;
        } catch (e) {
          r.errors.push(`--json output is not a verdict: ${e.message}: ${r.firstOut.stdout.slice(0, 200)}`);
        }
      }
      if (job.fixture !== undefined) row.answer = r.firstOut.stdout.trim().slice(0, 300);
      if (r.errors.length) problems.push(`${r.name}: ${r.errors[0]}`);
      report.cli.rows.push(row);
    }
  }

  // ------------------------------------------------------------ print
  const ag = latency['agent-guard'];
  const peer = latency['cc-safety-net'];
  const ratio = (a, b) => (a && b ? b / a : NaN);
  console.log('In-process latency per command, µs (every call timed separately; hrtime pair costs ' + fmt(timer.p50, 2) + ' µs, included)');
  const lRows = [];
  const row = (label, key, stat) => [label, ag ? fmt(ag[key][stat], 1) : '–', peer ? fmt(peer[key][stat], 1) : '–', fmt(ratio(ag?.[key][stat], peer?.[key][stat]), 1) + '×'];
  lRows.push(row('p50 of all calls', 'calls', 'p50'));
  lRows.push(row('p90 of all calls', 'calls', 'p90'));
  lRows.push(row('p99 of all calls', 'calls', 'p99'));
  lRows.push(row('mean of all calls', 'calls', 'mean'));
  lRows.push(row('max of all calls', 'calls', 'max'));
  lRows.push(row('p50 of per-command medians', 'perCommandMedian', 'p50'));
  lRows.push(row('p99 of per-command medians', 'perCommandMedian', 'p99'));
  lRows.push(['mean CPU time per call', ag ? fmt(ag.cpuMeanUs, 1) : '–', peer ? fmt(peer.cpuMeanUs, 1) : '–', fmt(ratio(ag?.cpuMeanUs, peer?.cpuMeanUs), 1) + '×']);
  console.log(textTable(['', 'agent-guard', 'cc-safety-net', 'peer ÷ ours'], lRows));
  if (ag) {
    console.log(`targets: p50 ≤ ${TARGET.p50} µs → ${fmt(ag.calls.p50, 1)} µs ${ag.calls.p50 <= TARGET.p50 ? 'met' : 'NOT met'}; ` +
      `p99 ≤ ${TARGET.p99} µs → ${fmt(ag.calls.p99, 1)} µs ${ag.calls.p99 <= TARGET.p99 ? 'met' : 'NOT met'}; ` +
      `≥ ${TARGET.speedup}× faster than the peer at p50 → ${fmt(ratio(ag.calls.p50, peer?.calls.p50), 1)}×`);
    const noise = report.machineNoise;
    if (noise) {
      console.log(`machine noise: an allocation-free loop as long as agent-guard's mean per-command median (${fmt(ag.perCommandMedian.mean, 1)} µs), ${noise.n} runs: ` +
        `p99 ${fmt(noise.p99, 1)} µs, ${fmt(100 * noise.overShare, 2)}% of runs > ${TARGET.p99} µs (what the machine alone puts in the tail; see bench/tail.mjs)`);
    }
    console.log('slowest commands (median µs): ' + ag.slowest.map((s) => `${fmt(s.us, 0)} ${JSON.stringify(s.command.slice(0, 60))}`).join(' · '));
  }

  console.log(`\nAgreement with the corpus (${flaggedExpected} dangerous should be flagged, ${corpus.length - flaggedExpected} ordinary should pass)`);
  const aRows = Object.entries(report.agreement).map(([id, a]) => [
    id, a.flagged, a.tp, a.fn, a.fp, a.tn, fmt(100 * a.precision, 1) + '%', fmt(100 * a.recall, 1) + '%', fmt(100 * a.accuracy, 1) + '%',
  ]);
  console.log(textTable(['checker', 'flagged', 'caught', 'missed', 'false alarms', 'passed ok', 'precision', 'recall', 'accuracy'], aRows));
  for (const [id, a] of Object.entries(report.agreement)) {
    const tags = (list) => list.slice(0, 6).map(([t, n]) => `${t} ${n}`).join(', ');
    if (a.fn) console.log(`${id} missed by tag: ${tags(a.missedByTag)}`);
    if (a.fp) console.log(`${id} false alarms by tag: ${tags(a.falseAlarmsByTag)}`);
  }

  if (report.cli.rows.length) {
    console.log(`\nCLI wall time and CPU time, ms (fresh process each; ${cliRuns} runs each, interleaved; CPU = user + system of the process)`);
    const cRows = report.cli.rows.map((r) => [
      r.name, fmt(r.medianMs, 1), fmt(r.stats.p90, 1), fmt(r.ratio, 2) + '×', fmt(r.cpuMedianMs, 1), fmt(r.cpuRatio, 2) + '×',
      r.decision ?? Object.keys(r.statuses).map((k) => `exit ${k}`).join(' '),
    ]);
    console.log(textTable(['process', 'wall median', 'wall p90', 'wall ÷ bare', 'CPU median', 'CPU ÷ bare', 'result'], cRows));
    const check = report.cli.rows.find((r) => r.name.startsWith('check'));
    if (check) console.log(`target: check wall ≤ ${TARGET.cliRatio}× bare node → ${fmt(check.ratio, 2)}× ${check.ratio <= TARGET.cliRatio ? 'met' : 'NOT met'} (CPU ${fmt(check.cpuRatio, 2)}×)`);
    for (const [label, viaService] of [['judging by itself', false], ['through the judge service (agent-guard serve)', true]]) {
      const hooks = report.cli.rows.filter((r) => r.name.startsWith('hook ') && r.viaService === viaService);
      if (!hooks.length) continue;
      const met = hooks.filter((r) => r.ratio <= TARGET.cliRatio);
      const range = (key) => `${fmt(Math.min(...hooks.map((r) => r[key])), 2)}–${fmt(Math.max(...hooks.map((r) => r[key])), 2)}×`;
      // the service's own CPU is not in a hook's: the wall time is what the agent waits
      console.log(`target: each hook wall ≤ ${TARGET.cliRatio}× bare node, ${label} → ${range('ratio')} (CPU ${range('cpuRatio')}${viaService ? ' of the hook process' : ''}), met for ${met.length} of ${hooks.length}`);
    }
    const readRow = report.cli.rows.find((r) => r.name.startsWith('read-only call'));
    if (readRow) console.log(`a read-only tool call (answered without loading the core): ${fmt(readRow.ratio, 2)}× wall, ${fmt(readRow.cpuRatio, 2)}× CPU`);
  }
  for (const n of report.cli.notes) console.log(`note: ${n}`);

  console.log('');
  for (const line of activationLines(ACTIVATION)) console.log(line);
  report.activation = readActivation(ACTIVATION).report ?? null;

  for (const c of checkers) c.dispose?.();
  report.loadavgAtEnd = (await import('node:os')).loadavg();
  report.problems = problems;
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(RESULTS + 'latest.json', JSON.stringify(report, null, 2) + '\n');
  console.log(`\nwrote ${RESULTS}latest.json`);
  if (problems.length) {
    console.error('\nproblems:\n' + problems.map((p) => `  - ${p}`).join('\n'));
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (e) {
  console.error(e);
  process.exit(1);
}

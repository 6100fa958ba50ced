#!/usr/bin/env node
// Shell parser comparison for ARCHITECTURE.md / docs/parser-comparison.md.
//
//   node bench/parsers.mjs [--rounds N] [--seconds S] [--cold N] [--markdown]
//
// For each candidate (tree-sitter-bash via web-tree-sitter, unbash, sh-syntax, the project's own parse.ts):
//   cold start   fresh `node` processes: time from just before import to the first parse done (incl. wasm load)
//   warm         per-command latency over the corpus, parse alone and parse + listing every command name
//   size         what would ship: minified JS bundle (+ gzip) and wasm files
//   correctness  corpus commands accepted (every one is valid bash), tricky constructs parsed and exposed
// Writes bench/results/parsers.json. A parser that cannot be loaded gets a row saying why.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from './lib/corpus.mjs';
import { machineInfo, machineLine } from './lib/machine.mjs';
import { median, nsToUs, summarize } from './lib/stats.mjs';
import { fmt, markdownTable, textTable } from './lib/table.mjs';
import { TRICKY } from './lib/tricky.mjs';
import * as treeSitter from './lib/parsers/tree-sitter.mjs';
import * as unbash from './lib/parsers/unbash.mjs';
import * as shSyntax from './lib/parsers/sh-syntax.mjs';
import * as own from './lib/parsers/own.mjs';

const ADAPTERS = [own, treeSitter, unbash, shSyntax];
const COLD_CHILD = fileURLToPath(new URL('./lib/cold-child.mjs', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
const COLD_SAMPLE = 'git status && npm test 2>&1 | tail -20';

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

// ---------------------------------------------------------------- cold start
function coldStart(id, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const child = spawnSync(process.execPath, [COLD_CHILD, id, COLD_SAMPLE], { encoding: 'utf8' });
    const wall = nsToUs(process.hrtime.bigint() - t) / 1000;
    if (child.status !== 0) throw new Error(`cold start of ${id} failed: ${child.stderr}`);
    samples.push({ ...JSON.parse(child.stdout), wall });
  }
  const pick = (k) => median(samples.map((s) => s[k]));
  return { runs, boot: pick('boot'), init: pick('init'), firstParse: pick('firstParse'), total: pick('total'), wall: pick('wall'), cpu: pick('cpu') };
}

// ---------------------------------------------------------------- size
async function shippedSize(adapter) {
  const esbuild = await import('esbuild');
  const { js, wasm } = adapter.files();
  let jsBytes = 0;
  let jsGzip = 0;
  const notes = [];
  for (const entry of js) {
    try {
      const out = await esbuild.build({
        stdin: { contents: `export * from ${JSON.stringify(entry)};`, resolveDir: process.cwd(), loader: 'js' },
        bundle: true, minify: true, write: false, platform: 'node', format: 'esm', logLevel: 'silent',
      });
      const bytes = out.outputFiles[0].contents;
      jsBytes += bytes.length;
      jsGzip += gzipSync(bytes).length;
    } catch (e) {
      notes.push(`bundle failed (${String(e.message).split('\n')[0]}); counted the entry file`);
      const bytes = readFileSync(entry);
      jsBytes += bytes.length;
      jsGzip += gzipSync(bytes).length;
    }
  }
  let wasmBytes = 0;
  let wasmGzip = 0;
  for (const f of wasm) {
    wasmBytes += statSync(f).size;
    wasmGzip += gzipSync(readFileSync(f)).length;
  }
  return { jsBytes, jsGzip, wasmBytes, wasmGzip, notes };
}

// ---------------------------------------------------------------- warm latency
/** One timed pass over the corpus; pushes one sample (µs) per command into `into`. */
async function timedPass(p, commands, withNames, into) {
  for (const c of commands) {
    const t = process.hrtime.bigint();
    const r = p.async ? await p.parse(c) : p.parse(c);
    if (withNames && r.tree) p.names(r.tree);
    if (r.tree) p.free(r.tree);
    into.push(nsToUs(process.hrtime.bigint() - t));
  }
}

async function warmLatency(loaded, commands, rounds, seconds) {
  const results = new Map();
  for (const { adapter } of loaded) results.set(adapter.id, { parse: [], names: [], rounds: 0, started: 0, spent: 0 });
  // warm-up: two untimed passes each (JIT, wasm tier-up, lazy paths)
  for (const { p } of loaded) {
    for (let i = 0; i < 2; i++) for (const c of commands) { const r = p.async ? await p.parse(c) : p.parse(c); if (r.tree) { if (p.names) p.names(r.tree); p.free(r.tree); } }
  }
  // rounds interleaved across parsers so that machine drift hits all alike; each has a time budget
  for (let round = 0; round < rounds; round++) {
    let any = false;
    for (const { adapter, p } of loaded) {
      const r = results.get(adapter.id);
      if (r.rounds >= 1 && r.spent > seconds * 1000) continue;
      any = true;
      const t = performance.now();
      await timedPass(p, commands, false, r.parse);
      if (p.names) await timedPass(p, commands, true, r.names);
      r.spent += performance.now() - t;
      r.rounds++;
    }
    if (!any) break;
  }
  const out = {};
  for (const [id, r] of results) {
    out[id] = { rounds: r.rounds, parse: summarize(r.parse), names: r.names.length ? summarize(r.names) : undefined };
  }
  return out;
}

// ---------------------------------------------------------------- correctness
async function corpusAcceptance(p, commands) {
  const rejected = [];
  for (const c of commands) {
    const r = await p.parse(c);
    if (r.tree) p.free(r.tree);
    if (!r.ok) rejected.push({ command: c, error: r.error });
  }
  return { accepted: commands.length - rejected.length, total: commands.length, rejected };
}

async function trickyConstructs(p) {
  const rows = [];
  for (const t of TRICKY) {
    const r = await p.parse(t.text);
    const found = p.names && r.tree ? [...new Set(p.names(r.tree))].sort() : undefined;
    if (r.tree) p.free(r.tree);
    let verdict;
    if (t.valid === false) verdict = r.ok ? 'accepted invalid input' : 'ok';
    else if (!r.ok) verdict = 'parse error';
    else if (!found) verdict = 'parsed; commands not exposed';
    else if (sameSet(found, t.names)) verdict = 'ok';
    else if (t.alsoOk?.some((alt) => sameSet(found, alt))) verdict = 'ok*';
    else verdict = `commands ${JSON.stringify(found)}`;
    rows.push({ name: t.name, verdict, error: r.ok ? undefined : r.error, found });
  }
  return rows;
}

function sameSet(a, b) {
  const sb = [...new Set(b)].sort();
  return a.length === sb.length && a.every((x, i) => x === sb[i]);
}

// ---------------------------------------------------------------- main
async function main() {
  const rounds = arg('--rounds', 20);
  const seconds = arg('--seconds', 20);
  const coldRuns = arg('--cold', 10);
  const markdown = process.argv.includes('--markdown');
  const machine = machineInfo();
  const corpus = loadCorpus();
  const commands = corpus.map((r) => r.command);
  console.log(`Parser comparison · ${machineLine(machine)}`);
  console.log(`corpus: ${commands.length} commands · warm: up to ${rounds} rounds or ${seconds}s per parser · cold: ${coldRuns} fresh processes each\n`);

  const ownBuild = await own.build();
  await unbash.build();
  const usable = [];
  const missing = [];
  for (const adapter of ADAPTERS) {
    if (adapter === own && !ownBuild.ok) { missing.push({ adapter, reason: ownBuild.reason }); continue; }
    try {
      usable.push({ adapter, p: await adapter.load() });
    } catch (e) {
      missing.push({ adapter, reason: String(e?.message ?? e) });
    }
  }

  const report = { machine, corpusSize: commands.length, sample: COLD_SAMPLE, parsers: {}, missing: missing.map((m) => ({ id: m.adapter.id, reason: m.reason })) };
  const bootOnly = coldStart('none', coldRuns);
  report.nodeBoot = bootOnly;
  for (const { adapter, p } of usable) {
    process.stderr.write(`  ${adapter.id}: cold start, size, correctness…\n`);
    report.parsers[adapter.id] = {
      label: adapter.label,
      version: adapter.version(),
      cold: coldStart(adapter.id, coldRuns),
      size: await shippedSize(adapter),
      corpus: await corpusAcceptance(p, commands),
      tricky: await trickyConstructs(p),
    };
  }
  process.stderr.write('  warm latency…\n');
  const warm = await warmLatency(usable, commands, rounds, seconds);
  for (const { adapter } of usable) report.parsers[adapter.id].warm = warm[adapter.id];

  // ------------------------------------------------------------ print
  const ids = usable.map((u) => u.adapter.id);
  const header = ['parser', 'cold init+1st parse ms', 'fresh process wall ms', 'CPU ms to 1st parse', 'warm p50 µs', 'warm p99 µs', '+names p50 µs', '+names p99 µs', 'rounds', 'JS min KB (gz)', 'wasm KB (gz)', 'corpus parsed', 'tricky ok'];
  const rows = ids.map((id) => {
    const r = report.parsers[id];
    const trickyOk = r.tricky.filter((t) => t.verdict.startsWith('ok')).length;
    return [
      r.label,
      fmt(r.cold.init + r.cold.firstParse, 1),
      fmt(r.cold.wall, 0),
      fmt(r.cold.cpu, 0),
      fmt(r.warm.parse.p50, 1), fmt(r.warm.parse.p99, 1),
      r.warm.names ? fmt(r.warm.names.p50, 1) : 'n/a', r.warm.names ? fmt(r.warm.names.p99, 1) : 'n/a',
      r.warm.rounds,
      `${fmt(r.size.jsBytes / 1024, 0)} (${fmt(r.size.jsGzip / 1024, 0)})`,
      r.size.wasmBytes ? `${fmt(r.size.wasmBytes / 1024, 0)} (${fmt(r.size.wasmGzip / 1024, 0)})` : '0',
      `${r.corpus.accepted}/${r.corpus.total}`,
      `${trickyOk}/${r.tricky.length}`,
    ];
  });
  for (const m of missing) rows.push([m.adapter.label, `not measured: ${m.reason}`, ...header.slice(2).map(() => '')]);
  const table = markdown ? markdownTable : textTable;
  console.log(table(header, rows));
  console.log(`\nbare node process: boot to first line ${fmt(bootOnly.boot, 1)} ms, CPU ${fmt(bootOnly.cpu, 0)} ms, wall ${fmt(bootOnly.wall, 1)} ms (median of ${coldRuns})`);

  const tHeader = ['construct', ...ids];
  const tRows = TRICKY.map((t, i) => [t.name, ...ids.map((id) => report.parsers[id].tricky[i].verdict)]);
  console.log('\nTricky constructs (ok = parsed without error and exposed exactly the expected commands; ok* = an acceptable\nalternative reading, see bench/lib/tricky.mjs; invalid input: ok = rejected)\n');
  console.log(table(tHeader, tRows));
  for (const id of ids) {
    const rej = report.parsers[id].corpus.rejected;
    if (rej.length) console.log(`\n${id} rejected ${rej.length} corpus commands, e.g.:\n` + rej.slice(0, 5).map((r) => `  ${JSON.stringify(r.command)} → ${r.error}`).join('\n'));
  }

  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(RESULTS + 'parsers.json', JSON.stringify(report, null, 2) + '\n');
  console.log(`\nwrote ${RESULTS}parsers.json`);
}

try {
  await main();
} catch (e) {
  console.error(e);
  process.exit(1);
}

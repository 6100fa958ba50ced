// Runs in a fresh `node` process: loads one parser, parses one command, prints timings (ms) as JSON.
//   boot        process start → this module running (node start-up + this file)
//   init        import + initialisation (wasm compile/instantiate where there is wasm)
//   firstParse  the first parse of a typical command, with listing its commands where the parser can
//   cpu         CPU time (user + system, all threads) this process used up to then: less disturbed than wall
//               time by other work on the machine
const boot = performance.now();
const [id, sample] = process.argv.slice(2);
if (id === 'none') {
  const u = process.cpuUsage();
  process.stdout.write(JSON.stringify({ boot, cpu: (u.user + u.system) / 1000 }));
} else {
  const adapter = await import(`./parsers/${id}.mjs`);
  const p = await adapter.load();
  const t1 = performance.now();
  const r = await p.parse(sample);
  if (p.names && r.tree) p.names(r.tree);
  if (r.tree) p.free(r.tree);
  const t2 = performance.now();
  const u = process.cpuUsage();
  process.stdout.write(JSON.stringify({ boot, init: t1 - boot, firstParse: t2 - t1, total: t2, cpu: (u.user + u.system) / 1000 }));
}

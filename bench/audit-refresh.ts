/**
 * What one refresh of the Audit Log view costs on a 10 000-entry log: reading the whole log again (what the view
 * did before it followed the log, and still does the first time) against reading only the line just appended
 * (auditFollower.ts). Each round appends one entry through AuditLog, as a window does, then times the read.
 *
 *   npx tsx bench/audit-refresh.ts [--entries N] [--rounds N]
 */
import * as fs from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { serializeAuditEntry, type AuditEntry } from '../src/vscode/audit/auditEntry';
import { AuditLog } from '../src/vscode/audit/auditLog';
import { segmentFileName } from '../src/vscode/audit/auditSegments';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const ENTRIES = arg('--entries', 10_000);
const ROUNDS = arg('--rounds', 40);
const WARMUP = 10;

function entry(i: number, time: Date): AuditEntry {
  return {
    time: time.toISOString(), source: 'hook', agent: 'claude', tool: 'Bash',
    subject: `terraform -chdir=infra/${i} destroy -auto-approve && rm -rf build/${i}`, cwd: '/work/project',
    decision: 'deny', risk: 'critical', rules: ['iac.terraform-destroy'], outcome: 'denied', root: '/work/project', pid: 4242,
  };
}

function stats(ms: number[]): string {
  const sorted = ms.slice(WARMUP).sort((a, b) => a - b);
  const at = (q: number): string => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN).toFixed(3);
  return `median ${at(0.5)} ms, p90 ${at(0.9)} ms, min ${at(0)} ms (${sorted.length} rounds after ${WARMUP} warm-up)`;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(tmpdir(), 'agent-guard-audit-bench-'));
  try {
    const now = Date.now();
    const lines: string[] = [];
    for (let i = 0; i < ENTRIES; i++) lines.push(serializeAuditEntry(entry(i, new Date(now - (ENTRIES - i) * 1000))));
    const file = path.join(dir, segmentFileName(new Date(now)));
    fs.writeFileSync(file, lines.join(''));
    const log = new AuditLog(dir);
    const follower = log.follow();
    await follower.refresh(90);

    const full: number[] = [];
    const incremental: number[] = [];
    const unchanged: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await log.append(entry(ENTRIES + round, new Date()));
      let start = performance.now();
      const all = await log.read(90);
      full.push(performance.now() - start);
      start = performance.now();
      const followed = await follower.refresh(90);
      incremental.push(performance.now() - start);
      start = performance.now();
      await follower.refresh(90);
      unchanged.push(performance.now() - start);
      if (all.entries.length !== followed.entries.length) throw new Error(`full read ${all.entries.length} entries, follower ${followed.entries.length}`);
    }
    console.log(`audit log: ${ENTRIES} entries + ${ROUNDS} appended, ${(fs.statSync(file).size / 1e6).toFixed(2)} MB; load ${loadavg()[0]?.toFixed(2)}`);
    console.log(`full re-read after one append:   ${stats(full)}`);
    console.log(`incremental after one append:    ${stats(incremental)}`);
    console.log(`incremental, nothing appended:   ${stats(unchanged)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();

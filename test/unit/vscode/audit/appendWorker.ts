/**
 * A separate process sharing one audit log folder, as another VS Code window would: waits for the start signal
 * (so all workers run at once), then appends `count` entries through the real AuditLog, or — as `retention` —
 * keeps applying retention and reading the log while the others append. Used by auditLog.concurrency.test.ts.
 *
 *   node --import tsx appendWorker.ts <dir> <go-file> append <worker> <count>
 *   node --import tsx appendWorker.ts <dir> <go-file> retention <stop-file>
 */
import * as fs from 'node:fs';
import { AuditLog } from '../../../../src/vscode/audit/auditLog';
import { auditEntry } from './fixtures';

async function waitForFile(file: string): Promise<void> {
  while (!fs.existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 5));
}

async function main(): Promise<void> {
  const [dir, goFile, mode, a, b] = process.argv.slice(2);
  if (!dir || !goFile || !mode) throw new Error('usage: appendWorker <dir> <go-file> append|retention …');
  const log = new AuditLog(dir);
  await waitForFile(goFile);
  if (mode === 'append') {
    const worker = Number(a);
    const count = Number(b);
    const appends: Array<Promise<void>> = [];
    for (let seq = 0; seq < count; seq++) {
      // Lengths from tiny to near the line limit, so large writes overlap small ones.
      const padding = 'x'.repeat((seq * 397 + worker * 131) % 3500);
      appends.push(log.append(auditEntry({ subject: `worker-${worker}-seq-${seq} ${padding}`, time: new Date().toISOString(), pid: process.pid })));
    }
    await Promise.all(appends);
    return;
  }
  if (mode === 'retention') {
    const stopFile = a ?? '';
    let passes = 0;
    let removed = 0;
    while (!fs.existsSync(stopFile) || passes === 0) {
      removed += (await log.applyRetention(90)).length;
      await log.read(90); // must never throw, whatever it catches mid-write
      passes++;
    }
    process.stdout.write(JSON.stringify({ passes, removed }));
    return;
  }
  throw new Error(`unknown mode ${mode}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

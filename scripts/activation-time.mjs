#!/usr/bin/env node
/**
 * Activation time of Agent Guard as measured in a real extension host, from the logs of an E2E run.
 *
 *   node scripts/activation-time.mjs <vscode-logs-dir> [--extension agent-guard.agent-guard] [--out .e2e-artifacts/activation.json]
 *
 * Reads, per extension host (`exthost*` folder):
 *   - the extension's own line `Agent Guard <version> activated in X ms` (the time spent in `activate()`);
 *   - VS Code's own `ExtensionService#_doActivateExtension <id>, startup: …, activationEvent: '…'` line, whose
 *     timestamp is when the host started activating it: the gap to our line adds loading the bundle.
 * The E2E spec 20 also passes what VS Code's **Running Extensions** editor shows (VS Code's own measurement:
 * code loading + activate call), which is not in any log file, for every running extension: among them the
 * hello-world extension the E2E installs beside ours (test/e2e/fixtures/hello-world), activated by the same event.
 * Its time is the baseline: VS Code's "code loading" runs from the start of the activation to the end of
 * `require()`, and extensions activated by the same event are loaded one after another in between, so that figure
 * includes other extensions' loading and work of the extension host that no extension's package can change.
 * Writes one JSON report (see `activationReport`); the E2E suite writes it to .e2e-artifacts/activation.json.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const OWN_LINE = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}) \[info\] Agent Guard (\S+) activated in ([\d.]+) ms/;
/** The features bundle loads right after activation (see src/vscode/extension.ts); not part of VS Code's number. */
const FEATURES_LINE = /\[info\] Agent Guard features ready in ([\d.]+) ms/;

function hostLine(extensionId) {
  const id = extensionId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}) \\[info\\] ExtensionService#_doActivateExtension ${id}, startup: (true|false), activationEvent: '([^']*)'`, 'm');
}

/** Log timestamps are local time without a zone; both sides of a difference come from the same machine. */
function millis(stamp) {
  return new Date(stamp.replace(' ', 'T')).getTime();
}

export const BASELINE_DISPLAY_NAME = 'Hello World Baseline';

/** `Activation: 139ms` → 139 */
function shownMillis(text) {
  const ms = /(\d+(?:\.\d+)?)\s*ms/.exec(text ?? '')?.[1];
  return ms === undefined ? null : Number(ms);
}

/**
 * @param {{file: string, text: string}[]} logs extension host logs (remoteexthost.log / exthost.log) and the extension's own log files
 * @param {string} extensionId e.g. `agent-guard.agent-guard`
 * @param {{activation: string, detail: string, rows?: {name: string, activation: string}[]} | undefined} runningExtensions what VS Code's Running Extensions editor showed
 */
export function activationReport(logs, extensionId, runningExtensions) {
  const hosts = new Map();
  const hostOf = (file) => {
    const dir = path.dirname(file);
    const key = path.basename(dir).startsWith('exthost') ? dir : path.dirname(dir);
    if (!hosts.has(key)) hosts.set(key, { host: path.basename(key) });
    return hosts.get(key);
  };
  const hostPattern = hostLine(extensionId);
  for (const { file, text } of logs) {
    const started = hostPattern.exec(text);
    if (started) Object.assign(hostOf(file), { activationEvent: started[3], startup: started[2] === 'true', activateStartedAt: started[1] });
    for (const line of text.split('\n')) {
      const own = OWN_LINE.exec(line);
      if (own) Object.assign(hostOf(file), { version: own[2], activateMs: Number(own[3]), activatedAt: own[1] });
      const features = FEATURES_LINE.exec(line);
      if (features) Object.assign(hostOf(file), { featuresMs: Number(features[1]) });
    }
  }
  const measured = [...hosts.values()]
    .filter((h) => h.activateMs !== undefined)
    .map((h) => (h.activateStartedAt === undefined ? h : { ...h, hostStartToActivatedMs: millis(h.activatedAt) - millis(h.activateStartedAt) }))
    .sort((a, b) => a.host.localeCompare(b.host, 'en', { numeric: true }));
  const baseline = runningExtensions?.rows?.find((row) => row.name === BASELINE_DISPLAY_NAME);
  return {
    extensionId,
    measuredAt: new Date().toISOString(),
    // the first extension host is the E2E's main window, activated through its activation events
    activateMs: measured[0]?.activateMs ?? null,
    hostStartToActivatedMs: measured[0]?.hostStartToActivatedMs ?? null,
    featuresMs: measured[0]?.featuresMs ?? null,
    vscodeActivationMs: shownMillis(runningExtensions?.activation),
    // the same measurement of a hello-world extension activated by the same event in the same extension host
    baselineActivationMs: shownMillis(baseline?.activation),
    vscodeRunningExtensions: runningExtensions ?? null,
    hosts: measured,
  };
}

/** Every extension host log and the extension's own log files under a VS Code `logs` folder. */
export function collectLogs(logsDir, extensionId) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^(remote)?exthost\.log$/.test(entry.name) || path.basename(dir) === extensionId) found.push({ file: full, text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(logsDir);
  return found;
}

export function writeReport(report, outFile) {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, JSON.stringify(report, null, 2) + '\n');
  return outFile;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const index = args.indexOf(name);
    return index >= 0 && args[index + 1] ? args[index + 1] : fallback;
  };
  const logsDir = args.find((arg, i) => !arg.startsWith('--') && !(i > 0 && args[i - 1]?.startsWith('--')));
  if (!logsDir) {
    process.stderr.write('usage: node scripts/activation-time.mjs <vscode-logs-dir> [--extension <id>] [--out <file>]\n');
    process.exit(2);
  }
  const extensionId = option('--extension', 'agent-guard.agent-guard');
  const report = activationReport(collectLogs(logsDir, extensionId), extensionId, undefined);
  const out = option('--out', path.join('.e2e-artifacts', 'activation.json'));
  writeReport(report, out);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.exit(report.activateMs === null ? 1 : 0);
}

// Extension activation as measured in a real VS Code extension host by the last E2E run (spec 20 writes
// .e2e-artifacts/activation.json through scripts/activation-time.mjs). Starting VS Code is not something a bench
// run does by itself, so this reads the E2E's measurement and says how old it is.
import { existsSync, readFileSync } from 'node:fs';

export const ACTIVATION_TARGET_MS = 30;

export function readActivation(file) {
  if (!existsSync(file)) return { note: `no ${file}: run \`npm run test:e2e\` first to measure activation in a real VS Code` };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return { report };
}

export function activationLines(file) {
  const { report, note } = readActivation(file);
  if (!report) return [note];
  const ms = (v) => (typeof v === 'number' ? `${v} ms` : 'not measured');
  const vscode = report.vscodeActivationMs;
  return [
    `Extension activation in a real VS Code extension host (E2E run of ${report.measuredAt})`,
    `  VS Code's own measurement (Running Extensions: loading the bundle + activate): ${ms(vscode)}` +
      (typeof vscode === 'number' ? ` → target ≤ ${ACTIVATION_TARGET_MS} ms ${vscode <= ACTIVATION_TARGET_MS ? 'met' : 'NOT met'}` : ''),
    `  inside activate(): ${ms(report.activateMs)}; features bundle loaded right after activation: ${ms(report.featuresMs)}`,
  ];
}

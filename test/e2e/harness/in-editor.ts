/**
 * Runs the in-editor mocha suite (test/electron/suite) in code-server's real Node extension host: a second
 * workbench window opened with the development options the web workbench reads from its `payload` query
 * (extensionDevelopmentPath, extensionTestsPath). When the suite's `run()` settles, VS Code shuts that extension
 * host down and reports the exit code through `window.codeAutomationExit`, the hook @vscode/test-web also uses.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Workbench } from './workbench';

export interface InEditorResult {
  readonly exitCode: number;
  /** The window's browser console, where the extension host's output (mocha's report) is forwarded. */
  readonly console: readonly string[];
}

export async function runInEditorSuite(workbench: Workbench, suite: string, timeoutMs = 120_000): Promise<InEditorResult> {
  const folder = path.join(workbench.config.scratch, 'in-editor-workspace');
  fs.mkdirSync(folder, { recursive: true });
  const consoleLines: string[] = [];
  let settle: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => {
    settle = resolve;
  });
  const page = await workbench.openWindow(
    folder,
    consoleLines,
    [
      // The installed .vsix, not the working tree: the suite tests exactly what was packaged.
      ['extensionDevelopmentPath', workbench.remoteUri(workbench.installedExtensionPath())],
      ['extensionTestsPath', workbench.remoteUri(suite)],
    ],
    (page) => page.exposeFunction('codeAutomationExit', (code: unknown) => settle(typeof code === 'number' ? code : 1)),
  );
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<number>((resolve) => {
    timer = setTimeout(() => resolve(-1), timeoutMs);
  });
  try {
    const exitCode = await Promise.race([exited, timedOut]);
    if (exitCode === -1) consoleLines.push(`(harness) the in-editor suite did not finish within ${timeoutMs / 1000}s`);
    await workbench.screenshot('in-editor-suite-window', page).catch(() => undefined);
    workbench.config.artifacts.writeText('in-editor-suite-console.txt', consoleLines.join('\n'));
    return { exitCode, console: consoleLines };
  } finally {
    clearTimeout(timer);
    await page.close().catch(() => undefined);
  }
}

/**
 * Entry point of the in-editor suite: VS Code's extension host loads this bundle (extensionTestsPath) and calls
 * `run()`. The same bundle runs under @vscode/test-electron (`npm run test:electron`, desktop VS Code) and in the
 * code-server harness (`npm run test:e2e`, web workbench with a Node extension host).
 *
 * Mocha is bundled in, so the suite needs nothing from node_modules at run time.
 */
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 20_000 });
  // Defines describe/it on the global object before the test modules are evaluated.
  mocha.suite.emit('pre-require', globalThis, 'in-editor-suite', mocha);
  await import('./extension.test');
  await import('./protectedFiles.test');
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} in-editor test(s) failed`);
}

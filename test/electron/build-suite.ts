/**
 * Bundles the in-editor suite (with mocha) into one CommonJS file the extension host can load as
 * extensionTestsPath. `vscode` stays external: the extension host provides it.
 */
import * as esbuild from 'esbuild';
import * as path from 'node:path';

export async function buildInEditorSuite(repoRoot: string): Promise<string> {
  const outfile = path.join(repoRoot, 'dist', 'test-in-editor', 'suite.js');
  await esbuild.build({
    entryPoints: [path.join(repoRoot, 'test', 'electron', 'suite', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'error',
  });
  return outfile;
}

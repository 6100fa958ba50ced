/**
 * Bundles the in-editor suite (with mocha) into one CommonJS file the extension host can load as
 * extensionTestsPath. `vscode` stays external: the extension host provides it. Callers put it in their own scratch
 * folder, so a concurrent build in the working tree cannot swap it mid-run.
 */
import * as esbuild from 'esbuild';
import * as path from 'node:path';

export async function buildInEditorSuite(repoRoot: string, outfile: string): Promise<string> {
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

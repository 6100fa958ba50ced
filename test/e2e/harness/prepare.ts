/**
 * Builds what the E2E run puts into VS Code: the extension bundle, the .vsix a user would install (packaged with
 * @vscode/vsce, offline), the in-editor mocha suite bundle, and the .vsix of a hello-world extension
 * (test/e2e/fixtures/hello-world) installed beside it as the baseline for VS Code's activation time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildInEditorSuite } from '../../electron/build-suite';
import { exec } from './exec';

export interface PreparedExtension {
  readonly vsix: string;
  /** `publisher.name` */
  readonly extensionId: string;
  readonly inEditorSuite: string;
  /** The hello-world extension: VS Code's activation time for it is what any extension pays. */
  readonly baselineVsix: string;
}

export async function prepareExtension(repoRoot: string, outDir: string, log: string): Promise<PreparedExtension> {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; publisher: string };
  // AGENT_GUARD_E2E_SKIP_BUILD=1 packages the dist/ that is already there (for iterating on the tests only).
  if (process.env.AGENT_GUARD_E2E_SKIP_BUILD !== '1') await exec('npm', ['run', '-s', 'build'], { cwd: repoRoot, log });
  const vsix = path.join(outDir, `${manifest.name}.vsix`);
  const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
  await exec(vsce, ['package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', vsix], { cwd: repoRoot, log });
  const inEditorSuite = await buildInEditorSuite(repoRoot, path.join(outDir, 'in-editor-suite.js'));
  const baselineVsix = path.join(outDir, 'hello-world-baseline.vsix');
  await exec(vsce, ['package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', baselineVsix], {
    cwd: path.join(repoRoot, 'test', 'e2e', 'fixtures', 'hello-world'),
    log,
  });
  return { vsix, extensionId: `${manifest.publisher}.${manifest.name}`, inEditorSuite, baselineVsix };
}

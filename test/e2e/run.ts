/**
 * `npm run test:e2e`: the extension in a real VS Code (code-server 4.100.3 = VS Code 1.100.3: real server, web
 * workbench and Node extension host), driven headlessly through Debian's chromium.
 *
 * From a clean clone it installs what is missing (apt packages when root, code-server into
 * ~/.cache/agent-guard-e2e), builds and packages the extension, starts one VS Code for the suite, runs the
 * mocha specs in test/e2e/specs, lists the artifacts (.e2e-artifacts/code-server/) and always stops every process
 * it started, also on failure or Ctrl-C.
 *
 * Options: `--grep <pattern>` runs matching tests only; AGENT_GUARD_E2E_KEEP=1 keeps the scratch folder;
 * AGENT_GUARD_E2E_CACHE moves the code-server cache.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Mocha from 'mocha';
import { Artifacts } from './harness/artifacts';
import { CODE_SERVER_VERSION, ensureInstalled, VSCODE_VERSION } from './harness/install';
import { prepareExtension } from './harness/prepare';
import { onTeardown, teardownAll } from './harness/teardown';
import { configureSuite, rootHooks } from './suite';

const repoRoot = path.resolve(__dirname, '..', '..');
const started = Date.now();

function say(line: string): void {
  process.stdout.write(`e2e: ${line}\n`);
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)}s`;
}

function grepArgument(argv: readonly string[]): string | undefined {
  const index = argv.indexOf('--grep');
  return index >= 0 ? argv[index + 1] : undefined;
}

async function main(): Promise<number> {
  const artifacts = new Artifacts(path.join(repoRoot, '.e2e-artifacts', 'code-server'));
  artifacts.reset();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-guard-e2e-'));
  if (process.env.AGENT_GUARD_E2E_KEEP !== '1') onTeardown(() => fs.rmSync(scratch, { recursive: true, force: true }));
  else say(`keeping scratch folder ${scratch}`);

  const installation = await ensureInstalled(say);
  say(`setup ready in ${seconds(started)}`);

  const packagingStarted = Date.now();
  const prepared = await prepareExtension(repoRoot, scratch, path.join(scratch, 'prepare.log'));
  say(`built and packaged ${path.basename(prepared.vsix)} in ${seconds(packagingStarted)}`);

  configureSuite({
    repoRoot,
    codeServerEntry: installation.entry,
    chromium: installation.chromium,
    vsix: prepared.vsix,
    baselineVsix: prepared.baselineVsix,
    extensionId: prepared.extensionId,
    inEditorSuite: prepared.inEditorSuite,
    scratch,
    artifacts,
  });
  const grep = grepArgument(process.argv.slice(2));
  const mocha = new Mocha({ reporter: 'spec', timeout: 60_000, slow: 10_000, rootHooks, ...(grep ? { grep } : {}) });
  const specsDir = path.join(__dirname, 'specs');
  for (const file of fs.readdirSync(specsDir).filter((name) => name.endsWith('.e2e.ts')).sort()) mocha.addFile(path.join(specsDir, file));
  await mocha.loadFilesAsync();

  const suiteStarted = Date.now();
  say(`VS Code ${VSCODE_VERSION} (code-server ${CODE_SERVER_VERSION}), one instance for the suite`);
  let ran = 0;
  const failures = await new Promise<number>((resolve) => mocha.run(resolve).on('test end', () => ran++));
  say(`suite ${seconds(suiteStarted)}, whole run ${seconds(started)}`);
  if (ran === 0) {
    say(grep ? `no test matches --grep ${grep}` : 'no tests found');
    return 1;
  }

  const saved = artifacts.list();
  say(saved.length === 0 ? 'no artifacts' : `artifacts:\n${saved.map((file) => `  ${file}`).join('\n')}`);
  return failures > 0 ? 1 : 0;
}

main().then(
  (code) => {
    teardownAll();
    process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`e2e: ${error instanceof Error ? error.message : String(error)}\n`);
    teardownAll();
    process.exit(1);
  },
);

/**
 * `npm run test:electron`: the in-editor suite (test/electron/suite) under desktop VS Code (Electron), through
 * @vscode/test-electron — the standard harness, for machines that can download VS Code (a laptop, hosted CI).
 *
 * Where VS Code cannot be downloaded, it says so in one line and fails; it succeeds without running only when
 * asked to skip with AGENT_GUARD_SKIP_ELECTRON=1. The same suite also runs in `npm run test:e2e` (code-server).
 *
 * AGENT_GUARD_VSCODE_VERSION picks the version (default 1.100.3, the engines.vscode floor the E2E harness uses);
 * AGENT_GUARD_VSCODE_EXECUTABLE uses an installed VS Code instead of downloading one. On Linux without a display,
 * run it under `xvfb-run -a`.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests, SilentReporter } from '@vscode/test-electron';
import { buildInEditorSuite } from './build-suite';

const repoRoot = path.resolve(__dirname, '..', '..');
const version = process.env.AGENT_GUARD_VSCODE_VERSION ?? '1.100.3';

function say(line: string): void {
  process.stdout.write(`test:electron: ${line}\n`);
}

async function vscodeExecutable(): Promise<string | undefined> {
  const installed = process.env.AGENT_GUARD_VSCODE_EXECUTABLE;
  if (installed) return installed;
  const cachePath = path.join(process.env.AGENT_GUARD_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'agent-guard-e2e'), 'vscode-test');
  try {
    return await downloadAndUnzipVSCode({ version, cachePath, timeout: 20_000, reporter: new SilentReporter() });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    say(`NOT RUN — cannot download VS Code ${version} (${reason}); set AGENT_GUARD_SKIP_ELECTRON=1 to skip on purpose, or AGENT_GUARD_VSCODE_EXECUTABLE to use an installed VS Code.`);
    return undefined;
  }
}

async function main(): Promise<number> {
  if (process.env.AGENT_GUARD_SKIP_ELECTRON === '1') {
    say('SKIPPED on request (AGENT_GUARD_SKIP_ELECTRON=1): the in-editor suite did not run under desktop VS Code.');
    return 0;
  }
  const executable = await vscodeExecutable();
  if (!executable) return 1;

  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) return 1;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-guard-electron-'));
  try {
    const suite = await buildInEditorSuite(repoRoot, path.join(scratch, 'in-editor-suite.js'));
    const workspace = path.join(scratch, 'workspace');
    fs.mkdirSync(workspace);
    const userData = path.join(scratch, 'user-data');
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    // Custom (in-window) dialogs: the explain modal the suite opens must not become a native dialog left open.
    fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ 'window.dialogStyle': 'custom', 'security.workspace.trust.enabled': false }));
    say(`running the in-editor suite in VS Code ${version} (${executable})`);
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suite,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${userData}`],
    });
    return 0;
  } catch (error) {
    say(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

/**
 * One running VS Code for a whole E2E suite: a scratch profile with the packaged extension installed, code-server
 * serving it, chromium showing the workbench on a scratch workspace, and the logs a test may assert on.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { Artifacts, slug } from './artifacts';
import { launchBrowser, type BrowserSession } from './browser';
import { createProfile, installExtension, startCodeServer, waitFor, type RunningServer, type ScratchProfile } from './code-server';
import { waitForWorkbench } from '../vscode-dom';

export interface WorkbenchConfig {
  readonly codeServerEntry: string;
  readonly chromium: string;
  readonly vsix: string;
  /** A hello-world extension installed beside ours, the baseline for VS Code's activation time. */
  readonly baselineVsix: string;
  /** `publisher.name` from package.json. */
  readonly extensionId: string;
  /** Empty folder this session owns; removed by the caller afterwards. */
  readonly scratch: string;
  readonly artifacts: Artifacts;
}

export interface LogFile {
  readonly file: string;
  readonly text: string;
}

export class Workbench {
  /** Browser console of the main window, newest last. */
  readonly console: string[] = [];

  private constructor(
    readonly config: WorkbenchConfig,
    readonly profile: ScratchProfile,
    /** The folder open in the main window; tests may create files in it. */
    readonly workspace: string,
    readonly server: RunningServer,
    private readonly browser: BrowserSession,
    private mainPage: Page | undefined,
  ) {}

  static async start(config: WorkbenchConfig): Promise<Workbench> {
    const profile = createProfile(path.join(config.scratch, 'profile'));
    const workspace = path.join(config.scratch, 'workspace');
    fs.mkdirSync(workspace, { recursive: true });
    const serverLog = path.join(config.scratch, 'code-server.log');
    let server: RunningServer | undefined;
    let browser: BrowserSession | undefined;
    let session: Workbench | undefined;
    try {
      await installExtension(config.codeServerEntry, profile, config.vsix, serverLog);
      await installExtension(config.codeServerEntry, profile, config.baselineVsix, serverLog);
      server = await startCodeServer(config.codeServerEntry, profile, serverLog);
      browser = await launchBrowser(config.chromium);
      session = new Workbench(config, profile, workspace, server, browser, undefined);
      session.mainPage = await browser.newPage(session.console);
      await session.load(session.mainPage, workspace);
      await session.waitForActivationAttempt();
      return session;
    } catch (error) {
      if (session?.mainPage) {
        await session.saveFailure('startup').catch(() => undefined);
      } else {
        config.artifacts.copy(serverLog, 'failed-startup/code-server.log');
        config.artifacts.copy(path.join(profile.userDataDir, 'logs'), 'failed-startup/vscode-logs');
      }
      await browser?.close().catch(() => undefined);
      server?.stop();
      throw error;
    }
  }

  get page(): Page {
    if (!this.mainPage) throw new Error('the workbench window is not open');
    return this.mainPage;
  }

  /** Opens a workbench window on `folder`; `payload` carries development options such as extensionTestsPath. */
  async openWindow(folder: string, consoleLines: string[], payload?: ReadonlyArray<readonly [string, string]>, prepare?: (page: Page) => Promise<unknown>): Promise<Page> {
    const page = await this.browser.newPage(consoleLines);
    await prepare?.(page);
    await this.load(page, folder, payload);
    return page;
  }

  private async load(page: Page, folder: string, payload?: ReadonlyArray<readonly [string, string]>): Promise<void> {
    const query = new URLSearchParams({ folder });
    if (payload) query.set('payload', JSON.stringify(payload));
    await page.goto(`${this.server.url}/?${query.toString()}`);
    await waitForWorkbench(page);
  }

  /** The folder code-server installed the .vsix into (`<extensions dir>/<publisher>.<name>-<version>`). */
  installedExtensionPath(): string {
    const prefix = `${this.config.extensionId}-`.toLowerCase();
    const folder = fs.readdirSync(this.profile.extensionsDir).find((name) => name.toLowerCase().startsWith(prefix));
    if (!folder) throw new Error(`${this.config.extensionId} is not installed in ${this.profile.extensionsDir}`);
    return path.join(this.profile.extensionsDir, folder);
  }

  /** A path on the server as the workbench addresses it. */
  remoteUri(absolutePath: string): string {
    return `vscode-remote://${this.server.authority}${absolutePath}`;
  }

  /** `remoteexthost.log` of every extension host this server started, oldest first. */
  extensionHostLogs(): LogFile[] {
    return this.logFiles((dir) => (path.basename(dir).startsWith('exthost') ? [path.join(dir, 'remoteexthost.log')] : []));
  }

  /** The log files the extension itself wrote (its LogOutputChannel), across extension hosts. */
  extensionLogs(): LogFile[] {
    return this.logFiles((dir) => {
      const own = path.join(dir, this.config.extensionId);
      return fs.existsSync(own) ? fs.readdirSync(own).map((name) => path.join(own, name)) : [];
    });
  }

  private logFiles(pick: (extHostDir: string) => string[]): LogFile[] {
    const root = path.join(this.profile.userDataDir, 'logs');
    if (!fs.existsSync(root)) return [];
    const files: string[] = [];
    for (const session of fs.readdirSync(root).sort()) {
      const sessionDir = path.join(root, session);
      if (!fs.statSync(sessionDir).isDirectory()) continue;
      for (const name of fs.readdirSync(sessionDir).sort()) files.push(...pick(path.join(sessionDir, name)));
    }
    return files.filter((file) => fs.existsSync(file)).map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
  }

  /** The extension host starts only when a window connects; wait until it has tried to activate the extension. */
  private async waitForActivationAttempt(): Promise<void> {
    const marker = `ExtensionService#_doActivateExtension ${this.config.extensionId},`;
    await waitFor(() => (this.extensionHostLogs().some((log) => log.text.includes(marker)) ? true : undefined), 90_000, `the extension host to activate ${this.config.extensionId}`);
  }

  async screenshot(name: string, page: Page = this.page): Promise<string> {
    return this.config.artifacts.screenshot(page, name);
  }

  /** Saves what a person needs to understand a failed test: screenshot, browser console, all VS Code logs. */
  async saveFailure(testTitle: string): Promise<void> {
    const name = `failed-${slug(testTitle)}`;
    await this.config.artifacts.screenshot(this.page, name).catch(() => undefined);
    this.config.artifacts.writeText(`${name}/browser-console.txt`, this.console.join('\n'));
    this.config.artifacts.copy(path.join(this.profile.userDataDir, 'logs'), `${name}/vscode-logs`);
    this.config.artifacts.copy(this.server.log, `${name}/code-server.log`);
  }

  async stop(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    this.server.stop();
  }
}

/**
 * The E2E suite's shared state: one VS Code (code-server + chromium) for the whole suite, started by the root
 * `beforeAll`, stopped by the root `afterAll`, with a failed test's screenshot and logs saved by `afterEach`.
 * Specs reach it through `workbench()`.
 */
import type { RootHookObject } from 'mocha';
import { Workbench, type WorkbenchConfig } from './harness/workbench';
import { closeTransientUi } from './vscode-dom';

export interface SuiteConfig extends WorkbenchConfig {
  readonly repoRoot: string;
  /** Bundled in-editor mocha suite (test/electron/suite). */
  readonly inEditorSuite: string;
}

let config: SuiteConfig | undefined;
let session: Workbench | undefined;

export function configureSuite(value: SuiteConfig): void {
  config = value;
}

export function suiteConfig(): SuiteConfig {
  if (!config) throw new Error('the E2E suite runs through test/e2e/run.ts (npm run test:e2e)');
  return config;
}

export function workbench(): Workbench {
  if (!session) throw new Error('VS Code did not start; see the error of the "before all" hook');
  return session;
}

export const rootHooks: RootHookObject = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(180_000);
    session = await Workbench.start(suiteConfig());
    await session.screenshot('workbench-started');
  },
  async afterEach(this: Mocha.Context) {
    const test = this.currentTest;
    if (!session) return;
    if (test?.state === 'failed') await session.saveFailure(test.fullTitle());
    await closeTransientUi(session.page);
  },
  async afterAll() {
    await session?.stop();
    session = undefined;
  },
};

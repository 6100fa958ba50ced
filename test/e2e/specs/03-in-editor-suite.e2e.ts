/**
 * The in-editor mocha suite (test/electron/suite, also run by `npm run test:electron` under desktop VS Code)
 * runs here inside code-server's real Node extension host, through the `vscode` API.
 */
import * as assert from 'node:assert/strict';
import { runInEditorSuite } from '../harness/in-editor';
import { suiteConfig, workbench } from '../suite';

describe('In-editor suite in the real extension host', () => {
  it('passes (the same suite test:electron runs)', async function () {
    this.timeout(180_000);
    const result = await runInEditorSuite(workbench(), suiteConfig().inEditorSuite);
    const report = result.console.join('\n');
    assert.equal(result.exitCode, 0, `the in-editor suite failed (exit code ${result.exitCode}):\n${report}`);
    assert.match(report, /passing/, `no mocha report in the extension host output:\n${report}`);
  });
});

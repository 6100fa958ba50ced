/** How an installed hook finds Node to run the CLI inside the extension, on each kind of editor. */
import * as assert from 'node:assert/strict';
import { chooseHookRuntime, type RuntimeFacts } from '../../../src/vscode/commands/hookRuntime';

const CLI = '/home/dev/.vscode/extensions/agent-guard.agent-guard-0.1.0/dist/cli.js';
const base: RuntimeFacts = { platform: 'linux', execPath: '/usr/share/code/code', electronVersion: '34.5.1', nodeOnPath: undefined, cli: CLI };

describe('hook runtime', () => {
  const cases: Array<{ name: string; facts: Partial<RuntimeFacts>; prefix?: string; problem?: RegExp }> = [
    { name: 'desktop with Node 22 on PATH: that node, absolute', facts: { nodeOnPath: { path: '/usr/local/bin/node', major: 22 } }, prefix: `/usr/local/bin/node ${CLI}` },
    { name: 'desktop with only Node 18 on PATH: the editor\'s runtime as Node', facts: { nodeOnPath: { path: '/usr/bin/node', major: 18 } }, prefix: `ELECTRON_RUN_AS_NODE=1 /usr/share/code/code ${CLI}` },
    { name: 'code-server / VS Code Server: the extension host\'s Node', facts: { electronVersion: undefined, execPath: '/srv/code-server/lib/node' }, prefix: `/srv/code-server/lib/node ${CLI}` },
    { name: 'macOS app path with spaces is quoted', facts: { platform: 'darwin', execPath: '/Applications/Visual Studio Code.app/Contents/MacOS/Electron' }, prefix: `ELECTRON_RUN_AS_NODE=1 '/Applications/Visual Studio Code.app/Contents/MacOS/Electron' ${CLI}` },
    { name: 'Windows without Node: asks to install it', facts: { platform: 'win32', execPath: 'C:\\Code\\Code.exe' }, problem: /need Node\.js 20 or newer \(no Node\.js on PATH\)/ },
    { name: 'Windows with Node: that node, quoted', facts: { platform: 'win32', nodeOnPath: { path: 'C:\\Program Files\\nodejs\\node.exe', major: 20 } }, prefix: `"C:\\Program Files\\nodejs\\node.exe" ${CLI}` },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = chooseHookRuntime({ ...base, ...c.facts });
      if (c.prefix !== undefined) assert.deepEqual(r.ok ? r.prefix : r.problem, c.prefix);
      else assert.match(r.ok ? r.prefix : r.problem, c.problem!);
    });
  }
});

// The two command checkers the bench compares, behind one shape: check(command) → {flagged, decision, detail}.
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pkgVersion } from './pkg.mjs';

const require = createRequire(import.meta.url);
export const CORE = fileURLToPath(new URL('../../dist/core.js', import.meta.url));
/** The workspace the corpus is written for (cwd = root). Agent Guard's core is pure: it need not exist. */
export const WORKSPACE = '/work/ws';

/** Agent Guard through dist/core.js: `createGuard()` (maybe async), then synchronous `checkCommand`. */
export async function loadAgentGuard() {
  if (!existsSync(CORE)) throw new Error(`${CORE} is missing (did the build run?)`);
  const core = require(CORE);
  if (typeof core.createGuard !== 'function') throw new Error('dist/core.js does not export createGuard()');
  const guard = await core.createGuard();
  const options = { cwd: WORKSPACE, root: WORKSPACE };
  return {
    id: 'agent-guard',
    label: 'agent-guard (dist/core.js)',
    version: `${require('../../package.json').version} (working tree)`,
    /** the timed call, nothing around it */
    call: (command) => guard.checkCommand(command, options),
    flagged: (verdict) => verdict.decision !== 'allow',
    describe: (verdict) => `${verdict.decision}${verdict.reasons?.[0] ? ' ' + verdict.reasons[0].rule : ''}`,
  };
}

/**
 * cc-safety-net through its library API (`cc-safety-net/api`, default mode). Its checkCommand stats `cwd` on
 * every call, so it gets a real scratch directory standing in for /work/ws; commands that name /work/ws are
 * rewritten to that directory so both checkers judge the same thing.
 */
export async function loadPeer() {
  const { checkCommand } = await import('cc-safety-net/api');
  const ws = mkdtempSync(join(tmpdir(), 'agent-guard-bench-ws-'));
  const rewrite = new Map();
  return {
    id: 'cc-safety-net',
    label: 'cc-safety-net (library API)',
    version: pkgVersion('cc-safety-net'),
    workspace: ws,
    /** removes the scratch directory this loader made (and nothing else) */
    dispose: () => rmSync(ws, { recursive: true, force: true }),
    /** rewriting happens once, outside the timed call */
    prepare(command) {
      let r = rewrite.get(command);
      if (r === undefined) {
        r = command.includes(WORKSPACE) ? command.split(WORKSPACE).join(ws) : command;
        rewrite.set(command, r);
      }
      return r;
    },
    call: (command) => checkCommand({ command, cwd: ws }),
    flagged: (result) => result.kind !== 'allow',
    describe: (result) => (result.kind === 'allow' ? 'allow' : `deny ${result.ruleId ?? ''}`.trim()),
  };
}

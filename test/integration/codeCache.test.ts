/**
 * The `agent-guard` loader keeps V8's code cache for the CLI bundle in the user's cache folder: the first run
 * writes it, later runs reuse it, a corrupt cache changes no answer, and old builds' caches do not pile up.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');

describe('agent-guard code cache (built CLI as a subprocess)', function () {
  this.timeout(30_000);
  let cacheHome: string;
  let dir: string;

  beforeEach(() => {
    cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-cache-'));
    dir = path.join(cacheHome, 'agent-guard');
  });
  afterEach(() => fs.rmSync(cacheHome, { recursive: true, force: true }));

  const check = (command: string) => {
    const r = spawnSync(process.execPath, [CLI, 'check', '--json', '--', command], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
    return { status: r.status, decision: (JSON.parse(r.stdout) as { decision: string }).decision };
  };
  const caches = () => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith('.v8cache')) : []);

  it('the first run writes one cache file (0600) and a second run answers the same', () => {
    const first = check('rm -rf /');
    assert.equal(caches().length, 1);
    const [file] = caches();
    assert.equal(fs.statSync(path.join(dir, file ?? '')).mode & 0o777, 0o600);
    assert.deepEqual(check('rm -rf /'), first);
    assert.equal(first.decision, 'deny');
  });

  it('a corrupt cache changes no answer', () => {
    check('ls');
    const [file] = caches();
    fs.writeFileSync(path.join(dir, file ?? ''), 'not a code cache');
    assert.deepEqual(check('rm -rf /'), { status: 2, decision: 'deny' });
    assert.deepEqual(check('ls'), { status: 0, decision: 'allow' });
  });

  it('with the cache turned off, or a cache folder that cannot be made, the bundle compiled without it answers the same', () => {
    const run = (env: Record<string, string>, command: string) => {
      const r = spawnSync(process.execPath, [CLI, 'check', '--json', '--', command], { encoding: 'utf8', env: { ...process.env, ...env } });
      return { status: r.status, decision: (JSON.parse(r.stdout) as { decision: string }).decision };
    };
    assert.deepEqual(run({ AGENT_GUARD_NO_CODE_CACHE: '1', XDG_CACHE_HOME: cacheHome }, 'rm -rf /'), { status: 2, decision: 'deny' });
    assert.deepEqual(caches(), [], 'nothing written with the cache off');
    const blocked = path.join(cacheHome, 'a-file');
    fs.writeFileSync(blocked, '');
    assert.deepEqual(run({ XDG_CACHE_HOME: blocked }, 'rm -rf /'), { status: 2, decision: 'deny' });
    assert.deepEqual(run({ XDG_CACHE_HOME: blocked }, 'ls'), { status: 0, decision: 'allow' });
  });

  it('each kind of run keeps its own cache: check, each agent\'s hook, everything else', () => {
    check('ls');
    const payload = JSON.stringify({ session_id: 's', cwd: cacheHome, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'ls' }, tool_use_id: 'c' });
    const hook = spawnSync(process.execPath, [CLI, 'hook', 'claude'], { input: payload, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
    assert.equal(hook.status, 0, hook.stderr);
    const version = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
    assert.equal(version.status, 0);
    const kinds = caches().map((n) => n.replace(/^.*--/, '').replace(/\.v8cache$/, '')).sort();
    assert.deepEqual(kinds, ['check', 'hook-claude', 'other']);
  });

  it('a kept build keeps the caches of all its kinds', () => {
    fs.mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 5; i++) {
      for (const kind of ['check', 'hook-claude']) {
        const old = path.join(dir, `cli-v0.0.${i}-x64-1-${i}--${kind}.v8cache`);
        fs.writeFileSync(old, 'old');
        fs.utimesSync(old, new Date(2020, 0, 1 + i), new Date(2020, 0, 1 + i));
      }
    }
    check('ls');
    const left = caches();
    // the new build and the three newest old ones, each with both kinds
    assert.equal(left.filter((n) => n.startsWith('cli-v0.0.')).length, 6, left.join(', '));
    assert.ok(!left.some((n) => n.startsWith('cli-v0.0.0-') || n.startsWith('cli-v0.0.1-')), left.join(', '));
  });

  it('caches of older builds are pruned to the newest four when a new one is written', () => {
    fs.mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 6; i++) {
      const old = path.join(dir, `cli-v0.0.${i}-x64-1-${i}.v8cache`);
      fs.writeFileSync(old, 'old');
      fs.utimesSync(old, new Date(2020, 0, 1 + i), new Date(2020, 0, 1 + i));
    }
    fs.writeFileSync(path.join(dir, 'unrelated.txt'), 'kept');
    check('ls');
    const left = caches();
    assert.equal(left.length, 4);
    assert.ok(left.some((n) => !n.startsWith('cli-v0.0.')), 'the new cache is kept');
    assert.ok(left.includes('cli-v0.0.5-x64-1-5.v8cache') && !left.includes('cli-v0.0.0-x64-1-0.v8cache'), left.join(', '));
    assert.ok(fs.existsSync(path.join(dir, 'unrelated.txt')));
  });
});

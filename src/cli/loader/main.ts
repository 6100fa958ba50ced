/**
 * The `agent-guard` executable is this small loader. A hook is a fresh process on every tool call, and on Node 20
 * compiling the CLI bundle is the largest part of its start-up; so the loader keeps V8's code cache for the bundle
 * in the user's cache folder and hands it back to V8 on the next start (Node 22's `module.enableCompileCache()`
 * does the same). A missing, stale or corrupt cache only costs a normal compile; any problem in the loader falls
 * back to a plain `require` of the bundle, so the CLI's answers never depend on the cache.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { dirname as pathDirname, join } from 'node:path';
import { Script } from 'node:vm';

const bundle = join(__dirname, 'cli-bundle.js');

function cacheFile(): string {
  const base = process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  const st = statSync(bundle);
  const key = `${process.version}-${process.arch}-${st.size}-${Math.floor(st.mtimeMs)}`;
  return join(base, 'agent-guard', `cli-${key}.v8cache`);
}

/** Caches of earlier builds (every upgrade leaves one): keep the few newest, for side-by-side installs. */
const KEEP_CACHES = 4;

function pruneOldCaches(dir: string): void {
  const caches = readdirSync(dir)
    .filter((name) => name.startsWith('cli-') && name.endsWith('.v8cache'))
    .map((name) => ({ file: join(dir, name), mtime: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of caches.slice(KEEP_CACHES)) rmSync(old.file, { force: true });
}

/** Compile the bundle with the cached code; undefined when anything about the cache or compile goes wrong. */
function prepare(): (() => void) | undefined {
  try {
    const file = cacheFile();
    let cached: Buffer | undefined;
    try {
      cached = readFileSync(file);
    } catch {
      cached = undefined;
    }
    const source = readFileSync(bundle, 'utf8');
    const script = new Script(Module.wrap(source), { filename: bundle, ...(cached ? { cachedData: cached } : {}) });
    const fn = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
    const mod = new Module(bundle, module);
    mod.filename = bundle;
    mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(__dirname);
    const req = ((id: string): unknown => mod.require(id)) as NodeJS.Require;
    if (!cached || script.cachedDataRejected === true) {
      // written at exit, so the functions this run compiled are in the cache too; atomically, for concurrent hooks
      process.once('exit', () => {
        try {
          mkdirSync(pathDirname(file), { recursive: true, mode: 0o700 });
          const tmp = `${file}.${process.pid}.tmp`;
          writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
          renameSync(tmp, file);
          pruneOldCaches(pathDirname(file));
        } catch {
          // a read-only home: no cache, same answers
        }
      });
    }
    return () => fn.call(mod.exports, mod.exports, req, mod, bundle, __dirname);
  } catch {
    return undefined;
  }
}

const start = process.env['AGENT_GUARD_NO_CODE_CACHE'] === '1' ? undefined : prepare();
if (start) start();
// eslint-disable-next-line @typescript-eslint/no-require-imports
else require(bundle);

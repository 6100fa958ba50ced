/**
 * The `agent-guard` executable is this small loader. A hook is a fresh process on every tool call, and on Node 20
 * compiling the CLI bundle is the largest part of its start-up; so the loader keeps V8's code cache for the bundle
 * in the user's cache folder, one per kind of run (each agent's hook, `check`, the rest), and hands it back to V8
 * on the next start (Node 22's `module.enableCompileCache()` does the same). A missing, stale or corrupt cache only
 * costs a normal compile, and any problem with the cache falls back to compiling the bundle without it, so the CLI's
 * answers never depend on the cache.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname as pathDirname, join } from 'node:path';
import type { Script } from 'node:vm';
import { homeDirectory } from '../homeDirectory';
import { JUDGE_COMMAND_NAMES } from '../judgeCommandNames';
import { handToService } from './serviceClient';

/**
 * Which bundle to run: `check` and `hook` have their own, without install, doctor and the rest (an agent starts one
 * on every tool call, and V8 reads a code cache in proportion to all the functions a bundle declares).
 */
const bundle = join(__dirname, (JUDGE_COMMAND_NAMES as readonly (string | undefined)[]).includes(process.argv[2]) ? 'cli-judge.js' : 'cli-bundle.js');

/**
 * What kind of run this is, for its own cache: V8's cache holds the functions the run that wrote it compiled, so a
 * cache written by `check` (or by `install`, often the first command a user runs) lacks the hook's code, and every
 * hook would compile it again. Measured: a hook's own cache saves about 2% of a hook's run, a check's its own too.
 */
function runKind(argv: readonly string[]): string {
  const [command, agent] = argv;
  if (command === 'hook' && agent !== undefined && /^[a-z][a-z-]{0,30}$/.test(agent)) return `hook-${agent}`;
  return command === 'check' ? 'check' : 'other';
}

/** What names a build of the bundle: its size and modification time. */
type BundleStat = { readonly size: number; readonly mtimeMs: number };

/** `cli-<node>-<arch>-<bundle size>-<bundle mtime>--<kind>.v8cache`: one per build and kind of run. */
function cacheFile(st: BundleStat): string {
  const base = process.env['XDG_CACHE_HOME'] || join(homeDirectory(), '.cache');
  const build = `${process.version}-${process.arch}-${st.size}-${Math.floor(st.mtimeMs)}`;
  return join(base, 'agent-guard', `cli-${build}--${runKind(process.argv.slice(2))}.v8cache`);
}

/** Builds whose caches are kept (every upgrade leaves some): the few newest, for side-by-side installs. */
const KEEP_BUILDS = 4;

function pruneOldCaches(dir: string): void {
  const newestByBuild = new Map<string, number>();
  const caches = readdirSync(dir)
    .filter((name) => name.startsWith('cli-') && name.endsWith('.v8cache'))
    .map((name) => ({ file: join(dir, name), build: name.split('--')[0] ?? name, mtime: statSync(join(dir, name)).mtimeMs }));
  for (const c of caches) newestByBuild.set(c.build, Math.max(newestByBuild.get(c.build) ?? 0, c.mtime));
  const kept = new Set([...newestByBuild].sort((a, b) => b[1] - a[1]).slice(0, KEEP_BUILDS).map(([build]) => build));
  for (const c of caches) if (!kept.has(c.build)) rmSync(c.file, { force: true });
}

/**
 * The bundle is Node's CommonJS wrapper around the CLI, one function expression (esbuild.mjs adds it), so it is
 * compiled exactly as read: `node:module` is not loaded at start-up (with the ES module loader and source-map
 * support it pulls in, about a third of a millisecond), and no second copy of the text is made. The bundle gets this
 * loader's `require`: it requires only Node's built-in modules, and its directory is this one.
 */
type BundleFunction = (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;

function compile(source: string, cached: Buffer | undefined): Script {
  // required here, not at the top: a hook the judge service answers never compiles a bundle
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vm = require('node:vm') as typeof import('node:vm');
  return new vm.Script(source, { filename: bundle, ...(cached ? { cachedData: cached } : {}) });
}

/** What an entry (src/cli/entries/) exports: `main`, and for the judging bundle `hookWithInput`. */
interface BundleExports {
  main(): void;
  hookWithInput?(argv: readonly string[], input: Promise<string>, startedAt: number): void;
}

function runBundle(fn: BundleFunction): BundleExports {
  const bundleModule = { exports: {} };
  fn.call(bundleModule.exports, bundleModule.exports, require, bundleModule, bundle, __dirname);
  return bundleModule.exports as BundleExports;
}

/**
 * The bundle's text. It is ASCII (esbuild escapes every other character; esbuild.mjs fails the build otherwise), so
 * read as Latin-1 it is the same text, without the cost of decoding UTF-8.
 */
function readBundle(): string {
  return readFileSync(bundle, 'latin1');
}

/** The bundle compiled with the cached code; undefined when anything about the cache or compile goes wrong. */
function prepare(st: BundleStat): BundleFunction | undefined {
  try {
    const file = cacheFile(st);
    let cached: Buffer | undefined;
    try {
      cached = readFileSync(file);
    } catch {
      cached = undefined;
    }
    const script = compile(readBundle(), cached);
    const fn = script.runInThisContext() as BundleFunction;
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
    return fn;
  } catch {
    return undefined;
  }
}

function loadBundle(st: BundleStat | undefined): BundleExports {
  // without the cache (turned off, or any problem with it), the same text compiled the plain way
  const fn = st !== undefined && process.env['AGENT_GUARD_NO_CODE_CACHE'] !== '1' ? prepare(st) : undefined;
  return runBundle(fn ?? (compile(readBundle(), undefined).runInThisContext() as BundleFunction));
}

function bundleStat(): BundleStat | undefined {
  try {
    return statSync(bundle);
  } catch {
    return undefined;
  }
}

const argv = process.argv.slice(2);
// when the hook process started: the agent's timeout counts from then, whoever answers
const startedAt = Date.now() - Math.round(process.uptime() * 1000);
const judgeHere = (input?: Promise<string>): void => {
  const entry = loadBundle(bundleStat());
  if (input !== undefined && entry.hookWithInput !== undefined) entry.hookWithInput(argv.slice(1), input, startedAt);
  else entry.main();
};
// a hook hands its call to the judge service when one runs for this build (src/cli/service/); else it judges here
if (!(argv[0] === 'hook' && handToService(argv.slice(1), startedAt, judgeHere))) judgeHere();

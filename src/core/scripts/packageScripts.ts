/**
 * Which `package.json` scripts a package-manager command runs: `npm run build` runs prebuild, build and
 * postbuild; `npm test`, `pnpm lint`, `yarn dev`, `bun run x`; a bare `npm install` runs the project's own
 * install lifecycle. The walker reads package.json (through the adapter) and judges each script as shell text
 * in the package's directory.
 */
import type { Arg } from '../invocation';

export interface ScriptRequest {
  /** Script names in the order they run; the walker skips names package.json does not define. */
  readonly names: readonly string[];
  /** The script the user named (it receives the extra arguments). */
  readonly main: string | undefined;
  /** Arguments appended to the main script (`npm run test -- --watch`). */
  readonly extra: readonly Arg[];
  /** Directory option (`--prefix`, `-C`, `--dir`, `--cwd`), relative to the command's cwd. */
  readonly dir: Arg | undefined;
}

const INSTALL_LIFECYCLE = ['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare'];

const withPrePost = (name: string): string[] => ['pre' + name, name, 'post' + name];

/** Options of each manager that take a value, and which of them picks the directory. */
interface ManagerSpec {
  readonly valueOpts: readonly string[];
  readonly dirOpts: readonly string[];
  /** Options that select other packages (workspaces, filters): the scripts then cannot be told. */
  readonly elsewhere: readonly string[];
  /** Built-in commands (a script with the same name is not what runs). */
  readonly builtins: ReadonlySet<string>;
  /** `<manager> <script>` runs a script when the name is not a built-in. */
  readonly bareScripts: boolean;
}

const NPM: ManagerSpec = {
  valueOpts: ['--prefix', '-w', '--workspace', '--registry', '--cache', '--userconfig', '--loglevel', '--script-shell'],
  dirOpts: ['--prefix'],
  elsewhere: ['-w', '--workspace', '--workspaces', '-ws'],
  builtins: new Set(),
  bareScripts: false,
};

const PNPM: ManagerSpec = {
  valueOpts: ['-C', '--dir', '--filter', '-F', '--workspace-root', '--reporter', '--loglevel', '--store-dir'],
  dirOpts: ['-C', '--dir'],
  elsewhere: ['--filter', '-F', '-r', '--recursive', '-w', '--workspace-root'],
  builtins: new Set(['add', 'install', 'i', 'update', 'up', 'upgrade', 'remove', 'rm', 'uninstall', 'un', 'link', 'ln', 'unlink', 'import', 'rebuild', 'rb', 'prune', 'fetch', 'patch', 'patch-commit', 'audit', 'list', 'ls', 'll', 'la', 'outdated', 'why', 'run', 'run-script', 'test', 't', 'tst', 'start', 'exec', 'dlx', 'create', 'publish', 'pack', 'store', 'root', 'bin', 'setup', 'init', 'env', 'deploy', 'config', 'c', 'licenses', 'server', 'doctor', 'help', 'dedupe', 'cat-file', 'cat-index', 'find-hash', 'self-update', 'approve-builds', 'ignored-builds', 'catalog', 'version', 'login', 'logout', 'whoami', 'owner', 'search', 'view', 'info', 'home', 'docs', 'repo', 'bugs']),
  bareScripts: true,
};

const YARN: ManagerSpec = {
  valueOpts: ['--cwd', '--modules-folder', '--cache-folder', '--registry', '--network-timeout'],
  dirOpts: ['--cwd'],
  elsewhere: ['workspace', 'workspaces'],
  builtins: new Set(['add', 'audit', 'autoclean', 'bin', 'cache', 'check', 'config', 'create', 'dedupe', 'dlx', 'exec', 'explain', 'generate-lock-entry', 'global', 'help', 'import', 'info', 'init', 'install', 'licenses', 'link', 'list', 'login', 'logout', 'node', 'outdated', 'owner', 'pack', 'patch', 'patch-commit', 'plugin', 'policies', 'publish', 'rebuild', 'remove', 'run', 'search', 'set', 'tag', 'team', 'unlink', 'unplug', 'up', 'upgrade', 'upgrade-interactive', 'version', 'versions', 'why', 'workspace', 'workspaces', 'npm', 'constraints', 'stage', 'sdks']),
  bareScripts: true,
};

const BUN: ManagerSpec = {
  valueOpts: ['--cwd', '--filter', '-F', '--config', '-c', '--env-file', '-e', '--eval', '-p', '--print', '-r', '--preload'],
  dirOpts: ['--cwd'],
  elsewhere: ['--filter', '-F', '--workspaces'],
  builtins: new Set(['run', 'test', 'x', 'repl', 'exec', 'install', 'i', 'add', 'a', 'remove', 'rm', 'update', 'link', 'unlink', 'pm', 'build', 'init', 'create', 'c', 'upgrade', 'outdated', 'publish', 'patch', 'patch-commit', 'audit', 'info', 'why', 'help', 'completions', 'discord', 'feedback']),
  bareScripts: true,
};

const MANAGERS: ReadonlyMap<string, ManagerSpec> = new Map([
  ['npm', NPM],
  ['pnpm', PNPM],
  ['yarn', YARN],
  ['bun', BUN],
]);

export function isPackageManager(program: string): boolean {
  return MANAGERS.has(program);
}

/**
 * The scripts `program args` runs, or undefined when it runs none of the project's scripts (or which ones cannot
 * be told). `bareScript(name)` says whether package.json defines `name`, for `pnpm <name>` / `yarn <name>`.
 */
export function scriptRequest(program: string, args: readonly Arg[], defines: (name: string) => boolean): ScriptRequest | undefined {
  const spec = MANAGERS.get(program);
  if (!spec) return undefined;
  let dir: Arg | undefined;
  const words: Arg[] = [];
  let passthrough: Arg[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as Arg;
    const v = a.value;
    if (v === '--') {
      passthrough = args.slice(i + 1);
      break;
    }
    if (spec.elsewhere.includes(v) || spec.elsewhere.some((e) => e.startsWith('-') && v.startsWith(e + '='))) return undefined;
    if (v.startsWith('-') && v.length > 1) {
      const eq = v.indexOf('=');
      const name = eq < 0 ? v : v.slice(0, eq);
      const takesValue = spec.valueOpts.includes(name);
      const value = eq >= 0 ? { ...a, value: v.slice(eq + 1) } : takesValue ? args[i + 1] : undefined;
      if (takesValue && eq < 0) i++;
      if (spec.dirOpts.includes(name) && value !== undefined) dir = value;
      continue;
    }
    words.push(a);
  }
  if (words.some((w) => w.dynamic)) return undefined;
  const [first, second] = words.map((w) => w.value);
  const restArgs = words.slice(2);
  const request = (names: string[], main: string | undefined, extra: readonly Arg[]): ScriptRequest => ({ names, main, extra, dir });
  if (first === undefined) return program === 'yarn' ? request(INSTALL_LIFECYCLE, undefined, []) : undefined;
  if (program === 'npm') {
    if (['run', 'run-script', 'rum', 'urn'].includes(first)) return second === undefined ? undefined : request(withPrePost(second), second, [...restArgs, ...passthrough]);
    if (['test', 't', 'tst'].includes(first)) return request(withPrePost('test'), 'test', [...words.slice(1), ...passthrough]);
    if (['start', 'stop', 'restart'].includes(first)) return request(first === 'restart' ? [...withPrePost('restart'), ...withPrePost('stop'), ...withPrePost('start')] : withPrePost(first), first, [...words.slice(1), ...passthrough]);
    if (['install', 'i', 'ci', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'clean-install', 'ic', 'install-clean'].includes(first)) return second === undefined ? request(INSTALL_LIFECYCLE, undefined, []) : undefined;
    return undefined;
  }
  if (first === 'run' || (program === 'pnpm' && first === 'run-script')) return second === undefined ? undefined : request(program === 'bun' ? [second] : withPrePost(second), second, [...restArgs, ...passthrough]);
  if (program === 'pnpm' && ['test', 't', 'tst', 'start'].includes(first)) {
    const name = first === 'start' ? 'start' : 'test';
    return request(withPrePost(name), name, [...words.slice(1), ...passthrough]);
  }
  if (['install', 'i'].includes(first)) return second === undefined ? request(INSTALL_LIFECYCLE, undefined, []) : undefined;
  if (spec.bareScripts && !spec.builtins.has(first) && defines(first)) {
    return request(program === 'bun' ? [first] : withPrePost(first), first, [...words.slice(1), ...passthrough]);
  }
  return undefined;
}

/** The directory option (`--prefix`, `-C`, `--dir`, `--cwd`) of a package-manager command, if any. */
export function directoryOption(program: string, args: readonly Arg[]): Arg | undefined {
  const spec = MANAGERS.get(program);
  if (!spec) return undefined;
  let dir: Arg | undefined;
  for (let i = 0; i < args.length; i++) {
    const v = (args[i] as Arg).value;
    if (v === '--') break;
    const eq = v.indexOf('=');
    const name = eq < 0 ? v : v.slice(0, eq);
    if (!spec.dirOpts.includes(name)) {
      if (eq < 0 && spec.valueOpts.includes(name)) i++;
      continue;
    }
    dir = eq >= 0 ? { ...(args[i] as Arg), value: v.slice(eq + 1) } : args[++i];
  }
  return dir;
}

export interface PackageScript {
  readonly name: string;
  readonly text: string;
  /** 1-based line of the script's entry in package.json. */
  readonly line: number;
}

/** The `scripts` of a package.json text, with the line each is defined on; undefined when it is not JSON. */
export function readScripts(json: string): ReadonlyMap<string, PackageScript> | undefined {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return undefined;
  }
  const out = new Map<string, PackageScript>();
  if (typeof data !== 'object' || data === null) return out;
  const scripts = (data as Record<string, unknown>)['scripts'];
  if (typeof scripts !== 'object' || scripts === null) return out;
  const scriptsAt = json.search(/"scripts"\s*:/);
  for (const [name, text] of Object.entries(scripts as Record<string, unknown>)) {
    if (typeof text !== 'string') continue;
    out.set(name, { name, text, line: lineOfKey(json, name, scriptsAt) });
  }
  return out;
}

function lineOfKey(json: string, key: string, from: number): number {
  const quoted = JSON.stringify(key);
  let at = json.indexOf(quoted + ':', Math.max(0, from));
  if (at < 0) at = json.indexOf(quoted, Math.max(0, from));
  if (at < 0) return 1;
  let line = 1;
  for (let i = json.indexOf('\n'); i >= 0 && i < at; i = json.indexOf('\n', i + 1)) line++;
  return line;
}

/** What a package-manager command starts besides scripts: a package's binary, or shell text. */
export type PackageRun =
  /** npx-style arguments from `from` on (`npm exec`, `pnpm dlx`, `yarn dlx`, `bun x`): options, then `pkg[@version] args…`. */
  | { readonly kind: 'runner'; readonly from: number }
  /** A binary from node_modules/.bin (or the PATH) with its arguments from `from` on (`pnpm rimraf x`, `yarn run tsc`). */
  | { readonly kind: 'bin'; readonly from: number }
  /** Shell text (`bun exec 'cmd'`). */
  | { readonly kind: 'shell'; readonly text: Arg }
  /** Scripts written into package.json (`npm pkg set scripts.test='…'`): what a later `npm test` runs. */
  | { readonly kind: 'defines'; readonly texts: readonly Arg[] };

/** A word that names a file the manager runs with its runtime (`bun ./x.ts`), not a binary. */
const FILE_LIKE = /\/|\.(?:[cm]?[jt]sx?|json)$/;

/**
 * The binary a package-manager command runs when it is not a script: `npm exec`/`npm x`, `pnpm exec|dlx`,
 * `yarn exec|dlx`, `bun x`; and — because pnpm, yarn and bun fall back to a package binary (then the PATH) for a
 * name that is neither a built-in nor a script — `pnpm <bin>`, `yarn <bin>`, `yarn run <bin>`, `bun <bin>`,
 * `bun run <bin>`. The walker asks only after it found no script of that name.
 */
export function packageRun(program: string, args: readonly Arg[]): PackageRun | undefined {
  const spec = MANAGERS.get(program);
  if (!spec) return undefined;
  let i = 0;
  for (; i < args.length; i++) {
    const v = (args[i] as Arg).value;
    if (v === '--' || !v.startsWith('-') || v.length < 2) break;
    if (!v.includes('=') && spec.valueOpts.includes(v)) i++;
  }
  if (args[i]?.value === '--') i++;
  const first = args[i];
  if (first === undefined || first.dynamic) return undefined;
  const name = first.value;
  const next = args[i + 1];
  switch (program) {
    case 'npm':
      if (name === 'pkg' && next?.value === 'set') {
        const texts = args.slice(i + 2).filter((a) => /^scripts\.[^=]+=/.test(a.value)).map((a) => ({ ...a, value: a.value.slice(a.value.indexOf('=') + 1) }));
        return texts.length > 0 ? { kind: 'defines', texts } : undefined;
      }
      return name === 'exec' || name === 'x' ? { kind: 'runner', from: i + 1 } : undefined;
    case 'pnpm':
      if (name === 'exec' || name === 'dlx') return { kind: 'runner', from: i + 1 };
      break;
    case 'yarn':
      if (name === 'exec' || name === 'dlx') return { kind: 'runner', from: i + 1 };
      if (name === 'run') return next !== undefined && !next.dynamic && !FILE_LIKE.test(next.value) ? { kind: 'bin', from: i + 1 } : undefined;
      break;
    case 'bun':
      if (name === 'x') return { kind: 'runner', from: i + 1 };
      if (name === 'exec') return next !== undefined ? { kind: 'shell', text: next } : undefined;
      if (name === 'run') return next !== undefined && !next.dynamic && !next.value.startsWith('-') && !FILE_LIKE.test(next.value) ? { kind: 'bin', from: i + 1 } : undefined;
      break;
  }
  if (spec.builtins.has(name) || FILE_LIKE.test(name) || name.startsWith('-')) return undefined;
  return { kind: 'bin', from: i };
}

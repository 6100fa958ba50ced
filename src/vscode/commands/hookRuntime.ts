/**
 * How an installed hook starts the CLI that ships inside the extension (`<extension>/dist/cli.js`). Agents run
 * hooks with a PATH of their own and a hook that cannot start lets the tool call through, so the command line
 * names an absolute program:
 * 1. a Node.js ≥ 20 found on the PATH the editor has (resolved to its real path) — stable across editor updates;
 * 2. else, when the extension host itself is Node (code-server, VS Code Server over SSH/WSL/containers), that
 *    Node — it is replaced on a server update, which Repair Agent Hooks fixes;
 * 3. else (desktop VS Code without Node installed) the editor's own executable as Node:
 *    `ELECTRON_RUN_AS_NODE=1 '<VS Code>' '<cli.js>'`, on macOS and Linux only (the variable assignment is
 *    POSIX shell syntax); on Windows the person is asked to install Node.js.
 */
import { shellQuote } from '../../cli/install/hookCommand';

export interface RuntimeFacts {
  readonly platform: NodeJS.Platform;
  /** `process.execPath` of the extension host. */
  readonly execPath: string;
  /** Set when the extension host is Electron. */
  readonly electronVersion: string | undefined;
  /** Absolute real path of `node` on PATH and its major version, when found. */
  readonly nodeOnPath: { readonly path: string; readonly major: number } | undefined;
  /** Absolute path of the CLI inside the extension. */
  readonly cli: string;
}

export type HookRuntime =
  | { readonly ok: true; readonly prefix: string; readonly how: string }
  | { readonly ok: false; readonly problem: string };

const MIN_NODE_MAJOR = 20;

export function chooseHookRuntime(f: RuntimeFacts): HookRuntime {
  const q = (s: string): string => shellQuote(s, f.platform);
  if (f.nodeOnPath !== undefined && f.nodeOnPath.major >= MIN_NODE_MAJOR) {
    return { ok: true, prefix: `${q(f.nodeOnPath.path)} ${q(f.cli)}`, how: `Node.js ${f.nodeOnPath.major} from PATH (${f.nodeOnPath.path})` };
  }
  if (f.electronVersion === undefined) {
    return { ok: true, prefix: `${q(f.execPath)} ${q(f.cli)}`, how: `the Node.js that runs this editor's extension host (${f.execPath})` };
  }
  if (f.platform !== 'win32') {
    return { ok: true, prefix: `ELECTRON_RUN_AS_NODE=1 ${q(f.execPath)} ${q(f.cli)}`, how: `this editor's own runtime as Node.js (${f.execPath}); install Node.js ${MIN_NODE_MAJOR}+ for hooks that survive editor moves` };
  }
  const found = f.nodeOnPath === undefined ? 'no Node.js on PATH' : `Node.js ${f.nodeOnPath.major} on PATH is too old`;
  return { ok: false, problem: `The hooks need Node.js ${MIN_NODE_MAJOR} or newer (${found}). Install it from nodejs.org and run this command again.` };
}

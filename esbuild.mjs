// Three bundles with a physical boundary: the core never sees `vscode`, the CLI never sees `vscode`,
// and the extension gets `vscode` only as an external provided by the editor.
import * as fs from 'node:fs';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Node's CommonJS wrapper (`Module.wrap`), around the CLI bundle (its first line, so stack traces count one line more). */
const CLI_BUNDLE_WRAPPER = { start: '(function (exports, require, module, __filename, __dirname) {', end: '})' };

const version = JSON.parse(fs.readFileSync('package.json', 'utf8')).version;
const build = `${version}+${Date.now().toString(36)}`;

/** @type {import('esbuild').BuildOptions} */
const common = {
  // the build's own name: the judge service and the hooks of one build find each other by it (src/cli/service/)
  define: { AGENT_GUARD_VERSION: JSON.stringify(version), AGENT_GUARD_BUILD: JSON.stringify(build) },
  bundle: true,
  // jsonc-parser's `main` is a UMD build with dynamic requires; its ES module bundles cleanly
  mainFields: ['module', 'main'],
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
};

const builds = [
  { ...common, entryPoints: ['src/core/index.ts'], outfile: 'dist/core.js', external: [] },
  // `agent-guard` is a tiny loader that runs the CLI bundle with V8's code cache (see src/cli/loader/main.ts)
  { ...common, entryPoints: ['src/cli/loader/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, minify: true, sourcemap: false },
  // the CLI itself, one function expression each (see CLI_BUNDLE_WRAPPER): every command, and the judging commands
  // alone (`check`, `hook`: an agent starts one on every tool call, so they skip the code of install and the rest)
  ...[
    ['src/cli/entries/full.ts', 'dist/cli-bundle.js'],
    ['src/cli/entries/judge.ts', 'dist/cli-judge.js'],
  ].map(([entry, outfile]) => ({
    ...common,
    entryPoints: [entry],
    outfile,
    // started once per agent tool call: keep it lean
    minify: true,
    sourcemap: false,
    // the file is Node's CommonJS wrapper around the bundle, so the loader compiles the text exactly as read:
    // wrapping it at run time made a second 540 KB string that V8 then flattened (about 0.75 ms, and a garbage
    // collection, per hook). Only the loader runs these files (src/cli/loader/main.ts).
    banner: { js: CLI_BUNDLE_WRAPPER.start },
    footer: { js: CLI_BUNDLE_WRAPPER.end },
  })),
  // the extension: a tiny activation bundle and the features bundle it loads right after activating (VS Code counts
  // loading the activated bundle in the activation time); minified, source maps beside them for debugging
  { ...common, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', './extension-features.js'], minify: true },
  { ...common, entryPoints: ['src/vscode/features.ts'], outfile: 'dist/extension-features.js', external: ['vscode'], minify: true },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  fs.chmodSync('dist/cli.js', 0o755);
  // the CLI's loader reads its bundles as Latin-1 (cheaper than decoding UTF-8), which is only the same text for ASCII
  for (const file of ['dist/cli-bundle.js', 'dist/cli-judge.js']) {
    const nonAscii = fs.readFileSync(file).findIndex((byte) => byte > 0x7f);
    if (nonAscii >= 0) throw new Error(`${file} has a non-ASCII byte at ${nonAscii}; keep esbuild's charset at ascii`);
  }
}

// unbash: a pure-JavaScript, error-tolerant bash parser (npm `unbash`). Substitution bodies are parsed lazily,
// on first access, so `names` (which visits them) is part of the real cost.
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pkgVersion } from '../pkg.mjs';

const require = createRequire(import.meta.url);
/** unbash ships as many small ES modules; a product would bundle it, so cold start loads a bundle too. */
const BUNDLE = fileURLToPath(new URL('../../results/.cache/unbash.mjs', import.meta.url));

export async function build() {
  const esbuild = await import('esbuild');
  mkdirSync(fileURLToPath(new URL('../../results/.cache/', import.meta.url)), { recursive: true });
  await esbuild.build({ entryPoints: [require.resolve('unbash')], bundle: true, format: 'esm', platform: 'neutral', outfile: BUNDLE, logLevel: 'silent' });
  return { ok: true };
}

export const id = 'unbash';
export const label = 'unbash (pure JS)';

export function version() {
  return `unbash ${pkgVersion('unbash')}`;
}

export function files() {
  return { js: [require.resolve('unbash')], wasm: [] };
}

export async function load() {
  const { parse, forEachChild } = await import(existsSync(BUNDLE) ? pathToFileURL(BUNDLE).href : 'unbash');
  return {
    async: false,
    parse(text) {
      const tree = parse(text);
      const errors = collectErrors(tree, forEachChild);
      return { ok: errors.length === 0, error: errors[0], tree };
    },
    names(tree) {
      const out = [];
      const visit = (node) => {
        if (node.type === 'Command' && node.name) out.push(node.name.value);
        forEachChild(node, visit);
      };
      visit(tree);
      return out;
    },
    free() {},
  };
}

/** Nested scripts (substitutions) report their own errors: visit them all. */
function collectErrors(tree, forEachChild) {
  const errors = [];
  const visit = (node) => {
    if (node.type === 'Script' && node.errors) for (const e of node.errors) errors.push(e.message);
    forEachChild(node, visit);
  };
  visit(tree);
  return errors;
}

// unbash: a pure-JavaScript, error-tolerant bash parser (npm `unbash`). Substitution bodies are parsed lazily,
// on first access, so `names` (which visits them) is part of the real cost.
import { createRequire } from 'node:module';
import { pkgVersion } from '../pkg.mjs';

const require = createRequire(import.meta.url);

export const id = 'unbash';
export const label = 'unbash (pure JS)';

export function version() {
  return `unbash ${pkgVersion('unbash')}`;
}

export function files() {
  return { js: [require.resolve('unbash')], wasm: [] };
}

export async function load() {
  const { parse, forEachChild } = await import('unbash');
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

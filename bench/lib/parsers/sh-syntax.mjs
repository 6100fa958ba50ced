// sh-syntax: mvdan/sh (the shfmt parser, Go) compiled to wasm. Its JS API is async, and each call creates a
// new Go wasm instance. Its JSON tree keeps only positions for each statement's command (un-ts/sh-syntax#123),
// so it can say whether text parses but cannot show which commands it contains.
import { createRequire } from 'node:module';
import { pkgVersion } from '../pkg.mjs';

const require = createRequire(import.meta.url);

export const id = 'sh-syntax';
export const label = 'sh-syntax (mvdan/sh, Go→wasm)';

export function version() {
  return `sh-syntax ${pkgVersion('sh-syntax')}`;
}

export function files() {
  return { js: [require.resolve('sh-syntax')], wasm: [require.resolve('sh-syntax/main.wasm')] };
}

export async function load() {
  const { parse } = await import('sh-syntax');
  return {
    async: true,
    async parse(text) {
      try {
        return { ok: true, error: undefined, tree: await parse(text) };
      } catch (e) {
        return { ok: false, error: String(e?.message ?? e), tree: undefined };
      }
    },
    /** The JSON tree has no command contents: nothing to extract. */
    names: undefined,
    free() {},
  };
}

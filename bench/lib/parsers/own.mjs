// The project's own hand-written recursive-descent parser (src/core/shell/parse.ts), bundled with esbuild
// for the bench. Throws ParseError on anything it does not understand.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const id = 'own';
export const label = 'agent-guard parse.ts (hand-written)';

const SOURCE = fileURLToPath(new URL('../../../src/core/shell/parse.ts', import.meta.url));
const CACHE = fileURLToPath(new URL('../../results/.cache/', import.meta.url));
export const BUNDLE = CACHE + 'own-parse.mjs';
export const BUNDLE_MIN = CACHE + 'own-parse.min.mjs';

export function version() {
  return 'src/core/shell/parse.ts (working tree)';
}

export function available() {
  return existsSync(SOURCE) ? { ok: true } : { ok: false, reason: `${SOURCE} does not exist yet` };
}

/** Bundles the parser (plain and minified); returns why not when the source is missing or does not build. */
export async function build() {
  const have = available();
  if (!have.ok) return have;
  const esbuild = await import('esbuild');
  mkdirSync(CACHE, { recursive: true });
  try {
    const common = { entryPoints: [SOURCE], bundle: true, platform: 'neutral', format: 'esm', target: 'node20', logLevel: 'silent' };
    await esbuild.build({ ...common, outfile: BUNDLE });
    await esbuild.build({ ...common, outfile: BUNDLE_MIN, minify: true });
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: `esbuild failed: ${String(e?.message ?? e).split('\n')[0]}` };
  }
}

export function files() {
  return { js: [BUNDLE_MIN], wasm: [] };
}

export async function load() {
  const mod = await import(pathToFileURL(BUNDLE).href);
  if (typeof mod.parse !== 'function') throw new Error('src/core/shell/parse.ts does not export parse()');
  return {
    async: false,
    parse(text) {
      try {
        return { ok: true, error: undefined, tree: mod.parse(text) };
      } catch (e) {
        return { ok: false, error: String(e?.message ?? e), tree: undefined };
      }
    },
    /** Program names of every simple command, anywhere: substitutions, heredoc bodies, function bodies. */
    names(tree) {
      const out = [];
      const visit = (v) => {
        if (Array.isArray(v)) { for (const x of v) visit(x); return; }
        if (v === null || typeof v !== 'object') return;
        if (v.type === 'simple' && v.words?.[0]) out.push(literal(v.words[0]));
        for (const k in v) if (k !== 'raw') visit(v[k]);
      };
      visit(tree);
      return out;
    },
    free() {},
  };
}

function literal(word) {
  return word.parts.map((p) => (p.type === 'lit' ? p.value : '')).join('') || word.raw;
}

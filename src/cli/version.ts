/** Replaced at build time by esbuild's `define`; the fallback keeps tests (run from source) working. */
declare const AGENT_GUARD_VERSION: string | undefined;
export const VERSION: string = typeof AGENT_GUARD_VERSION === 'string' ? AGENT_GUARD_VERSION : '0.0.0-dev';

declare const AGENT_GUARD_BUILD: string | undefined;
/** One name per build of the CLI (version and build time), shared by all its bundles; `dev` when run from source. */
export const BUILD: string = typeof AGENT_GUARD_BUILD === 'string' ? AGENT_GUARD_BUILD : 'dev';

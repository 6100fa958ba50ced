/** Replaced at build time by esbuild's `define`; the fallback keeps tests (run from source) working. */
declare const AGENT_GUARD_VERSION: string | undefined;
export const VERSION: string = typeof AGENT_GUARD_VERSION === 'string' ? AGENT_GUARD_VERSION : '0.0.0-dev';

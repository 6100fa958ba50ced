/**
 * Every rule pack, and the dispatch from a program name to the rules that look at it.
 *
 * Packs are loaded on first need. A hook is a fresh process for one tool call, and creating every pack's rules (and
 * V8 holding their code in the CLI's code cache) cost each run about 2–3 ms of CPU, a tenth of a bare Node start,
 * while a command needs one or two packs. Which pack has rules for which program is written out in
 * packPrograms.ts (generated from the packs; a unit test fails when it is stale), so the dispatch knows which packs
 * a program needs without loading the others. The order of a program's rules is the pack order below either way.
 */
import type { CommandRule, RulePack } from './rule';
import { filesystemPack } from './packs/filesystem';
import { PACK_PROGRAMS, type PackName } from './packPrograms';

/*
 * The one place the core uses `require`: each is a pack of this source tree, which the bundler turns into a
 * synchronous initialisation inside the bundle (nothing is read from disk at run time); under the test runner it
 * loads the TypeScript module. The filesystem pack is imported statically: the evaluator uses it on every check.
 */
/* eslint-disable no-restricted-globals, @typescript-eslint/no-require-imports */
const LOADERS: Readonly<Record<PackName, () => RulePack>> = {
  fs: () => filesystemPack,
  git: () => (require('./packs/git') as typeof import('./packs/git')).gitPack,
  iac: () => (require('./packs/iac') as typeof import('./packs/iac')).iacPack,
  kubernetes: () => (require('./packs/kubernetes') as typeof import('./packs/kubernetes')).kubernetesPack,
  cloud: () => (require('./packs/cloud') as typeof import('./packs/cloud')).cloudPack,
  db: () => (require('./packs/database') as typeof import('./packs/database')).databasePack,
  container: () => (require('./packs/containers') as typeof import('./packs/containers')).containersPack,
  system: () => (require('./packs/system') as typeof import('./packs/system')).systemPack,
  'supply-chain': () => (require('./packs/supplyChain') as typeof import('./packs/supplyChain')).supplyChainPack,
  interpreter: () => (require('./packs/interpreters') as typeof import('./packs/interpreters')).interpretersPack,
  agents: () => (require('./packs/agents') as typeof import('./packs/agents')).agentsPack,
};

/**
 * Where a pack keeps its rules for every program (`programs: ['*']`) apart from the rest, so that the rules every
 * command is judged by load without the whole pack; a pack not listed here would be loaded whole for them.
 */
export const EVERYWHERE: Partial<Readonly<Record<PackName, () => readonly CommandRule[]>>> = {
  system: () => (require('./packs/systemEverywhere') as typeof import('./packs/systemEverywhere')).SYSTEM_EVERYWHERE_RULES,
};
/* eslint-enable no-restricted-globals, @typescript-eslint/no-require-imports */

/** Pack order: the order of a program's rules, and of `allPacks()`. */
export const PACK_ORDER: readonly PackName[] = ['fs', 'git', 'iac', 'kubernetes', 'cloud', 'db', 'container', 'system', 'supply-chain', 'interpreter', 'agents'];

/** A pack's rules, loading the pack on first use. */
export function loadPack(name: PackName): RulePack {
  return LOADERS[name]();
}

/** Every pack, in pack order (loads them all: for listings, explanations and tests, not for judging). */
export function allPacks(): readonly RulePack[] {
  return PACK_ORDER.map(loadPack);
}

export interface RuleIndex {
  /** The rules that look at `program`, in pack order. */
  rulesFor(program: string): readonly CommandRule[];
  /** The rules that look at every program (`programs: ['*']`). */
  readonly anyProgram: readonly CommandRule[];
}

/** The packs with rules for `program` (or `'*'`), in pack order, without loading any. */
export function packsFor(program: string): readonly PackName[] {
  return PACK_ORDER.filter((name) => (PACK_PROGRAMS[name] as readonly string[]).includes(program));
}

/** The rules of `packs` that look at `program`, in pack order; `rulesOfPack` says where a pack's rules come from. */
function rulesOf(packs: readonly PackName[], program: string, rulesOfPack: (name: PackName) => readonly CommandRule[] = (name) => loadPack(name).rules): readonly CommandRule[] {
  const out: CommandRule[] = [];
  for (const name of packs) for (const rule of rulesOfPack(name)) if (rule.programs.includes(program)) out.push(rule);
  return out;
}

/** The dispatch of one guard: packs load as programs that need them are judged; each program's list is kept. */
export function lazyRuleIndex(): RuleIndex {
  const byProgram = new Map<string, readonly CommandRule[]>();
  const anyProgram = rulesOf(packsFor('*'), '*', (name) => EVERYWHERE[name]?.() ?? loadPack(name).rules);
  return {
    anyProgram,
    rulesFor(program) {
      let rules = byProgram.get(program);
      if (rules === undefined) {
        rules = program === '*' ? [] : rulesOf(packsFor(program), program);
        byProgram.set(program, rules);
      }
      return rules;
    },
  };
}

export function findRule(id: string): CommandRule | undefined {
  for (const pack of allPacks()) for (const r of pack.rules) if (r.id === id) return r;
  return undefined;
}

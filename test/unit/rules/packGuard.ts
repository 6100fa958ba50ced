/**
 * Shared pieces of the per-pack tests: the guard they run through (the whole pipeline, parse → unwrap → rules →
 * verdict) and the "ordinary work stays silent" table.
 */
import { strict as assert } from 'node:assert';
import type { Guard } from '../../../src/core/api';
import { createGuard } from '../../../src/core/index';
import { ALL_PACKS } from '../../../src/core/rules/registry';
import type { RulePack } from '../../../src/core/rules/rule';

/** The real guard; fails loudly if a pack under test was left out of the registry. */
export function guardWith(packs: readonly RulePack[], home?: string): Guard {
  for (const p of packs) assert.ok(ALL_PACKS.includes(p), `rule pack ${p.name} is not registered in src/core/rules/registry.ts`);
  return createGuard(home !== undefined ? { home } : {});
}

/** Workspace used by every pack test (the same as the examples test). */
export const WS = { cwd: '/work/ws', root: '/work/ws' } as const;

/** One test per command: no reason at all, from any pack, and `allow`. */
export function itStaysSilent(guard: Guard, commands: readonly string[], opts: { cwd: string; root: string } = WS): void {
  for (const command of commands) {
    it(command, () => {
      const v = guard.checkCommand(command, opts);
      assert.deepEqual(v.reasons.map((r) => `${r.rule}: ${r.command}`), []);
      assert.equal(v.decision, 'allow');
    });
  }
}

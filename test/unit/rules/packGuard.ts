/**
 * Shared pieces of the per-pack tests: the guard they run through (the whole pipeline, parse → unwrap → rules →
 * verdict), the "flags it with one rule" table and the "ordinary work stays silent" table.
 */
import { strict as assert } from 'node:assert';
import type { Guard } from '../../../src/core/api';
import { createGuard } from '../../../src/core/index';
import { allPacks } from '../../../src/core/rules/registry';
import type { RulePack } from '../../../src/core/rules/rule';
import type { Decision, Risk } from '../../../src/core/verdict';

/** The real guard; fails loudly if a pack under test was left out of the registry. */
export function guardWith(packs: readonly RulePack[], home?: string): Guard {
  for (const p of packs) assert.ok(allPacks().includes(p), `rule pack ${p.name} is not registered in src/core/rules/registry.ts`);
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

/** A command a pack must flag, with the one rule, decision and risk it must say. */
export interface PackCase {
  readonly command: string;
  readonly rule: string;
  readonly decision: Decision;
  readonly risk: Risk;
  /** The name a person must type to confirm. */
  readonly target?: string;
  /** A word the message must name (the branch, the flag). */
  readonly mentions?: string;
  /** Environment of the request (e.g. `TF_WORKSPACE`). */
  readonly env?: Readonly<Record<string, string>>;
}

/** One test per case: exactly one rule of the pack (ids starting with `prefix`) speaks, as the case says. */
export function itFlagsOnce(guard: Guard, prefix: string, cases: readonly PackCase[], opts: { cwd: string; root: string } = WS): void {
  for (const c of cases) {
    const label = c.env === undefined ? c.command : `${JSON.stringify(c.env)} ${c.command}`;
    it(`${label} → ${c.rule} (${c.decision}, ${c.risk})`, () => {
      const v = guard.checkCommand(c.command, c.env === undefined ? opts : { ...opts, env: c.env });
      const mine = v.reasons.filter((r) => r.rule.startsWith(prefix));
      assert.deepEqual(mine.map((r) => r.rule), [c.rule], `exactly one ${prefix.slice(0, -1)} rule speaks`);
      const r = mine[0]!;
      assert.equal(r.decision, c.decision);
      assert.equal(r.risk, c.risk);
      if (c.target !== undefined) assert.equal(r.target, c.target);
      if (c.mentions !== undefined) assert.ok(r.message.includes(c.mentions), r.message);
    });
  }
}

/**
 * Runs every rule's own examples through the whole guard: `match` lines must produce a reason with the rule's
 * id, `notMatch` lines must not.
 */
import { strict as assert } from 'node:assert';
import type { RulePack } from '../../../src/core/rules/rule';
import { guardWith, WS } from './packGuard';

export function describeExamples(pack: RulePack): void {
  const guard = guardWith([pack]);
  describe(`${pack.name} pack: rule examples`, () => {
    for (const rule of pack.rules) {
      it(`${rule.id} has examples both ways`, () => {
        assert.ok(rule.examples.match.length >= 2, 'at least two match examples');
        assert.ok(rule.examples.notMatch.length >= 2, 'at least two notMatch examples');
        assert.ok(rule.id.startsWith(pack.name + '.'), 'id starts with the pack name');
      });
      for (const cmd of rule.examples.match) {
        it(`${rule.id} matches ${JSON.stringify(cmd)}`, () => {
          const v = guard.checkCommand(cmd, WS);
          assert.ok(v.reasons.some((r) => r.rule === rule.id), `expected ${rule.id}, got ${JSON.stringify(v.reasons.map((r) => r.rule))}`);
        });
      }
      for (const cmd of rule.examples.notMatch) {
        it(`${rule.id} does not match ${JSON.stringify(cmd)}`, () => {
          const v = guard.checkCommand(cmd, WS);
          assert.ok(!v.reasons.some((r) => r.rule === rule.id), `unexpected ${rule.id}: ${JSON.stringify(v.reasons)}`);
        });
      }
    }
  });
}

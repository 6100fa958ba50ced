import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EVERYWHERE, lazyRuleIndex, loadPack, packsFor, PACK_ORDER, allPacks } from '../../../src/core/rules/registry';
import { PACK_PROGRAMS } from '../../../src/core/rules/packPrograms';
import { packProgramsSource } from '../../../scripts/pack-programs';

describe('pack programs (lazy pack loading)', () => {
  it('packPrograms.ts is what the packs say (else run: npx tsx scripts/pack-programs.ts)', () => {
    const file = readFileSync(path.join(__dirname, '../../../src/core/rules/packPrograms.ts'), 'utf8');
    assert.equal(file, packProgramsSource());
  });

  it('lists every pack, in the registry order', () => {
    assert.deepEqual(Object.keys(PACK_PROGRAMS), [...PACK_ORDER]);
    assert.deepEqual(allPacks().map((p) => p.name), [...PACK_ORDER]);
  });

  // the dispatch the evaluator used before packs were loaded lazily: every pack, every rule, in pack order
  function eagerRulesFor(program: string): string[] {
    const out: string[] = [];
    for (const pack of allPacks()) for (const rule of pack.rules) if (rule.programs.includes(program)) out.push(rule.id);
    return out;
  }

  it('gives each program the same rules in the same order as indexing every pack would', () => {
    const index = lazyRuleIndex();
    const programs = new Set(allPacks().flatMap((p) => p.rules.flatMap((r) => r.programs)));
    for (const program of [...programs, 'ls', 'no-such-program']) {
      if (program === '*') continue;
      assert.deepEqual(index.rulesFor(program).map((r) => r.id), eagerRulesFor(program), program);
    }
    assert.deepEqual(index.anyProgram.map((r) => r.id), eagerRulesFor('*'));
  });

  it('keeps the rules a pack has for every program apart, exactly as the pack lists them', () => {
    for (const [name, everywhere] of Object.entries(EVERYWHERE)) {
      const pack = loadPack(name as keyof typeof PACK_PROGRAMS);
      assert.deepEqual(everywhere(), pack.rules.filter((r) => r.programs.includes('*')), name);
    }
  });

  const needs: readonly [string, readonly string[]][] = [
    ['terraform', ['iac']],
    ['kubectl', ['kubernetes']],
    ['ls', []],
    ['psql', ['db']],
  ];
  for (const [program, packs] of needs) {
    it(`${program} needs only ${packs.join(', ') || 'no'} pack(s) beyond the filesystem pack`, () => {
      assert.deepEqual(packsFor(program).filter((p) => p !== 'fs'), packs);
    });
  }
});

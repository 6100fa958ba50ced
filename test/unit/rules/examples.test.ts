/**
 * Every rule's own examples, both ways, through the whole pipeline (parse → unwrap → rules → verdict), exactly
 * as an agent's command would be judged in a workspace at /work/ws. Also checks the packs' consistency:
 * unique ids, `<pack>.` prefixes, messages, examples present.
 */
import { strict as assert } from 'node:assert';
import { createGuard } from '../../../src/core/index';
import { allPacks } from '../../../src/core/rules/registry';

const ROOT = '/work/ws';
const guard = createGuard({ home: '/home/dev' });

function ruleIds(command: string): string[] {
  return guard.checkCommand(command, { cwd: ROOT, root: ROOT }).reasons.map((r) => r.rule);
}

describe('rule packs: consistency', () => {
  it('every rule id is unique and starts with its pack name', () => {
    const seen = new Set<string>();
    for (const pack of allPacks()) {
      for (const rule of pack.rules) {
        assert.ok(!seen.has(rule.id), `duplicate rule id ${rule.id}`);
        seen.add(rule.id);
        assert.ok(rule.id.startsWith(pack.name + '.'), `${rule.id} should start with ${pack.name}.`);
        assert.match(rule.id, /^[a-z0-9-]+\.[a-z0-9-]+$/, `${rule.id} is not <pack>.<kebab-case>`);
      }
    }
  });

  it('every rule has a sentence for people, programs and examples both ways', () => {
    for (const pack of allPacks()) {
      for (const rule of pack.rules) {
        assert.ok(rule.message.length >= 30 && /[.!]$/.test(rule.message.trim()), `${rule.id}: message should be a full sentence`);
        assert.ok(rule.programs.length > 0, `${rule.id}: no programs`);
        assert.ok(rule.examples.match.length >= 2, `${rule.id}: needs at least two matching examples`);
        assert.ok(rule.examples.notMatch.length >= 2, `${rule.id}: needs at least two non-matching examples`);
      }
    }
  });
});

for (const pack of allPacks()) {
  describe(`rule pack ${pack.name}`, () => {
    for (const rule of pack.rules) {
      describe(rule.id, () => {
        for (const cmd of rule.examples.match) {
          it(`matches: ${cmd}`, () => {
            const ids = ruleIds(cmd);
            assert.ok(ids.includes(rule.id), `expected ${rule.id} for ${JSON.stringify(cmd)}, got [${ids.join(', ')}]`);
          });
        }
        for (const cmd of rule.examples.notMatch) {
          it(`does not match: ${cmd}`, () => {
            const ids = ruleIds(cmd);
            assert.ok(!ids.includes(rule.id), `did not expect ${rule.id} for ${JSON.stringify(cmd)}`);
          });
        }
      });
    }
  });
}

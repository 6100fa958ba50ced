/** The small pure helpers the policy loader stands on: positions, suggestions, POSIX paths. */
import { strict as assert } from 'node:assert';
import { LineIndex } from '../../../src/core/policy/position';
import { closest } from '../../../src/core/policy/suggest';
import { baseName, normalizePosix, relativeTo, resolvePosix, selfAndAncestors, stem } from '../../../src/core/policy/posixPath';
import { TOP_LEVEL_KEYS } from '../../../src/core/policy/validate';

describe('policy helpers', () => {
  it('turns offsets into 1-based lines and columns for \\n, \\r\\n and \\r endings', () => {
    const idx = new LineIndex('ab\ncd\r\nef\rgh');
    const at = (o: number) => { const p = idx.at(o); return `${p.line}:${p.column}`; };
    assert.deepEqual([0, 1, 3, 4, 7, 10].map(at), ['1:1', '1:2', '2:1', '2:2', '3:1', '4:1']);
  });

  const suggestions: readonly [string, readonly string[], string | undefined][] = [
    ['protectedPath', TOP_LEVEL_KEYS, 'protectedPaths'],
    ['command', TOP_LEVEL_KEYS, 'commands'],
    ['Version', TOP_LEVEL_KEYS, 'version'],
    ['prod', TOP_LEVEL_KEYS, 'production'],
    ['protected_paths', TOP_LEVEL_KEYS, 'protectedPaths'],
    ['rules', TOP_LEVEL_KEYS, undefined],
    ['denied', ['allow', 'confirm', 'deny'], 'deny'],
    ['confrim', ['allow', 'confirm', 'deny'], 'confirm'],
    ['block', ['allow', 'confirm', 'deny'], undefined],
  ];
  for (const [word, known, expected] of suggestions) {
    it(`suggests ${expected ?? 'nothing'} for ${word}`, () => assert.equal(closest(word, known), expected));
  }

  it('resolves and relates POSIX paths without node:path', () => {
    assert.equal(normalizePosix('/a/./b/../c//d/'), '/a/c/d');
    assert.equal(normalizePosix('/../x'), '/x');
    assert.equal(normalizePosix('a/../..'), '..');
    assert.equal(resolvePosix('infra/prod', '/ws'), '/ws/infra/prod');
    assert.equal(resolvePosix('~/x', '/ws', '/home/u'), '/home/u/x');
    assert.equal(resolvePosix('~/x', '/ws'), undefined);
    assert.equal(resolvePosix('x', undefined), undefined);
    assert.equal(relativeTo('/ws', '/ws/a/b'), 'a/b');
    assert.equal(relativeTo('/ws', '/ws'), '');
    assert.equal(relativeTo('/ws', '/wsx/a'), undefined);
    assert.deepEqual(selfAndAncestors('/a/b'), ['/a', '/a/b']);
    assert.deepEqual(selfAndAncestors('a/b/c'), ['a', 'a/b', 'a/b/c']);
    assert.equal(baseName('envs/prod.tfvars'), 'prod.tfvars');
    assert.equal(stem('envs/prod.tfvars'), 'prod');
    assert.equal(stem('.env'), '.env');
  });
});

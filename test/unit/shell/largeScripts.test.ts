/**
 * The parser on large scripts: a sourced set-up script (`~/.nvm/nvm.sh` is 160 KB) is read by runs of plain
 * characters, not one character at a time, and that must not change a single node. The digests below are of
 * the trees the parser gave before it read by runs (JSON of the tree, or `ERR message offset`); a change that
 * means to change the tree records new ones with the same function, and says why.
 */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { DROPPED_BODY, parse, ParseError, type ParseLimits } from '../../../src/core/shell/parse';
import type { Node } from '../../../src/core/shell/ast';
import { versionManagerScript } from '../bypass/versionManagerShape';
import { manyFunctionsScript } from './manyFunctionsScript';

const SCRIPT: ParseLimits = { maxLength: 256 * 1024, maxDepth: 48 };
const INSTALLED: ParseLimits = { ...SCRIPT, dropFunctionBodies: true };

function digest(text: string, limits: ParseLimits): string {
  let out: string;
  try {
    out = JSON.stringify(parse(text, limits));
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    out = `ERR ${e.message} ${e.offset}`;
  }
  return createHash('sha256').update(out).digest('hex');
}

/** The tree with every function's body replaced by DROPPED_BODY, as `dropFunctionBodies` gives it. */
function withBodiesDropped(node: Node): Node {
  switch (node.type) {
    case 'function': return { ...node, body: DROPPED_BODY };
    case 'list': return { ...node, items: node.items.map((i) => ({ ...i, node: withBodiesDropped(i.node) })) };
    case 'group': case 'subshell': return { ...node, body: withBodiesDropped(node.body) };
    default: return node;
  }
}

describe('shell parser: large scripts parse to the same tree as before', () => {
  const cases: [string, string, ParseLimits, string][] = [
    ['a version manager shape, 160 KB', versionManagerScript(160_000), SCRIPT, 'bbd5a4ee19189cd7cf8532fd3af400c78f1b62ab90f9b9b1e0450d2a7bf353d2'],
    ['the same, bodies dropped (an installed script)', versionManagerScript(160_000), INSTALLED, 'fb9b57f396a8795a0cb1fd14c13c43b6b20cb190e743dfc72cb08287f4166890'],
    ['150 functions using every construct, 200 KB', manyFunctionsScript(150), SCRIPT, '3f8b388673678ea1d2eb2ca09f9f3e5ea14430137a96c8e3059660880cc048fe'],
    ['the same, bodies dropped', manyFunctionsScript(150), INSTALLED, '5b95cdc8f2ef20b966d541cc3c72abd10a7dd6ef69027c2d8f17cb9511f93251'],
  ];
  for (const [name, text, limits, want] of cases) {
    it(name, () => assert.equal(digest(text, limits), want));
  }

  it('dropping bodies changes nothing but the bodies', () => {
    const text = manyFunctionsScript(40);
    const dropped = parse(text, INSTALLED);
    assert.deepEqual(dropped, withBodiesDropped(parse(text, SCRIPT)));
    assert.ok(JSON.stringify(dropped).length < text.length, 'the bodies are not kept');
  });
});

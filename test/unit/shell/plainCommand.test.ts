/**
 * Plain commands skipped inside dropped function bodies (shell/plainCommand.ts): what the expression takes, and
 * that skipping never changes a parse. The oracle is the parser itself: a script parsed with its function bodies
 * kept builds every command, so it must fail where the dropped parse fails (same message, same offset) and
 * otherwise give the same tree once the bodies are replaced.
 */
import { strict as assert } from 'node:assert';
import { DEFAULT_LIMITS, DROPPED_BODY, parse, ParseError } from '../../../src/core/shell/parse';
import { plainCommandEnd } from '../../../src/core/shell/plainCommand';
import type { Node } from '../../../src/core/shell/ast';

const DROP = { ...DEFAULT_LIMITS, dropFunctionBodies: true };

describe('shell: plain commands', () => {
  // [text, where the plain commands starting at 0 end, or -1]
  const table: [string, number][] = [
    ['nvm_echo "${VERSION}"', 21],
    ['local PATTERN', 13],
    ['return 1; echo next', 8],
    ['[ -z "${1-}" ] || return', 24],
    ['VERSION="$(nvm_ls_current)"', 27],
    ['VERSION="$(nvm_version "${1-}" | command tail -1)" # pick one', 61],
    ['>&2 nvm_echo "$@"', 17],
    ['command ls 2>/dev/null >> log 2>&1 < in', 39],
    ['x=${NVM_SILENT:-0} y=${path%/*} "${a#*/}"', 41],
    ["echo 'any $(thing) \"here' \"a \\\" \\$ \\\\ b\" $1a $$ $#", 50],
    ['a | b && c || d', 15],
    ['echo a )', 7],
    ['echo [ ]', 8],
    // left to the parser
    ['a &&', -1], // joins the next line
    ['a &', -1],
    ['a |& b', -1],
    ['a>x', -1], // a word next to a redirect
    ['a#b', -1], // `#` inside a word
    ['if true', -1],
    ['a && fi', -1],
    ['time ls', -1],
    ['! ls', -1],
    ['{ ls; }', -1],
    ['[[ -f x ]]', -1],
    ['a[1]=x', -1], // the parser closes the subscript at the next `]`, wherever it is
    ['x=${a[1]}', -1],
    ['x=${#a}', -1],
    ["x=${a:-'q'}", -1],
    ['echo $(a $(b))', -1], // one level only
    ['echo $((1 + 2))', -1],
    ['echo `id`', -1],
    ['cat <<EOF', -1],
    ['cat <(ls)', -1],
    ['echo a\\\nb', -1],
    ['echo $\'a\'', -1],
    ['echo @(a|b)', -1],
    ['$(&& a)', -1],
    ['&>x a', -1],
    ['echo a\r', -1],
  ];
  for (const [text, end] of table) {
    it(`${JSON.stringify(text)} → ${end}`, () => assert.equal(plainCommandEnd(text, 0), end));
  }
});

/** The outcome of a parse: the tree as JSON, or the error's message and offset. */
function outcome(text: string, keep: boolean): string {
  try {
    const tree = parse(text, keep ? DEFAULT_LIMITS : DROP);
    return JSON.stringify(keep ? withBodiesDropped(tree) : tree);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    return `${e.message} @${e.offset}`;
  }
}

function withBodiesDropped(node: Node): Node {
  switch (node.type) {
    case 'function': return { ...node, body: DROPPED_BODY };
    case 'list': return { ...node, items: node.items.map((i) => ({ ...i, node: withBodiesDropped(i.node) })) };
    default: return node;
  }
}

describe('shell: skipping plain commands in dropped bodies changes no parse', () => {
  /** Pieces of plain commands and of everything next to them, joined at random (a fixed seed). */
  const PIECES = [
    'echo', 'x', '"a b"', "'q'", '$X', '${X}', '${1-}', '${X:-0}', '${X%/*}', '"$(ls -1 "$d")"', '$(pwd)', '"${X}"',
    '[', ']', ']]', '[[', 'if', 'fi', 'then', 'do', 'done', 'time', 'coproc', 'function', '!', '{', '}', '(', ')',
    ';', ';;', '&&', '||', '|', '|&', '&', '>', '>>', '>&', '2>', '&>', '<', '<<', '<(', '>(', '/dev/null', '2', '#c',
    ' # c', '\n', '\\\n', '\t', '\r', '=', 'X=', 'X=1', 'a[1]=', 'local', 'declare', '$(', '`', "$'", '$"', '$((',
    '$[', '*(', '@(', 'a*', '?', '$$', '$#', '$1a', '${#X}', '${X[1]}', '"\\"', '"$"', '$(&>x a)', '$(&& a)',
    'a&>x', 'a>x', 'a#b', '2>&1', '>&2', '"$(a)"', '$(a | b)', '$( a )', 'a|b', 'a&&b', '"$(', 'é', ' ', ' ',
  ];
  let seed = 20261127;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  it('on 4000 generated bodies, kept and dropped parses agree', () => {
    let differences = 0;
    let skippable = 0;
    for (let k = 0; k < 4000; k++) {
      let body = '';
      for (let j = 1 + random(10); j > 0; j--) body += (PIECES[random(PIECES.length)] ?? '') + (random(3) > 0 ? ' ' : '');
      if (plainCommandEnd(body, 0) >= 0) skippable++;
      for (const text of [`f() {\n${body}\n}\necho after`, `g() { ${body}; }`]) {
        if (outcome(text, true) !== outcome(text, false)) differences++;
      }
    }
    assert.equal(differences, 0);
    assert.ok(skippable > 300, `the generated bodies exercise the skipping (${skippable} of them start with plain commands)`);
  });
});

/**
 * The parser takes plain text a run at a time (parse.ts `runEnd`): in unquoted words, double quotes, `${…}`
 * arguments, backticks and `$'…'`. Each row is a command and the parts of its words, as they were when the parser
 * read one character at a time: where a run stops (a quote, `\`, `$`, a backtick, a metacharacter, an extglob's
 * `x(`, a brace inside `${…}`) must be where the character-by-character reader stopped. `u:`/`q:` are unquoted and
 * quoted literals, `$X:-{…}` a parameter with its operator and argument, `cmd(…)` a command substitution.
 */
import { strict as assert } from 'node:assert';
import { parse, ParseError } from '../../../src/core/shell/parse';
import type { Node, Part, Word } from '../../../src/core/shell/ast';

function part(p: Part): string {
  switch (p.type) {
    case 'lit': return `${p.quoted ? 'q' : 'u'}:${p.value}`;
    case 'param': return `$${p.name}${p.op ?? ''}${p.arg ? `{${p.arg.parts.map(part).join(' ')}}` : ''}`;
    case 'cmdsub': return `cmd(${firstWords(p.body).join(' ')})`;
    default: return p.type;
  }
}

/** The words of the first command, each as its parts joined with ` + `. */
function firstWords(tree: Node): string[] {
  const first = tree.type === 'list' ? tree.items[0]?.node : tree;
  return first?.type === 'simple' ? first.words.map((w: Word) => w.parts.map(part).join(' + ')) : [];
}

describe('shell parser: plain text read by runs', () => {
  const table: [string, string[]][] = [
    // globs are plain; an extglob's `@(`, `!(`, `?(`, `*(`, `+(` keeps its parentheses inside the word
    ['ls a*b x?y !x @x +x', ['u:ls', 'u:a*b', 'u:x?y', 'u:!x', 'u:@x', 'u:+x']],
    ['ls @(a|b)c !(x) ?(y)z *(q) +(r) a@(b|c) x*', ['u:ls', 'u:@(a|b)c', 'u:!(x)', 'u:?(y)z', 'u:*(q)', 'u:+(r)', 'u:a@(b|c)', 'u:x*']],
    // double quotes: runs stop at `"`, `\`, `$` and backticks
    ['echo "a \\"b\\" \\\\ \\$c \\` \\x end"', ['u:echo', 'q:a "b" \\ $c ` \\x end + q:']],
    ['echo "run $X run ${Y} `id` done"', ['u:echo', 'q:run  + $X + q: run  + $Y + q:  + cmd(u:id) + q: done + q:']],
    // `${…}` arguments: single quotes are quotes only outside double quotes; braces nest
    ["echo ${X:-'a b'} \"${X:-'a b'}\"", ['u:echo', '$X:-{q:a b}', "$X:-{q:'a b'} + q:"]],
    ['echo ${X:-{a}b} ${X/\\}/y}', ['u:echo', '$X:-{q:{a}b}', '$X/{q:}/y}']],
    // backticks: runs stop at backticks and `\`
    ['echo `printf \\`x\\` \\\\ \\$y plain`', ['u:echo', 'cmd(u:printf cmd(u:x) q:  + $y u:plain)']],
    // `$'…'`: runs stop at `'` and `\`; a backtick inside is plain
    ["echo $'ab\\x72c\\tq\\'end' $'a`b'", ['u:echo', "q:abrc\tq'end", 'q:a`b']],
    // comments run to the end of the line or of the input; a backslash at the very end is dropped
    ['echo a # comment to the end', ['u:echo', 'u:a']],
    ['echo a #', ['u:echo', 'u:a']],
    ['echo a\\', ['u:echo', 'u:a']],
  ];
  for (const [text, want] of table) {
    it(JSON.stringify(text), () => assert.deepEqual(firstWords(parse(text)), want));
  }

  const unterminated: [string, number][] = [
    ['echo "run $x', 12],
    ["echo ${X:-'a", 10],
    ['echo `a b', 5],
    ["echo $'a b", 10],
  ];
  for (const [text, offset] of unterminated) {
    it(`${JSON.stringify(text)} is an error at ${offset}`, () => assert.throws(() => parse(text), (e: unknown) => e instanceof ParseError && e.offset === offset));
  }

  // a reserved word is looked at once per position: where the position moves on, the word there is read again
  const reserved: [string, number | undefined][] = [
    ['if true; then echo fi then; fi', undefined],
    ['case fi in fi) echo esac;; esac', undefined],
    ['{ echo }; }', undefined],
    ['if fi; then x; fi', 3],
    ['while done; do :; done', 6],
  ];
  for (const [text, offset] of reserved) {
    it(`${JSON.stringify(text)} ${offset === undefined ? 'parses' : `is an error at ${offset}`}`, () => {
      if (offset === undefined) assert.doesNotThrow(() => parse(text));
      else assert.throws(() => parse(text), (e: unknown) => e instanceof ParseError && e.offset === offset);
    });
  }
});

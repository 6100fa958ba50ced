/**
 * The shell parser, table-driven: every construct the issue lists must parse and expose the commands inside it;
 * malformed input must be a ParseError (which the evaluator turns into `confirm`), never a crash or a guess.
 */
import { strict as assert } from 'node:assert';
import { DEFAULT_LIMITS, DROPPED_BODY, parse, ParseError } from '../../../src/core/shell/parse';
import type { Node } from '../../../src/core/shell/ast';
import { walkCommand } from '../../../src/core/unwrap/walk';

const ROOT = '/work/ws';

/** Programs that would run, in order, with their literal argv. */
function programs(text: string): string[] {
  const r = walkCommand(text, { cwd: ROOT, root: ROOT, home: '/home/dev', env: {}, readFile: undefined });
  assert.deepEqual(r.reasons.filter((x) => x.rule === 'shell.unparseable'), [], `unexpected parse failure for ${text}`);
  return r.invocations.map((i) => [i.program, ...i.args].join(' '));
}

describe('shell parser: constructs expose every command', () => {
  const table: [string, string[]][] = [
    ['ls -la', ['ls -la']],
    ['a; b && c || d & e', ['a', 'b', 'c', 'd', 'e']],
    ['a | b |& c', ['a', 'b', 'c']],
    ['(cd sub && make) ; { echo x; echo y; }', ['cd sub', 'make', 'echo x', 'echo y']],
    ['echo $(date) `whoami` <(sort f) >(tee g)', ['date', 'whoami', 'sort f', 'tee g', 'echo   /dev/fd/63 /dev/fd/62']],
    ['echo "$(rm -rf x)"', ['rm -rf x', 'echo ']],
    ['while read -r f; do echo "$f"; done < <(git ls-files)', ['git ls-files', 'read -r f', 'echo ']],
    ['cmd >| out 2> err &> both 2>&1 >> app', ['cmd']],
    ["echo 'a b' \"c $HOME\" d\\ e", ['echo a b c /home/dev d e']],
    ['echo a \\\n  b', ['echo a b']],
    ['X=1 Y=2 env', ['env']],
    ['f() { rm x; }; f', ['rm x']],
    ['function g { touch y; }; g', ['touch y']],
    ['if true; then a; elif false; then b; else c; fi', ['true', 'a', 'false', 'b', 'c']],
    ['for i in 1 2; do echo $i; done', ['echo 1', 'echo 2']],
    ['while read l; do echo "$l"; done < f', ['read l', 'echo ']],
    ['until false; do break; done', ['false', 'break']],
    ['case $x in a|b) one;; *) two;; esac', ['one', 'two']],
    ['cat <<EOF\nhello $(id)\nEOF', ['id', 'cat']],
    ["cat <<'EOF'\nhello $(id)\nEOF", ['cat']],
    ['cat <<-EOF\n\tindented\n\tEOF\necho after', ['cat', 'echo after']],
    ['grep x <<< "text"', ['grep x']],
    ['[[ -f $(which x) && -d y ]] && echo ok', ['which x', 'echo ok']],
    ['(( n = $(wc -l < f) + 1 ))', ['wc -l']],
    ['echo $((1 + 2))', ['echo ']],
    ["echo $'\\x72m'", ['echo rm']],
    ['for ((i=0;i<3;i++)); do echo; done', ['echo']],
    ['! grep -q x f', ['grep -q x f']],
    ['arr=(a b c); echo ok', ['echo ok']],
    ['echo {a,b}.txt', ['echo a.txt b.txt']],
    ['# a comment\nls # trailing', ['ls']],
    ['select x in a b; do echo $x; done', ['echo a', 'echo b']],
    // a redirect from a process substitution (`done < <(…)`, `mapfile < <(…)`): agents' usual way to loop over lines
    ['while read -r f; do wc -l "$f"; done < <(git ls-files)', ['git ls-files', 'read -r f', 'wc -l ']],
    ['mapfile -t files < <(git diff --name-only)', ['git diff --name-only', 'mapfile -t files']],
    ['npm test > >(tee test.log)', ['tee test.log', 'npm test']],
    // the reserved word `time` in front of a compound command measures it; in front of a simple one it is peeled
    ['time (npm run build && npm test)', ['npm run build', 'npm test']],
    ['time -p { make; }', ['make']],
    ['time for f in a b; do echo $f; done', ['echo a', 'echo b']],
    ['time npm test', ['npm test']],
    // `coproc [NAME] compound`: the body runs in the background; a simple command after it is peeled (no name then)
    ['coproc NAME { rm -rf build; }', ['rm -rf build']],
    ['coproc { make; } && echo started', ['make', 'echo started']],
    ['coproc worker ( cd sub && make ) > log', ['cd sub', 'make']],
    ['coproc W while read -r l; do echo "$l"; done', ['read -r l', 'echo ']],
    ['coproc cat; echo hi', ['cat', 'echo hi']],
    ['coproc NAME ls', ['NAME ls']],
    // arrays given to declaration builtins (scripts run with `bash x.sh` are full of them)
    ['declare -A m=([a]=1 [b]=2); echo ok', ['echo ok']],
    ['local -a xs=(a "$(id)")', ['id']],
  ];
  for (const [text, want] of table) {
    it(JSON.stringify(text), () => assert.deepEqual(programs(text), want));
  }
});

describe('shell parser: malformed input is an error, not a guess', () => {
  const bad = ['echo "unterminated', "echo 'unterminated", 'echo $(ls', 'if true; then echo', 'for x in a; do echo', 'case x in a) echo', 'a &&', '| b', 'cat <<EOF\nno end', '(echo', 'echo )', 'a ;; b', 'echo `unterminated', '${', 'f() {', 'cat < ', 'cat < <(ls', 'time (ls', 'coproc NAME { ls', 'echo a=(b)', 'declare x=(a'];
  for (const text of bad) {
    it(JSON.stringify(text), () => assert.throws(() => parse(text), ParseError));
  }
});

describe('shell parser: limits', () => {
  it('rejects input over the length limit with a limit error', () => {
    assert.throws(() => parse('x'.repeat(200_000)), (e: unknown) => e instanceof ParseError && e.limit);
  });
  it('rejects nesting deeper than the limit with a limit error', () => {
    const deep = '$('.repeat(200) + 'ls' + ')'.repeat(200);
    assert.throws(() => parse('echo ' + deep), (e: unknown) => e instanceof ParseError && e.limit);
  });
});

describe('shell parser: function bodies dropped for scripts judged by name', () => {
  const DROP = { ...DEFAULT_LIMITS, dropFunctionBodies: true };
  const items = (n: Node): readonly Node[] => (n.type === 'list' ? n.items.map((i) => i.node) : [n]);

  it('keeps the definitions and the other commands, not the bodies', () => {
    const tree = parse('a() { rm -rf ~; }\nfunction b { echo; }\nexport X=1\na', DROP);
    const nodes = items(tree);
    assert.deepEqual(nodes.map((n) => n.type), ['function', 'function', 'simple', 'simple']);
    for (const n of nodes) if (n.type === 'function') assert.equal(n.body, DROPPED_BODY);
  });
  it('still parses the bodies: an error inside one is an error', () => {
    assert.throws(() => parse('f() { if then; }\n', DROP), (e: unknown) => e instanceof ParseError);
    assert.throws(() => parse("f() { echo 'open; }\n", DROP), (e: unknown) => e instanceof ParseError);
  });
  it('reads a here-document that starts in a dropped body', () => {
    const tree = parse('f() { cat <<EOF; }\nrm -rf ~\nEOF\nls\n', DROP);
    assert.deepEqual(items(tree).map((n) => n.type), ['function', 'simple']);
  });
});

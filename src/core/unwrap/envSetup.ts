/**
 * `eval "$(pyenv init -)"`, `eval "$(conda shell.bash hook)"`, `eval "$(ssh-agent -s)"`: a version manager or
 * agent prints the variables and functions of its own set-up, and the shell takes them in. The text is only known
 * when it runs, but it is the output of a program the guard already judges by name (running `pyenv init -` itself
 * is ordinary), so `eval` of exactly that output is not code of unknown origin. Anything else in the eval'd words
 * (a variable, a second command, a download) keeps `eval` dynamic.
 */
import type { Node, Word } from '../shell/ast';

/** Programs whose output is their own shell set-up, by the sub-command that prints it. */
const SETUP_PRINTERS: ReadonlyMap<string, (args: readonly string[]) => boolean> = new Map([
  ...['pyenv', 'rbenv', 'nodenv', 'goenv', 'jenv', 'plenv', 'phpenv', 'starship', 'zoxide'].map(
    (p): [string, (a: readonly string[]) => boolean] => [p, (a) => a[0] === 'init' || (p === 'pyenv' && a[0] === 'virtualenv-init')],
  ),
  ['conda', (a) => /^shell\.[a-z]+$/.test(a[0] ?? '') && a[1] === 'hook'],
  ['direnv', (a) => a[0] === 'hook'],
  ['ssh-agent', (a) => a.every((x) => x === '-s' || x === '-c')],
  ['fnm', (a) => a[0] === 'env'],
  ['brew', (a) => a[0] === 'shellenv'],
  ['mise', (a) => a[0] === 'activate'],
  ['opam', (a) => a[0] === 'env'],
  ['minikube', (a) => a[0] === 'docker-env' || a[0] === 'podman-env'],
  ['dircolors', (a) => a.every((x) => x === '-b' || x === '--sh')],
]);

/** The one simple command a substitution body holds, as literal words; undefined for anything else. */
function literalCommand(body: Node): string[] | undefined {
  let node: Node = body;
  if (node.type === 'list') {
    if (node.items.length !== 1) return undefined;
    node = (node.items[0] as { node: Node }).node;
  }
  // stderr may go anywhere (`2>/dev/null`; a file it writes is judged when the body is walked), stdout may not
  if (node.type !== 'simple' || node.assignments.length > 0 || node.redirects.some((r) => r.fd !== 2)) return undefined;
  const out: string[] = [];
  for (const w of node.words) {
    if (w.parts.some((p) => p.type !== 'lit')) return undefined;
    out.push(w.parts.map((p) => (p.type === 'lit' ? p.value : '')).join(''));
  }
  return out;
}

/**
 * True when every word given to `eval` is only the output of a set-up printer (`"$(pyenv init -)"`). `shadowed`
 * says whether a name is a shell function or alias here (`pyenv() { curl …; }` prints what it downloads).
 */
export function evalsOnlySetupOutput(words: readonly Word[], shadowed: (name: string) => boolean): boolean {
  if (words.length === 0) return false;
  for (const w of words) {
    // `"$(…)"` is the substitution and an empty literal: nothing else may stand in the word
    const parts = w.parts.filter((x) => x.type !== 'lit' || x.value !== '');
    if (parts.length !== 1) return false;
    const p = parts[0];
    if (p?.type !== 'cmdsub') return false;
    const argv = literalCommand(p.body);
    const program = argv?.[0]?.replace(/^.*\//, '');
    const printer = program === undefined ? undefined : SETUP_PRINTERS.get(program);
    if (argv === undefined || printer === undefined || !printer(argv.slice(1)) || shadowed(argv[0] ?? '')) return false;
  }
  return true;
}

// tree-sitter-bash through web-tree-sitter (the grammar VS Code's terminal auto-approve uses).
// Error-tolerant: a tree always comes back; `hasError` says whether it contains ERROR/MISSING nodes.
import { createRequire } from 'node:module';
import { pkgVersion } from '../pkg.mjs';

const require = createRequire(import.meta.url);

export const id = 'tree-sitter';
export const label = 'tree-sitter-bash (web-tree-sitter)';

export function version() {
  return `web-tree-sitter ${pkgVersion('web-tree-sitter')} + tree-sitter-bash ${pkgVersion('tree-sitter-bash')}`;
}

/** Files a shipped extension would carry. */
export function files() {
  return {
    js: [require.resolve('web-tree-sitter')],
    wasm: [require.resolve('web-tree-sitter/tree-sitter.wasm'), require.resolve('tree-sitter-bash/tree-sitter-bash.wasm')],
  };
}

export async function load() {
  const { Parser, Language } = await import('web-tree-sitter');
  await Parser.init();
  const bash = await Language.load(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'));
  const parser = new Parser();
  parser.setLanguage(bash);
  return {
    async: false,
    parse(text) {
      const tree = parser.parse(text);
      if (!tree) return { ok: false, error: 'no tree', tree: undefined };
      const ok = !tree.rootNode.hasError;
      return { ok, error: ok ? undefined : 'tree has ERROR/MISSING nodes', tree };
    },
    /** Program names of every `command` node, anywhere (substitutions, heredoc bodies included). */
    names(tree) {
      const out = [];
      const cursor = tree.walk();
      // iterative pre-order walk over all nodes
      let descending = true;
      for (;;) {
        if (descending) {
          const node = cursor.currentNode;
          if (node.type === 'command') {
            const name = node.childForFieldName('name');
            if (name) out.push(unquote(name.text));
          }
          if (cursor.gotoFirstChild()) continue;
        }
        if (cursor.gotoNextSibling()) { descending = true; continue; }
        if (!cursor.gotoParent()) break;
        descending = false;
      }
      cursor.delete();
      return out;
    },
    free(tree) {
      tree.delete();
    },
  };
}

function unquote(s) {
  return s.replace(/^['"]|['"]$/g, '');
}

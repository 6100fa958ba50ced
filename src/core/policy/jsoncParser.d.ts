/**
 * jsonc-parser's main entry also loads its formatter, whose module set-up builds tables of indentation strings: more
 * than a third of all module initialisation in a `check` or hook run, for a formatter that judging never uses. The
 * parser module is imported directly instead (src/core/policy/parse.ts); the package ships types only for its main
 * entry, so these are those types.
 */
declare module 'jsonc-parser/lib/esm/impl/parser.js' {
  export { parseTree, stripComments } from 'jsonc-parser';
}

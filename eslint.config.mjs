// Type-aware lint. The layering rule is mechanical: src/core may import nothing with side effects
// (no vscode, no node built-ins), src/cli may not import vscode.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'os', 'path', 'process', 'worker_threads',
  'cluster', 'dgram', 'dns', 'tls', 'readline', 'vm', 'crypto', 'stream', 'module', 'url', 'util',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.e2e-artifacts/**', 'test/e2e/fixtures/**', 'bench/**', 'scripts/**', 'esbuild.mjs', 'eslint.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['vscode', ...nodeBuiltins].map((name) => ({ name, message: 'src/core is pure: no editor API, no I/O. Pass what you need in from the adapter.' })),
        patterns: [{ group: ['node:*', '**/cli/**', '**/vscode/**'], message: 'src/core is pure: no node built-ins, no adapters.' }],
      }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'src/core has no globals: take it as a parameter.' },
        { name: 'require', message: 'src/core imports statically.' },
        { name: 'setTimeout', message: 'src/core is synchronous and pure.' },
        { name: 'console', message: 'src/core does not print.' },
        { name: 'fetch', message: 'src/core does no I/O.' },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The CLI runs outside the editor.' }],
        patterns: [{ group: ['**/vscode/**'], message: 'The CLI does not depend on the extension.' }],
      }],
    },
  },
  {
    // every agent tool call starts the CLI afresh: a namespace or default import of a Node built-in becomes a copy of
    // all its properties at start-up (esbuild's interop helper), which cost a garbage collection per hook run
    files: ['src/cli/**/*.ts', 'src/shared/**/*.ts'],
    ignores: ['src/cli/loader/**'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "ImportDeclaration[source.value=/^node:/][importKind!='type'] > :matches(ImportNamespaceSpecifier, ImportDefaultSpecifier)",
        message: "Import Node built-ins by name (import { readFileSync } from 'node:fs'): the bundle then uses the module as is, with no copy of its properties at start-up.",
      }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);

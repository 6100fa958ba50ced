/** Which protected files a recursive delete of a directory takes, for globs that match at any depth. */
import { strict as assert } from 'node:assert';
import { anyDepthDirs, deletedDirectoryTakes, directorySegments } from '../../../src/core/paths/globCover';

describe('deleting a directory under any-depth globs', () => {
  const dirs: readonly [string, readonly string[]][] = [
    ['**/.vscode/settings.json', ['.vscode']],
    ['**/.github/hooks/**', ['.github', 'hooks']],
    ['**/.codex/*.toml', ['.codex']],
    ['**/*.pem', []], // no fixed directory
    ['.github/workflows/**', []], // anchored: the evaluator compares its prefix instead
  ];
  for (const [glob, expected] of dirs) {
    it(`${glob} has the fixed directories ${JSON.stringify(expected)}`, () => assert.deepEqual(anyDepthDirs(glob), expected));
  }

  const deletes: readonly [string, string, boolean][] = [
    ['**/.vscode/settings.json', '.vscode', true],
    ['**/.vscode/settings.json', 'pkg/.vscode', true],
    ['**/.vscode/settings.json', './pkg/.vscode/', true],
    ['**/.vscode/settings.json', 'src', false],
    ['**/.github/hooks/**', '/work/app/.github', true], // takes .github/hooks with it
    ['**/.github/hooks/**', '.github/hooks', true],
    ['**/.github/hooks/**', 'hooks', false], // a `hooks` folder elsewhere
    ['**/*.pem', 'certs', false], // what it holds cannot be known without the file system
  ];
  for (const [glob, dir, expected] of deletes) {
    it(`rm -r ${dir} ${expected ? 'takes' : 'does not take'} ${glob}`, () => {
      assert.equal(deletedDirectoryTakes(anyDepthDirs(glob), directorySegments(dir)), expected);
    });
  }
});

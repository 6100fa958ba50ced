/**
 * Red-team finding (session 5): an edit tool's delete was judged as the deletion of that one path, so deleting the
 * folder holding protected files (`.vscode`, `.github`, a team's `infra/prod/**`) passed while `rm -r` of the same
 * folder was asked about. A delete tool given a folder removes what is in it.
 */
import { strict as assert } from 'node:assert';
import { createGuard } from '../../../src/core/index';

const ROOT = '/work/ws';
const guard = createGuard({ home: '/home/dev' });

describe('edit tools: deleting a folder takes the protected files in it', () => {
  const cases: Array<[string, string]> = [
    ['.vscode', 'path.guard-policy'],
    ['.github', 'path.ci-workflows'],
    ['.git', 'path.git-internals'],
    ['.claude', 'path.agent-config'],
  ];
  for (const [folder, rule] of cases) {
    it(`delete ${folder} → ${rule}`, () => {
      const v = guard.checkEdit(folder, 'delete', { root: ROOT });
      assert.equal(v.decision, 'confirm');
      assert.ok(v.reasons.some((r) => r.rule === rule), JSON.stringify(v.reasons));
    });
  }
  for (const file of ['src/a.ts', 'src', 'dist', 'docs/notes.md']) {
    it(`delete ${file} stays ordinary`, () => assert.equal(guard.checkEdit(file, 'delete', { root: ROOT }).decision, 'allow'));
  }
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// `vsce package` (the E2E's and a release's first step) refuses a README with relative links when package.json
// names no repository: name other files in plain text instead
describe('README.md', () => {
  it('has no relative markdown links', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    const relative = [...readme.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1] ?? '').filter((target) => !/^(https?:|mailto:|#)/.test(target));
    assert.deepEqual(relative, []);
  });
});

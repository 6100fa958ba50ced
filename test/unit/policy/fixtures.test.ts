/**
 * Every fixture policy: valid ones load cleanly, each broken one fails with the error its first line
 * announces (`// expect: LINE:COLUMN text`), at that exact position.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildPolicy } from '../../../src/core/policy/layers';
import { formatDiagnostic } from '../../../src/core/policy/diagnostics';

const DIR = path.join(__dirname, '../../fixtures/policies');

function load(file: string, text: string) {
  return buildPolicy({ workspace: { file, text }, workspaceTrusted: true, root: '/ws', home: '/home/u' });
}

describe('policy fixtures', () => {
  describe('valid', () => {
    for (const name of fs.readdirSync(path.join(DIR, 'valid'))) {
      it(name, () => {
        const text = fs.readFileSync(path.join(DIR, 'valid', name), 'utf8');
        const built = load(name, text);
        const errors = built.diagnostics.filter((d) => d.severity === 'error');
        assert.deepEqual(errors.map(formatDiagnostic), []);
        assert.equal(built.policy.loadError, undefined);
        const warnings = /^\/\/ warnings: (\d+)/.exec(text);
        assert.equal(built.diagnostics.filter((d) => d.severity === 'warning').length, warnings ? Number(warnings[1]) : 0, built.diagnostics.map(formatDiagnostic).join('\n'));
      });
    }
  });

  describe('broken', () => {
    const names = fs.readdirSync(path.join(DIR, 'broken'));
    it('has one fixture for each kind of problem', () => assert.ok(names.length >= 40, `${names.length} fixtures`));
    for (const name of names) {
      it(name, () => {
        const text = fs.readFileSync(path.join(DIR, 'broken', name), 'utf8');
        const m = /^\/\/ expect: (\d+):(\d+) (.+)$/m.exec(text.split('\n')[0] ?? '');
        assert.ok(m, `${name}: first line must be "// expect: LINE:COLUMN text"`);
        const [, line, column, expected] = m;
        const built = load(name, text);
        assert.ok(built.policy.loadError !== undefined, 'a broken policy must set loadError');
        const errors = built.diagnostics.filter((d) => d.severity === 'error');
        const hit = errors.find((d) => d.message.includes(expected ?? ''));
        assert.ok(hit, `no error contains ${JSON.stringify(expected)}; got:\n${errors.map(formatDiagnostic).join('\n')}`);
        assert.equal(`${hit.line}:${hit.column}`, `${line}:${column}`, formatDiagnostic(hit));
        assert.ok(built.policy.loadError.includes(name), 'loadError names the file');
      });
    }
  });

  it('an empty file is an error at 1:1', () => {
    const built = load('empty.json', '');
    assert.match(built.policy.loadError ?? '', /empty\.json:1:1: the file is empty/);
  });

  it('a file of only comments is an error', () => {
    const built = load('c.json', '// nothing here\n');
    assert.ok(built.policy.loadError !== undefined);
  });
});

/**
 * VS Code's own JSON language service validates `.vscode/agent-guard.json` with the schema (a wrong key shows a
 * problem in the Problems view even before Agent Guard loads the file). The schema must therefore reject every
 * broken fixture a schema can see — everything but syntax errors and problems that need the whole file
 * (duplicates) or a regex engine — and never reject what the loader accepts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { parseJsonc as parsePolicy } from '../../../../src/core/policy/parse';
import { validatePolicy } from '../../../../src/core/policy/validate';
import { STARTER_POLICY } from '../../../../src/core/policy/starter';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Ajv = require('ajv') as new (opts: object) => { addKeyword(name: string): unknown; compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } };

const ROOT = path.join(__dirname, '../../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/policies');
const NOT_SEEN_BY_A_SCHEMA = new Set(['duplicate-key.json', 'id-duplicate.json', 'regex-invalid.json']);

function validator(): (data: unknown) => boolean {
  const ajv = new Ajv({ allErrors: true });
  for (const k of ['allowComments', 'allowTrailingCommas', 'enumDescriptions', 'markdownDescription', 'markdownEnumDescriptions', 'doNotSuggest', 'errorMessage']) ajv.addKeyword(k);
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/agent-guard.schema.json'), 'utf8')) as object);
}

describe('policy JSON schema is as strict as the loader', () => {
  const validate = validator();
  for (const name of fs.readdirSync(path.join(FIXTURES, 'broken')).sort()) {
    if (name.startsWith('syntax-') || NOT_SEEN_BY_A_SCHEMA.has(name)) continue;
    it(`rejects broken/${name}`, () => {
      const data: unknown = parseJsonc(fs.readFileSync(path.join(FIXTURES, 'broken', name), 'utf8'), [], { allowTrailingComma: true });
      assert.equal(validate(data), false);
    });
  }

  const accepted: Array<[string, string]> = [
    ['home and absolute globs', '{ "version": 1, "protectedPaths": ["~/.ssh/**", "/etc/hosts", "~"] }'],
    ['braces and classes in globs', '{ "version": 1, "protectedPaths": ["**/*.{pem,key}", "data/[ab]/**"], "production": { "paths": ["deploy/{eu,us}/prod"] } }'],
    ['multi-word sub-commands and option patterns', '{ "version": 1, "commands": [{ "program": "terraform", "subcommand": ["workspace select", "apply"], "args": ["-auto-approve", "--var=*"], "decision": "confirm", "reason": "CI applies." }] }'],
    ['dotted names and a leading dot segment', '{ "version": 1, "protectedPaths": ["./infra/prod/**", ".github/**"] }'],
    ['the starter policy', STARTER_POLICY],
  ];
  for (const [name, text] of accepted) {
    it(`accepts what the loader accepts: ${name}`, () => {
      const parsed = parsePolicy(text, 'p.json');
      assert.ok(parsed.root !== undefined);
      assert.ok(validatePolicy(parsed.root, 'p.json', parsed.lines).document !== undefined, 'the loader rejects it');
      assert.ok(validate(parseJsonc(text, [], { allowTrailingComma: true })), 'the schema rejects it');
    });
  }
});

/**
 * The JSON Schema the editor completes from says the same as the loader: same keys, closed objects,
 * the valid fixtures pass it and the broken ones it can see fail it.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { ALLOW_KEYS, COMMAND_RULE_KEYS, COMMAND_TEST_KEYS, EDIT_TEST_KEYS, PRODUCTION_KEYS, PROTECTED_PATH_KEYS, TOP_LEVEL_KEYS } from '../../../src/core/policy/validate';
import { STARTER_POLICY } from '../../../src/core/policy/starter';

// ajv (draft-07), a devDependency used only here, to check the schema itself.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Ajv = require('ajv') as new (opts: object) => { addKeyword(name: string): unknown; compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } };

/** Strict ajv, knowing the keywords VS Code adds to JSON Schema for JSONC files. */
function vscodeAjv(): InstanceType<typeof Ajv> {
  const ajv = new Ajv({ allErrors: true });
  ajv.addKeyword('allowComments');
  ajv.addKeyword('allowTrailingCommas');
  for (const k of ['enumDescriptions', 'markdownDescription', 'markdownEnumDescriptions', 'deprecationMessage', 'defaultSnippets', 'errorMessage', 'doNotSuggest']) ajv.addKeyword(k);
  return ajv;
}

const ROOT = path.join(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/policies');
type Schema = { properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; additionalProperties?: unknown; type?: string };
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/agent-guard.schema.json'), 'utf8')) as Schema & { $schema: string };

function keys(s: Schema | undefined): string[] {
  return Object.keys(s?.properties ?? {}).sort();
}
function objectBranch(s: Schema | undefined): Schema | undefined {
  return s?.type === 'object' ? s : s?.anyOf?.find((b) => b.type === 'object');
}
const sorted = (list: readonly string[]): string[] => [...list].sort();

describe('policy JSON schema', () => {
  const props = schema.properties ?? {};

  it('is draft-07', () => assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#'));

  it('has the keys the loader accepts, at every level', () => {
    assert.deepEqual(keys(schema), sorted(TOP_LEVEL_KEYS));
    assert.deepEqual(keys(objectBranch(props.protectedPaths?.items)), sorted(PROTECTED_PATH_KEYS));
    assert.deepEqual(keys(props.commands?.items), sorted(COMMAND_RULE_KEYS));
    assert.deepEqual(keys(props.allow?.items), sorted(ALLOW_KEYS));
    assert.deepEqual(keys(props.production), sorted(PRODUCTION_KEYS));
    const testBranches = props.tests?.items?.anyOf ?? [];
    assert.deepEqual(testBranches.map(keys), [sorted(COMMAND_TEST_KEYS), sorted(EDIT_TEST_KEYS)]);
  });

  it('closes every object with additionalProperties: false (except the env map)', () => {
    const open: string[] = [];
    const walk = (s: unknown, where: string): void => {
      if (s === null || typeof s !== 'object') return;
      const o = s as Schema & Record<string, unknown>;
      if (o.properties !== undefined && o.additionalProperties !== false) open.push(where);
      for (const [k, v] of Object.entries(o)) if (k !== 'examples' && k !== 'default') walk(v, `${where}/${k}`);
    };
    walk(schema, '#');
    assert.deepEqual(open, []);
  });

  it('describes every property', () => {
    const missing: string[] = [];
    const walk = (s: Schema | undefined, where: string): void => {
      for (const [k, v] of Object.entries(s?.properties ?? {})) {
        if (typeof (v as { description?: unknown }).description !== 'string') missing.push(`${where}.${k}`);
        walk(v, `${where}.${k}`);
        walk(v.items, `${where}.${k}[]`);
        for (const b of v.items?.anyOf ?? []) walk(b, `${where}.${k}[]`);
      }
    };
    walk(schema, '');
    assert.deepEqual(missing, []);
  });

  const validate = vscodeAjv().compile(schema);

  it('accepts the valid fixtures (those without warnings) and the starter policy', () => {
    for (const name of fs.readdirSync(path.join(FIXTURES, 'valid'))) {
      const text = fs.readFileSync(path.join(FIXTURES, 'valid', name), 'utf8');
      // files that load with warnings (a listed-twice operation) are flagged by the editor too
      if (text.startsWith('// warnings:')) continue;
      const data: unknown = parseJsonc(text, [], { allowTrailingComma: true });
      assert.ok(validate(data), `${name}: ${JSON.stringify(validate.errors)}`);
    }
    assert.ok(validate(parseJsonc(STARTER_POLICY, [], { allowTrailingComma: true })), JSON.stringify(validate.errors));
  });

  const shapeErrors = [
    'unknown-top-key', 'unknown-nested-key', 'missing-version', 'wrong-version', 'decision-unknown', 'decision-allow-in-commands',
    'decision-allow-in-protected', 'risk-unknown', 'ops-not-a-list', 'ops-unknown', 'ops-empty', 'wrong-type-list', 'wrong-type-item',
    'missing-reason', 'missing-decision', 'command-without-matcher', 'allow-without-program', 'allow-without-reason', 'production-unknown-key',
    'production-not-a-list', 'test-unknown-decision', 'test-missing-expect', 'test-command-and-edit', 'test-neither', 'test-op-on-command',
    'test-bad-env', 'glob-empty',
  ];
  for (const name of shapeErrors) {
    it(`rejects broken/${name}.json`, () => {
      const data: unknown = parseJsonc(fs.readFileSync(path.join(FIXTURES, 'broken', `${name}.json`), 'utf8'), [], { allowTrailingComma: true });
      assert.equal(validate(data), false);
    });
  }
});

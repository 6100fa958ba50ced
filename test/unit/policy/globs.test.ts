/** Path globs (protected paths, production paths) and name globs (contexts, profiles, URLs). */
import { strict as assert } from 'node:assert';
import { compileNameGlob, compilePathGlob, nameGlobProblem, pathGlobProblem, tidyPathGlob } from '../../../src/core/policy/globs';

const ROOT = '/ws';

function rel(p: string): string | undefined {
  return p.startsWith(ROOT + '/') ? p.slice(ROOT.length + 1) : undefined;
}

const pathCases: readonly [glob: string, abs: string, matches: boolean][] = [
  ['infra/prod/**', '/ws/infra/prod/main.tf', true],
  ['infra/prod/**', '/ws/infra/prod/modules/db/main.tf', true],
  ['infra/prod/**', '/ws/infra/staging/main.tf', false],
  ['infra/prod', '/ws/infra/prod/main.tf', true], // a folder covers what is inside
  ['infra/prod/', '/ws/infra/prod/main.tf', true],
  ['./infra/prod', '/ws/infra/prod/main.tf', true],
  ['*.tfstate', '/ws/infra/prod/terraform.tfstate', true], // no slash: any depth
  ['*.tfstate', '/ws/terraform.tfstate.backup', false],
  ['.env*', '/ws/app/.env.local', true], // dot files included
  ['docs/*.md', '/ws/docs/adr/0001.md', false],
  ['docs/*.md', '/ws/docs/README.md', true],
  ['migrations/**', '/ws/migrations', true],
  ['/etc/hosts', '/etc/hosts', true],
  ['/etc/hosts', '/ws/etc/hosts', false],
  ['~/notes/**', '/home/u/notes/a.md', true],
  ['~/notes/**', '/ws/notes/a.md', false],
  ['infra/prod/**', '/elsewhere/infra/prod/main.tf', false], // relative globs stay in the workspace
  ['**/secrets/**', '/elsewhere/secrets/key', true],
];

describe('path globs', () => {
  for (const [glob, abs, expected] of pathCases) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${abs}`, () => {
      assert.equal(compilePathGlob(glob, { home: '/home/u' }).match(rel(abs), abs) !== undefined, expected);
    });
  }

  it('names the matching folder (the shortest ancestor that matches)', () => {
    assert.equal(compilePathGlob('infra/prod').match('infra/prod/eu/main.tf', '/ws/infra/prod/eu/main.tf'), 'infra/prod');
  });

  it('matches nothing for ~/ globs when home is unknown', () => {
    assert.equal(compilePathGlob('~/notes/**').match(undefined, '/home/u/notes/a.md'), undefined);
  });

  it('tidies leading ./ and trailing /', () => {
    assert.equal(tidyPathGlob('./a/b/'), 'a/b');
    assert.equal(tidyPathGlob('/'), '/');
  });

  const problems: readonly [string, RegExp | undefined][] = [
    ['infra/**', undefined],
    ['', /empty/],
    [' infra/**', /spaces/],
    ['!infra/**', /negation/],
    ['infra\\prod', /backslash/],
    ['C:/work', /Windows/],
    ['~root/x', /~user/],
    ['../x', /\.\./],
    ['a/./b', /"\." segment/],
    ['a/[bc', /"\[" that is never closed/],
    ['a/{b,c', /"\{" that is never closed/],
    ['a/b}', /"\}" without a matching/],
    ['a/[!bc]/d', undefined],
    ['a/\\[x', /backslash/],
  ];
  for (const [glob, expected] of problems) {
    it(`${JSON.stringify(glob)} ${expected === undefined ? 'is fine' : 'is rejected: ' + expected.source}`, () => {
      const p = pathGlobProblem(glob);
      if (expected === undefined) assert.equal(p, undefined);
      else assert.match(p ?? '', expected);
    });
  }
});

describe('name globs', () => {
  const cases: readonly [string, string, boolean][] = [
    ['*prod*', 'prod-eu', true],
    ['*prod*', 'arn:aws:eks:eu-west-1:1:cluster/prod-main', true], // * crosses / and :
    ['*prod*', 'PRODUCTION', true],
    ['*prod*', 'staging', false],
    ['prod-*', 'prod-eu', true],
    ['prod-*', 'preprod-eu', false],
    ['prod-{eu,us}', 'prod-us', true],
    ['prod-{eu,us}', 'prod-ap', false],
    ['prod-?', 'prod-1', true],
    ['prod-[0-9]', 'prod-7', true],
    ['prod-[!0-9]', 'prod-7', false],
    ['a.b', 'aXb', false], // dots are literal
    ['prod\\*', 'prod*', true],
  ];
  for (const [glob, name, expected] of cases) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${name}`, () => assert.equal(compileNameGlob(glob).test(name), expected));
  }
  it('rejects unbalanced brackets', () => {
    assert.match(nameGlobProblem('prod-{eu') ?? '', /never closed/);
    assert.match(nameGlobProblem('') ?? '', /empty/);
    assert.equal(nameGlobProblem('prod-*'), undefined);
  });
});

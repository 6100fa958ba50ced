/** Path globs (protected paths, production paths) and name globs (contexts, profiles, URLs). */
import { strict as assert } from 'node:assert';
import { Minimatch } from 'minimatch';
import { compileNameGlob, compilePathGlob, nameGlobProblem, pathGlobProblem, requiredLiteral, tidyPathGlob } from '../../../src/core/policy/globs';
import { selfAndAncestors } from '../../../src/core/policy/posixPath';

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
  ['**/.codex/**', '/ws/.codex', true], // a globstar matches zero folders
  ['**/.codex/**', '/ws/a/.codex/hooks.json', true],
  ['**/.codex/**', '/ws/a/codex/hooks.json', false],
  ['+(ab|cd).txt', '/ws/x/cdab.txt', true], // extglob
  ['+(ab|cd).txt', '/ws/x/ef.txt', false],
  ['{secrets,conf/keys}', '/ws/app/secrets', true], // a brace set mixing a name and a path
  ['{secrets,conf/keys}', '/ws/conf/keys/a', true],
  ['{secrets,conf/keys}', '/ws/app/conf/keys', false],
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

  // the compiled matcher must say exactly what minimatch's own `match` over the path and its ancestors says
  const sameAsMinimatch: readonly string[] = ['{prod,production}', '{prod,production}[-_.]*', '*[-_.]{prod,production}', '*[-_.]{prod,production}[-_.]*', 'app{.prod,.production}.yml', '**/.env.*', '*.pem', 'infra/{prod,stage}/**', '@(infra)/**', 'x?y/**', 'a[bc]d/**', '!(foo)', '.vscode/*.json', '**/{Code,Cursor}/User/settings.json', 'src/**/*.ts'];
  const paths: readonly string[] = ['.env.local', 'a/.env.x', 'k/id.pem', 'infra/prod/main.tf', 'infra/dev/x', 'xay/q', 'abd/e', 'acd', 'foo', 'bar', '.vscode/tasks.json', 'h/Cursor/User/settings.json', 'src/a/b.ts', 'src', '.ENV.local', 'infra/PROD/x', 'production.tfvars', 'env/eu-prod/main.tf', 'src/products/a.ts', 'deploy/prod.x/y', 'app.prod.yml', 'app.production.yml', 'app.yml'];
  for (const glob of sameAsMinimatch) {
    for (const nocase of [false, true]) {
      it(`${glob}${nocase ? ' (nocase)' : ''} decides like minimatch over every ancestor`, () => {
        const mm = new Minimatch(glob, { dot: true, nocomment: true, nonegate: true, matchBase: true, nocase });
        const folder = glob.endsWith('/**') ? new Minimatch(glob.slice(0, -3), { dot: true, matchBase: true, nocase }) : undefined;
        const compiled = compilePathGlob(glob, { nocase });
        for (const p of paths) {
          const expected = selfAndAncestors(p).find((a) => mm.match(a) || (folder?.match(a) ?? false));
          assert.equal(compiled.match(p, '/ws/' + p), expected, p);
        }
      });
    }
  }

  it('the workspace root itself (the empty relative path) matches as minimatch says, without compiling globs that need a literal', () => {
    for (const glob of [...sameAsMinimatch, '**', '*', '{,prod}']) {
      const mm = new Minimatch(glob, { dot: true, nocomment: true, nonegate: true, matchBase: true });
      assert.equal(compilePathGlob(glob).match('', '/ws'), mm.match('') ? '' : undefined, glob);
    }
  });

  const literals: readonly [string, string][] = [
    ['**/.codex/**', '.codex'],
    ['*.pem', '.pem'],
    ['**/{Code,Cursor}/User/settings.json', 'settings.json'],
    ['+(ab|cd).txt', '.txt'],
    ['a[bc]d', ''], // single letters are not worth a check
    ['**', ''],
    ['/run/user/*/agent-guard/**', 'agent-guard'],
    // the default production path globs: the shared start of a brace set's alternatives counts
    ['{prod,production}', 'prod'],
    ['{prod,production}[-_.]*', 'prod'],
    ['*[-_.]{prod,production}', 'prod'],
    ['env/{prod,production}-*', 'prod'],
    ['app{.prod,.production}.yml', 'app.prod'],
    ['{a,b}c.json', 'c.json'],
    ['{x.json,x.json}', 'x.json'],
    ['{x.json,x.json}.bak', 'x.json.bak'], // every alternative is the shared text: the literal goes on
    ['{*.ts,*.tsx}', ''],
    ['{prod/a,prod/b}', 'prod'],
    ['{prod}', ''], // no comma: not an alternation
    ['{1..3}prod', 'prod'],
    ['{ab,{ab,cd}}xy', 'xy'],
    // without a set, class or group: the longest plain run, the first of equal ones
    ['**/id_rsa*', 'id_rsa'],
    ['.git/**', '.git'],
    ['a/bc/de', 'bc'],
    ['**/x', ''],
    ['ab|cde?', 'cde'],
    ['x)yz]ab}', 'yz'],
  ];
  for (const [glob, literal] of literals) {
    it(`every path ${glob} matches contains ${JSON.stringify(literal)}`, () => assert.equal(requiredLiteral(glob), literal));
  }

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

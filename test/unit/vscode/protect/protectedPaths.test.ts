import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadPolicy } from '../../../../src/cli/policy/load';
import type { Policy } from '../../../../src/core/policy/types';
import { isVolatilePath, isWatchedProtectedFile, protectionOf, relativeToRoot, snapshotSearchGlobs } from '../../../../src/vscode/protect/protectedPaths';

describe('protected-file watch: which paths', () => {
  let scratch: string;
  let root: string;
  let policy: Policy;

  before(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ag-protect-paths-'));
    root = path.join(scratch, 'ws');
    const home = path.join(scratch, 'home');
    fs.mkdirSync(path.join(root, '.vscode'), { recursive: true });
    fs.mkdirSync(home);
    fs.writeFileSync(path.join(root, '.vscode', 'agent-guard.json'), JSON.stringify({ version: 1, protectedPaths: ['infra/prod', { glob: 'migrations/**', ops: ['delete'] }] }));
    policy = loadPolicy({ root, cwd: root, home, env: { HOME: home }, includeUser: false, workspaceTrusted: true, report: undefined }).policy;
    assert.equal(policy.loadError, undefined);
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  const watched: Array<[string, boolean, string | undefined]> = [
    // [path relative to the workspace, watched, the protecting rule]
    ['.env', true, 'path.secrets'],
    ['services/api/.env.local', true, 'path.secrets'],
    ['.env.production', true, 'path.secrets'],
    // the templates a project commits for others to copy hold no secrets
    ['.env.example', false, undefined],
    ['apps/web/.env.sample', false, undefined],
    ['.vscode/settings.json', true, 'path.agent-config'],
    ['.vscode/agent-guard.json', true, 'path.guard-policy'],
    ['.github/workflows/ci.yml', true, 'path.ci-workflows'],
    ['.claude/settings.local.json', true, 'path.agent-config'],
    ['infra/prod/main.tf', true, 'workspace.protectedPaths[0]'],
    ['migrations/001.sql', true, 'workspace.protectedPaths[1]'],
    ['src/index.ts', false, undefined],
    ['README.md', false, undefined],
    // protected, but churns by itself: not watched
    ['.git/HEAD', false, 'path.git-internals'],
    ['node_modules/pkg/.npmrc', false, 'path.secrets'],
  ];
  for (const [rel, expected, rule] of watched) {
    it(`${rel}: ${expected ? 'watched' : 'not watched'}${rule ? ` (${rule})` : ''}`, () => {
      const abs = path.join(root, rel);
      assert.equal(isWatchedProtectedFile(policy, root, abs), expected);
      assert.equal(protectionOf(policy, root, abs)?.id, rule);
    });
  }

  it('a file outside the workspace and the workspace folder itself are not watched', () => {
    assert.equal(isWatchedProtectedFile(policy, root, path.join(scratch, 'elsewhere', '.env')), false);
    assert.equal(isWatchedProtectedFile(policy, root, root), false);
  });

  const relatives: Array<[string, string | undefined]> = [
    ['a/b.txt', 'a/b.txt'],
    ['', ''],
    ['../x', undefined],
    ['..foo/bar', '..foo/bar'],
  ];
  for (const [rel, expected] of relatives) {
    it(`relativeToRoot(${JSON.stringify(rel)}) → ${String(expected)}`, () => {
      assert.equal(relativeToRoot('/w/root', path.posix.join('/w/root', rel)), expected);
    });
  }

  const volatile: Array<[string, boolean]> = [
    ['.git/index', true],
    ['sub/.git/config', true],
    ['node_modules/a/.env', true],
    ['home/.cache/agent-guard/bridge.json', true],
    ['home/.local/state/agent-guard/audit.jsonl', true],
    ['/run/user/1000/agent-guard/x', true],
    ['home/.config/agent-guard/policy.json', false],
    ['.github/workflows/ci.yml', false],
    ['gitignore/.env', false],
  ];
  for (const [p, expected] of volatile) {
    it(`isVolatilePath(${p}) → ${expected}`, () => assert.equal(isVolatilePath(p), expected));
  }

  it('search globs: the workspace-relative protected globs (and what is inside them), not git internals, not home-only places', () => {
    const globs = snapshotSearchGlobs(policy);
    for (const g of ['**/.env', '**/.env/**', '**/.vscode/settings.json', '.github/workflows/**', 'infra/prod', 'infra/prod/**', 'migrations/**']) {
      assert.ok(globs.includes(g), `missing ${g} in ${globs.join(' ')}`);
    }
    for (const g of ['.git', '.git/**', '**/.git/**', '~/.config/agent-guard/**', '**/.cache/agent-guard/**']) {
      assert.ok(!globs.includes(g), `unexpected ${g}`);
    }
    assert.equal(new Set(globs).size, globs.length, 'no duplicates');
  });
});

/**
 * The policy commands of the built CLI (`dist/cli.js`), run as a person or CI would: `test`, `init`,
 * `explain`, and `check` finding `.vscode/agent-guard.json` by walking up. Everything happens in a scratch
 * directory this test creates; HOME and XDG_CONFIG_HOME point into it so no real user policy is read.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const FIXTURES = path.resolve(__dirname, '../fixtures/policies');

let scratch: string;
let home: string;

function run(args: readonly string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, out: r.stdout + r.stderr };
}

/** A workspace with the given policy text (or none). */
function workspace(name: string, policy: string | undefined): string {
  const dir = path.join(scratch, name);
  fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'infra/prod/eu'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  if (policy !== undefined) fs.writeFileSync(path.join(dir, '.vscode/agent-guard.json'), policy);
  return dir;
}

function check(args: readonly string[], cwd: string, env: Record<string, string> = {}) {
  const r = run(['check', '--json', ...args], cwd, env);
  return { ...r, verdict: JSON.parse(r.stdout) as { decision: string; risk: string; typedConfirmation?: string; reasons: { rule: string; message: string }[] } };
}

describe('policy commands (built CLI)', function () {
  before(function () {
    if (!fs.existsSync(CLI)) throw new Error('dist/cli.js missing: run `npm run build` first');
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-guard-policy-'));
    home = path.join(scratch, 'home');
    fs.mkdirSync(home, { recursive: true });
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  describe('agent-guard test', () => {
    it('passes every example of the team fixture and exits 0', () => {
      const ws = workspace('team', fs.readFileSync(path.join(FIXTURES, 'valid/team.json'), 'utf8'));
      const r = run(['test'], ws);
      assert.equal(r.status, 0, r.out);
      assert.equal(r.stdout.match(/^ {2}PASS /gm)?.length, 5, r.out);
      assert.match(r.stdout, /5 examples: 5 passed, 0 failed/);
    });

    it('finds the policy by walking up from a sub-directory', () => {
      const ws = workspace('walk', '{ "version": 1, "tests": [{ "command": "git status", "expect": "allow" }] }');
      const r = run(['test'], path.join(ws, 'infra/prod/eu'));
      assert.equal(r.status, 0, r.out);
      assert.match(r.stdout, /PASS {2}line 1 {2}git status/);
    });

    it('prints FAIL for a broken example and exits 1', () => {
      const ws = workspace('failing', '{\n  "version": 1,\n  "tests": [\n    { "command": "ls -la", "expect": "deny" }\n  ]\n}\n');
      const r = run(['test', '--policy', path.join(ws, '.vscode/agent-guard.json')], scratch);
      assert.equal(r.status, 1, r.out);
      assert.match(r.stdout, /FAIL {2}line 4 {2}ls -la → expected deny, got allow/);
      assert.match(r.stdout, /1 example: 0 passed, 1 failed/);
    });

    it('reports a policy that does not load with file, line and column, and exits 1', () => {
      const ws = workspace('unknown-key', fs.readFileSync(path.join(FIXTURES, 'broken/unknown-top-key.json'), 'utf8'));
      const r = run(['test', '--policy', '.vscode/agent-guard.json'], ws);
      assert.equal(r.status, 1, r.out);
      assert.match(r.stderr, /\.vscode\/agent-guard\.json:4:3: error: unknown key "protectedPath" in the policy\. Did you mean "protectedPaths"\?/);
      assert.match(r.stdout, /FAIL {2}the policy does not load/);
    });

    it('exits 1 when there is no policy to test, and says how to make one', () => {
      const dir = path.join(scratch, 'empty');
      fs.mkdirSync(dir, { recursive: true });
      const r = run(['test'], dir);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /no policy found.*agent-guard init/s);
    });

    it('exits 1 for a --policy file that does not exist', () => {
      const r = run(['test', '--policy', 'nope.json'], scratch);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /nope\.json:1:1: error: cannot read the policy file: no such file/);
    });

    it('runs the user policy\'s examples too, unless --no-user', () => {
      const dir = path.join(home, '.config/agent-guard');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'policy.json'), '{ "version": 1, "tests": [{ "command": "ls", "expect": "deny" }] }');
      try {
        const ws = workspace('with-user', '{ "version": 1, "tests": [{ "command": "git status", "expect": "allow" }] }');
        const both = run(['test'], ws);
        assert.equal(both.status, 1, both.out);
        assert.match(both.stdout, /policy\.json\n {2}FAIL {2}line 1 {2}ls/);
        const teamOnly = run(['test', '--no-user'], ws);
        assert.equal(teamOnly.status, 0, teamOnly.out);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('prints machine-readable results with --json', () => {
      const ws = workspace('json', '{ "version": 1, "tests": [{ "edit": "src/a.ts", "expect": "allow" }] }');
      const r = run(['test', '--json'], ws);
      assert.equal(r.status, 0, r.out);
      const parsed = JSON.parse(r.stdout) as { ok: boolean; results: { subject: string; passed: boolean }[] };
      assert.deepEqual({ ok: parsed.ok, results: parsed.results.map((x) => [x.subject, x.passed]) }, { ok: true, results: [['write src/a.ts', true]] });
    });
  });

  describe('agent-guard init', () => {
    it('writes a starter policy that loads and passes its own examples', () => {
      const ws = path.join(scratch, 'init');
      fs.mkdirSync(ws);
      const r = run(['init'], ws);
      assert.equal(r.status, 0, r.out);
      const text = fs.readFileSync(path.join(ws, '.vscode/agent-guard.json'), 'utf8');
      assert.match(text, /^\/\/ Agent Guard team policy/);
      const t = run(['test'], ws);
      assert.equal(t.status, 0, t.out);
    });

    it('refuses to overwrite an existing policy without --force', () => {
      const ws = workspace('init-existing', '{ "version": 1 }');
      const r = run(['init', '--root', ws], scratch);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /already exists; not overwriting/);
      assert.equal(fs.readFileSync(path.join(ws, '.vscode/agent-guard.json'), 'utf8'), '{ "version": 1 }');
      const forced = run(['init', '--root', ws, '--force'], scratch);
      assert.equal(forced.status, 0, forced.out);
      assert.match(fs.readFileSync(path.join(ws, '.vscode/agent-guard.json'), 'utf8'), /"protectedPaths"/);
    });
  });

  describe('agent-guard explain', () => {
    it('explains a built-in protected path', () => {
      const r = run(['explain', 'path.guard-policy'], scratch);
      assert.equal(r.status, 0, r.out);
      assert.match(r.stdout, /^path\.guard-policy\n {2}from: {6}built-in protected path\n {2}decision: {2}confirm\n {2}risk: {6}high/);
      assert.match(r.stdout, /\*\*\/\.vscode\/agent-guard\.json/);
    });

    it('explains a rule-pack rule with its examples', () => {
      const list = run(['explain', '--list', '--json'], scratch);
      const rules = JSON.parse(list.stdout) as { id: string; from: string }[];
      const packRule = rules.find((x) => x.from.endsWith(' pack'));
      assert.ok(packRule, 'the packs are listed');
      const r = run(['explain', packRule.id], scratch);
      assert.equal(r.status, 0, r.out);
      assert.match(r.stdout, /Triggered by, for example:\n {4}\$ /);
    });

    it('explains the team rules of the policy found from --root', () => {
      const ws = workspace('explain-team', fs.readFileSync(path.join(FIXTURES, 'valid/team.json'), 'utf8'));
      const r = run(['explain', 'team.no-manual-apply', '--root', ws], scratch);
      assert.equal(r.status, 0, r.out);
      assert.match(r.stdout, /from: {6}.*agent-guard\.json line 12\n {2}decision: {2}confirm/);
      assert.match(r.stdout, /Infrastructure changes are applied by CI after review\./);
    });

    it('suggests the closest id for a typo and exits 1', () => {
      const r = run(['explain', 'path.guard-polcy'], scratch);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /no rule "path\.guard-polcy"\. Did you mean "path\.guard-policy"\?/);
    });
  });

  describe('agent-guard check with a workspace policy', () => {
    const POLICY = `{
      // comments and trailing commas are fine
      "version": 1,
      "protectedPaths": ["infra/prod/**",],
      "production": { "kubeContexts": ["prod-*"] },
    }`;

    it('protects a plain glob and leaves other files alone', () => {
      const ws = workspace('check', POLICY);
      assert.equal(check(['--edit', 'write', '--root', ws, 'infra/prod/main.tf'], ws).verdict.decision, 'confirm');
      assert.equal(check(['--edit', 'write', '--root', ws, 'src/app.ts'], ws).verdict.decision, 'allow');
      assert.equal(check(['--edit', 'write', '--root', ws, '.vscode/agent-guard.json'], ws).verdict.decision, 'confirm');
    });

    it('raises production targets one risk level and asks for the name to be typed', () => {
      const ws = workspace('check-prod', POLICY);
      const prod = check(['--cwd', ws, '--', 'kubectl --context prod-eu delete deployment api'], ws).verdict;
      const dev = check(['--cwd', ws, '--', 'kubectl --context dev-eu delete deployment api'], ws).verdict;
      const RISKS = ['none', 'low', 'medium', 'high', 'critical'];
      assert.equal(RISKS.indexOf(prod.risk), RISKS.indexOf(dev.risk) + 1);
      assert.equal(prod.typedConfirmation, 'prod-eu');
    });

    it('fails closed on a broken policy and says so on stderr', () => {
      const ws = workspace('check-broken', fs.readFileSync(path.join(FIXTURES, 'broken/syntax-unclosed-array.json'), 'utf8'));
      const write = check(['--edit', 'write', '--root', ws, 'src/app.ts'], ws);
      assert.equal(write.verdict.decision, 'confirm');
      assert.match(write.stderr, /agent-guard\.json:6:1: error: invalid JSON/);
      assert.match(write.stderr, /POLICY NOT LOADED/);
      assert.equal(check(['--cwd', ws, '--', 'touch src/new.ts'], ws).verdict.decision, 'confirm');
      assert.equal(check(['--cwd', ws, '--', 'ls -la'], ws).verdict.decision, 'allow');
    });

    it('uses the user policy from XDG_CONFIG_HOME', () => {
      const xdg = path.join(scratch, 'xdg');
      fs.mkdirSync(path.join(xdg, 'agent-guard'), { recursive: true });
      fs.writeFileSync(path.join(xdg, 'agent-guard/policy.json'), '{ "version": 1, "protectedPaths": ["notes/**"] }');
      const ws = workspace('check-xdg', undefined);
      const v = check(['--edit', 'write', '--root', ws, 'notes/todo.md'], ws, { XDG_CONFIG_HOME: xdg }).verdict;
      assert.equal(v.decision, 'confirm');
      assert.equal(v.reasons[0]?.rule, 'user.protectedPaths[0]');
    });
  });
});

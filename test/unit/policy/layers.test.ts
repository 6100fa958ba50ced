/**
 * Built-in < user < workspace: what each layer adds, what an untrusted workspace may not do, how
 * production lists combine, and failing closed when a file does not load.
 */
import { strict as assert } from 'node:assert';
import { buildPolicy, type BuildPolicyInput } from '../../../src/core/policy/layers';
import type { Policy } from '../../../src/core/policy/types';
import { invocation, WS, HOME } from './invocations';

const USER_FILE = `${HOME}/.config/agent-guard/policy.json`;

function build(parts: { user?: string; workspace?: string; trusted?: boolean }): ReturnType<typeof buildPolicy> {
  const input: BuildPolicyInput = {
    user: parts.user === undefined ? undefined : { file: USER_FILE, text: parts.user },
    workspace: parts.workspace === undefined ? undefined : { file: '.vscode/agent-guard.json', text: parts.workspace },
    workspaceTrusted: parts.trusted ?? true,
    home: HOME,
    root: WS,
    userPolicyFile: USER_FILE,
  };
  return buildPolicy(input);
}

function protectedIds(policy: Policy, relPath: string, op: 'write' | 'delete' | 'rename' = 'write'): string[] {
  const abs = relPath.startsWith('/') ? relPath : `${WS}/${relPath}`;
  const rel = abs.startsWith(WS + '/') ? abs.slice(WS.length + 1) : undefined;
  return policy.protectedPaths.filter((p) => p.ops.includes(op) && p.matches(rel, abs)).map((p) => p.id);
}

function teamRules(policy: Policy, command: string): string[] {
  const inv = invocation(command);
  return policy.commandRules.filter((r) => r.matches(inv)).map((r) => `${r.id}:${r.decision}`);
}

function allowed(policy: Policy, command: string): string[] {
  const inv = invocation(command);
  return policy.allowRules.filter((r) => r.matches(inv)).map((r) => r.id);
}

const USER = `{
  "version": 1,
  "protectedPaths": ["notes/**"],
  "commands": [{ "id": "me.no-prune", "program": "docker", "subcommand": "system prune", "decision": "confirm", "reason": "Removes images." }],
  "allow": [{ "id": "me.npm-test", "program": "npm", "subcommand": "test", "reason": "Tests only." }],
  "production": { "awsProfiles": ["corp-admin"] }
}`;

const WORKSPACE = `{
  "version": 1,
  "protectedPaths": ["infra/prod/**", { "glob": "migrations/**", "ops": ["delete"], "decision": "deny" }],
  "commands": [{ "id": "team.apply", "program": "terraform", "subcommand": "apply", "decision": "deny", "reason": "CI applies." }],
  "allow": [{ "id": "team.make-clean", "program": "make", "subcommand": "clean", "reason": "Build output only." }],
  "production": { "awsProfiles": ["live"], "kubeContexts": ["k8s-main"] }
}`;

describe('policy layers', () => {
  it('built-in only: default protected paths and *prod* production', () => {
    const { policy, diagnostics } = build({});
    assert.deepEqual(diagnostics, []);
    assert.equal(policy.loadError, undefined);
    assert.deepEqual(protectedIds(policy, '.env'), ['path.secrets']);
    assert.deepEqual(protectedIds(policy, '.vscode/agent-guard.json'), ['path.guard-policy']);
    assert.deepEqual(protectedIds(policy, 'packages/api/.vscode/agent-guard.json'), ['path.guard-policy']);
    assert.ok(protectedIds(policy, USER_FILE).includes('path.guard-policy'), 'the user policy is protected too');
    assert.deepEqual(protectedIds(policy, 'src/app.ts'), []);
    assert.equal(policy.production.target(invocation('kubectl --context prod-eu delete ns x')), 'prod-eu');
  });

  it('user and workspace both add protected paths and team rules on top of the built-ins', () => {
    const { policy, diagnostics } = build({ user: USER, workspace: WORKSPACE });
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(protectedIds(policy, 'notes/a.md'), ['user.protectedPaths[0]']);
    assert.deepEqual(protectedIds(policy, 'infra/prod/main.tf'), ['workspace.protectedPaths[0]']);
    assert.deepEqual(protectedIds(policy, 'migrations/0001.sql', 'delete'), ['workspace.protectedPaths[1]']);
    assert.deepEqual(protectedIds(policy, 'migrations/0001.sql', 'write'), []);
    assert.deepEqual(protectedIds(policy, '.env'), ['path.secrets'], 'built-ins stay');
    assert.deepEqual(teamRules(policy, 'docker system prune -af'), ['me.no-prune:confirm']);
    assert.deepEqual(teamRules(policy, 'terraform -chdir=infra apply'), ['team.apply:deny']);
    assert.deepEqual(allowed(policy, 'npm test'), ['me.npm-test']);
    assert.deepEqual(allowed(policy, 'make clean'), ['team.make-clean']);
    const p = policy.protectedPaths.find((x) => x.id === 'workspace.protectedPaths[1]');
    assert.deepEqual({ decision: p?.decision, risk: p?.risk, source: p?.source }, { decision: 'deny', risk: 'high', source: { layer: 'workspace', file: '.vscode/agent-guard.json', line: 3 } });
  });

  it('trusted: the production lists of user and workspace together replace the defaults', () => {
    const { policy } = build({ user: USER, workspace: WORKSPACE });
    assert.equal(policy.production.target(invocation('aws --profile corp-admin s3 ls')), 'corp-admin');
    assert.equal(policy.production.target(invocation('aws --profile live s3 ls')), 'live');
    assert.equal(policy.production.target(invocation('aws --profile prod s3 ls')), undefined, 'the team said what production is');
    assert.equal(policy.production.target(invocation('kubectl --context k8s-main delete ns x')), 'k8s-main');
    assert.equal(policy.production.target(invocation('gcloud --project acme-prod projects delete x')), 'acme-prod', 'kinds nobody listed keep the default');
  });

  it('untrusted workspace: allow exceptions are ignored with a notice, rules that tighten still apply', () => {
    const { policy, diagnostics } = build({ user: USER, workspace: WORKSPACE, trusted: false });
    assert.equal(policy.loadError, undefined);
    assert.deepEqual(allowed(policy, 'make clean'), [], 'workspace exception ignored');
    assert.deepEqual(allowed(policy, 'npm test'), ['me.npm-test'], 'the user\'s own exceptions still apply');
    assert.deepEqual(teamRules(policy, 'terraform apply'), ['team.apply:deny']);
    assert.deepEqual(protectedIds(policy, 'infra/prod/main.tf'), ['workspace.protectedPaths[0]']);
    const notices = diagnostics.filter((d) => d.severity !== 'error').map((d) => `${d.line}:${d.path}`);
    assert.deepEqual(notices, ['5:allow[0]', '1:production']);
    assert.match(diagnostics[0]?.message ?? '', /not trusted.*allow exception is ignored/);
  });

  it('untrusted workspace: production lists only add to what counts as production', () => {
    const { policy } = build({ workspace: WORKSPACE, trusted: false });
    assert.equal(policy.production.target(invocation('aws --profile live s3 ls')), 'live');
    assert.equal(policy.production.target(invocation('aws --profile prod s3 ls')), 'prod', 'cannot narrow the default');
  });

  it('untrusted workspace cannot narrow the user\'s production lists either', () => {
    const { policy } = build({ user: USER, workspace: WORKSPACE, trusted: false });
    assert.equal(policy.production.target(invocation('aws --profile corp-admin s3 ls')), 'corp-admin');
    assert.equal(policy.production.target(invocation('aws --profile live s3 ls')), 'live');
  });

  it('a broken workspace file fails closed: loadError set, the built-ins and the user policy still apply', () => {
    const { policy, layers } = build({ user: USER, workspace: '{ "version": 1, "protectedPaths": ["infra/**"' });
    assert.match(policy.loadError ?? '', /^\.vscode\/agent-guard\.json:1:\d+: invalid JSON: expected "\]" to close the array/);
    assert.deepEqual(protectedIds(policy, '.env'), ['path.secrets']);
    assert.deepEqual(protectedIds(policy, 'notes/a.md'), ['user.protectedPaths[0]']);
    assert.deepEqual(protectedIds(policy, 'infra/x'), [], 'nothing from the broken file is half-applied');
    assert.deepEqual(layers.map((l) => [l.layer, l.document === undefined]), [['user', false], ['workspace', true]]);
  });

  it('a broken user policy fails closed too', () => {
    const { policy } = build({ user: '{ "version": 1, "allow": [{ "program": "rm" }] }', workspace: WORKSPACE });
    assert.match(policy.loadError ?? '', /policy\.json:1:\d+: missing "reason"/);
    assert.deepEqual(teamRules(policy, 'terraform apply'), ['team.apply:deny']);
  });

  it('names every broken file in loadError, with a count of further problems', () => {
    const { policy } = build({ user: '{ "version": 2 }', workspace: '{ "versio": 1, "tests": 3 }' });
    assert.match(policy.loadError ?? '', /policy\.json:1:14: "version" must be 1.*; \.vscode\/agent-guard\.json:1:3: unknown key "versio".*\(and 2 more problems\)/);
  });

  it('an unreadable file fails closed', () => {
    const policy = buildPolicy({ workspaceTrusted: true, unreadable: [{ file: '.vscode/agent-guard.json', message: 'permission denied' }] }).policy;
    assert.match(policy.loadError ?? '', /cannot read the policy file: permission denied/);
  });

  it('workspace globs are relative to the folder that holds .vscode/, whatever root the caller uses', () => {
    const { policy } = build({ workspace: WORKSPACE });
    const p = policy.protectedPaths.find((x) => x.id === 'workspace.protectedPaths[0]');
    assert.equal(p?.matches('prod/main.tf', `${WS}/infra/prod/main.tf`), true, 'caller root was infra/');
    assert.equal(p?.matches('infra/prod/main.tf', `/other/infra/prod/main.tf`), false);
  });

  it('each file gets a policy of its own for its tests: built-ins plus that file', () => {
    const { layers } = build({ user: USER, workspace: WORKSPACE });
    const ws = layers.find((l) => l.layer === 'workspace')?.policy;
    assert.ok(ws);
    assert.deepEqual(teamRules(ws, 'docker system prune'), [], 'the user\'s rules are not part of the team\'s tests');
    assert.deepEqual(teamRules(ws, 'terraform apply'), ['team.apply:deny']);
  });
});

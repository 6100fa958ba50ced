/**
 * A policy's own examples, run through the real guard; and what a loaded policy does to verdicts
 * (protected paths, team rules, exceptions, production escalation, failing closed).
 */
import { strict as assert } from 'node:assert';
import { createGuard } from '../../../src/core/index';
import type { Guard } from '../../../src/core/api';
import { buildPolicy } from '../../../src/core/policy/layers';
import { runPolicyTests, testFailureDiagnostics } from '../../../src/core/policy/selfTest';
import { STARTER_POLICY } from '../../../src/core/policy/starter';
import { RISKS } from '../../../src/core/verdict';
import { WS, HOME } from './invocations';

function built(text: string, trusted = true) {
  return buildPolicy({ workspace: { file: '.vscode/agent-guard.json', text }, workspaceTrusted: trusted, root: WS, home: HOME });
}

function guardFor(text: string, trusted = true): Guard {
  return createGuard({ policy: built(text, trusted).policy, home: HOME });
}

function testsOf(text: string) {
  const b = built(text);
  const layer = b.layers[0];
  assert.ok(layer?.document && layer.policy, 'policy loads');
  return runPolicyTests(layer.policy, layer.document.tests, createGuard, { root: WS, home: HOME, file: layer.file });
}

describe('policy self-tests', () => {
  it('the starter policy loads without problems and passes its own examples', () => {
    const b = built(STARTER_POLICY);
    assert.deepEqual(b.diagnostics, []);
    const results = testsOf(STARTER_POLICY);
    assert.ok(results.length >= 4);
    for (const r of results) assert.ok(r.passed, `${r.subject}: ${r.message}`);
  });

  it('reports each failing example with what happened and why', () => {
    const results = testsOf(`{
      "version": 1,
      "protectedPaths": ["infra/**"],
      "tests": [
        { "command": "ls -la", "expect": "deny" },
        { "edit": "infra/main.tf", "expect": "confirm" },
        { "edit": "infra/main.tf", "op": "delete", "expect": "allow" },
      ]
    }`);
    assert.deepEqual(results.map((r) => [r.subject, r.passed, r.actual?.decision]), [
      ['ls -la', false, 'allow'],
      ['write infra/main.tf', true, 'confirm'],
      ['delete infra/main.tf', false, 'confirm'],
    ]);
    assert.equal(results[0]?.message, 'expected deny, got allow (no rule matched)');
    assert.match(results[2]?.message ?? '', /^expected allow, got confirm \(workspace\.protectedPaths\[0\]: /);
    const diags = testFailureDiagnostics(results);
    assert.deepEqual(diags.map((d) => `${d.line}:${d.path}`), ['5:tests[0]', '7:tests[2]']);
    assert.match(diags[0]?.message ?? '', /^policy test failed: `ls -la` expected deny, got allow/);
  });

  it('runs command examples in their cwd with their environment', () => {
    const results = testsOf(`{
      "version": 1,
      "production": { "awsProfiles": ["live"] },
      "tests": [
        { "command": "terraform destroy", "env": { "AWS_PROFILE": "live" }, "expect": "confirm" },
        { "command": "rm -rf ../..", "cwd": "src/app", "expect": "deny" },
      ]
    }`);
    for (const r of results) assert.ok(r.passed, `${r.subject}: ${r.message}`);
    assert.equal(results[0]?.actual?.typedConfirmation, 'live');
  });

  it('a guard that throws fails the example instead of passing it', () => {
    const b = built('{ "version": 1, "tests": [{ "command": "ls", "expect": "allow" }] }');
    const layer = b.layers[0]!;
    const throwing = (): Guard => ({
      policy: layer.policy!,
      checkCommand: () => {
        throw new Error('boom');
      },
      checkEdit: () => {
        throw new Error('boom');
      },
    });
    const [r] = runPolicyTests(layer.policy!, layer.document!.tests, throwing, { root: WS, file: layer.file });
    assert.equal(r?.passed, false);
    assert.equal(r?.message, 'expected allow, but checking it failed: boom');
  });
});

describe('a loaded policy in the guard', () => {
  const TEAM = `{
    "version": 1,
    "protectedPaths": ["infra/prod/**", { "glob": "migrations/**", "ops": ["delete"], "decision": "deny", "reason": "History." }],
    "commands": [{ "id": "team.no-publish", "program": "npm", "subcommand": "publish", "decision": "deny", "reason": "CI publishes." }],
    "allow": [{ "id": "team.clean", "program": "git", "subcommand": "clean", "reason": "Build output is all untracked." }],
    "production": { "kubeContexts": ["prod-*"] }
  }`;
  const guard = guardFor(TEAM);
  const cmd = (g: Guard, c: string) => g.checkCommand(c, { cwd: WS, root: WS });

  it('a plain glob protects writes, deletes and renames with confirm', () => {
    for (const op of ['write', 'delete', 'rename'] as const) assert.equal(guard.checkEdit('infra/prod/main.tf', op, { root: WS }).decision, 'confirm', op);
    assert.equal(guard.checkEdit('src/app.ts', 'write', { root: WS }).decision, 'allow');
  });

  it('an object entry picks the operation and the decision', () => {
    assert.equal(guard.checkEdit('migrations/0001.sql', 'delete', { root: WS }).decision, 'deny');
    assert.equal(guard.checkEdit('migrations/0001.sql', 'write', { root: WS }).decision, 'allow');
  });

  it('the policy file itself is always at least confirm', () => {
    for (const op of ['write', 'delete', 'rename'] as const) assert.notEqual(guard.checkEdit('.vscode/agent-guard.json', op, { root: WS }).decision, 'allow');
  });

  it('team rules add findings; the strictest wins', () => {
    const v = cmd(guard, 'npm publish --access public');
    assert.equal(v.decision, 'deny');
    assert.equal(v.reasons[0]?.rule, 'team.no-publish');
  });

  it('a trusted exception lets a known-safe command through, but never a critical one', () => {
    assert.equal(cmd(guard, 'git clean -fdx').decision, 'allow');
    assert.notEqual(cmd(guardFor(TEAM, false), 'git clean -fdx').decision, 'allow', 'untrusted: exception ignored');
    assert.equal(cmd(guard, 'rm -rf /').decision, 'deny');
  });

  it('production targets raise the risk one level and need the target typed', () => {
    const prod = cmd(guard, 'kubectl --context prod-eu delete deployment api');
    const dev = cmd(guard, 'kubectl --context dev-eu delete deployment api');
    assert.equal(RISKS.indexOf(prod.risk), RISKS.indexOf(dev.risk) + 1);
    assert.equal(prod.decision, 'confirm');
    assert.equal(prod.typedConfirmation, 'prod-eu');
    assert.equal(dev.typedConfirmation, undefined);
  });

  it('a policy that fails to load asks before every write and non-read-only command, and says why', () => {
    const broken = guardFor('{\n  "version": 1,\n  "protectedPaths": ["infra/prod/**"\n');
    const write = broken.checkEdit('src/app.ts', 'write', { root: WS });
    assert.equal(write.decision, 'confirm');
    assert.match(write.reasons.map((r) => r.message).join(' '), /agent-guard\.json:4:1/);
    assert.equal(cmd(broken, 'touch src/new.ts').decision, 'confirm');
    assert.equal(cmd(broken, 'ls -la').decision, 'allow');
  });
});

#!/usr/bin/env node
// Verdict identity across a change: every verdict the built CLI gives (`check --jsonl`) over the command corpus,
// every rule pack example and the edit paths below, written to a file; a second run compares against it.
// Meant for changes that must not change behaviour (speed work, refactors):
//
//   npm run -s build && node bench/verdicts.mjs --write /tmp/before.jsonl
//   … change, build …
//   node bench/verdicts.mjs --compare /tmp/before.jsonl     # exit 1 and the first differences when any differ
//
// Each request runs twice: in a workspace without a policy (built-in rules only) and in one with the team
// policy fixture (protected paths, team rules, exceptions, production targets), with and without env (HOME,
// KUBECONFIG, AWS_PROFILE). Both workspaces are scratch directories this script makes and removes.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from './lib/corpus.mjs';

const require = createRequire(import.meta.url);
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const CORE = fileURLToPath(new URL('../dist/core.js', import.meta.url));
const TEAM_POLICY = fileURLToPath(new URL('../test/fixtures/policies/valid/team.json', import.meta.url));
const EDIT_PATHS = [
  '.env', '.env.example', 'src/app.ts', '.vscode/settings.json', '.github/workflows/ci.yml', 'infra/prod/main.tf',
  'migrations/0001_init.sql', 'docs/adr', 'package-lock.json', '.git/config', 'id_rsa', 'secrets/prod.pem',
  '~/.ssh/config', '/etc/passwd', '../outside.txt', '.claude/settings.json', 'terraform.tfstate',
];
const ENVS = [undefined, { HOME: '/home/dev', KUBECONFIG: '/home/dev/.kube/prod', AWS_PROFILE: 'prod' }];

function requests(ws) {
  const commands = new Set(loadCorpus().map((r) => r.command));
  const core = require(CORE);
  for (const pack of core.allPacks()) for (const rule of pack.rules) for (const c of [...rule.examples.match, ...rule.examples.notMatch]) commands.add(c);
  const out = [];
  for (const command of commands) {
    for (const env of ENVS) out.push({ command, cwd: ws, root: ws, ...(env ? { env } : {}) });
    out.push({ command, cwd: join(ws, 'src'), root: ws });
  }
  for (const p of EDIT_PATHS) for (const op of ['write', 'delete', 'rename']) out.push({ edit: { path: p, op }, root: ws });
  return out;
}

function run() {
  const base = mkdtempSync(join(tmpdir(), 'agent-guard-verdicts-'));
  try {
    const lines = [];
    for (const [name, policy] of [['plain', undefined], ['team', TEAM_POLICY]]) {
      // the same path both times, so the verdicts (which name it) compare across runs
      const ws = join(base, name);
      mkdirSync(join(ws, 'src'), { recursive: true });
      if (policy) {
        mkdirSync(join(ws, '.vscode'));
        copyFileSync(policy, join(ws, '.vscode', 'agent-guard.json'));
      }
      const reqs = requests(ws).map((r, i) => ({ id: i, ...r }));
      const res = spawnSync(process.execPath, [CLI, 'check', '--jsonl'], { input: reqs.map((r) => JSON.stringify(r)).join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 30 });
      if (res.error) throw res.error;
      if (res.status === 3) throw new Error(`check --jsonl failed: ${res.stderr}`);
      const got = res.stdout.trim().split('\n');
      if (got.length !== reqs.length) throw new Error(`asked ${reqs.length}, answered ${got.length}`);
      // the scratch path differs per run: write it as $WS so two runs compare
      got.forEach((line, i) => lines.push(`${name}\t${JSON.stringify(reqs[i]).split(base).join('$WS')}\t${line.split(base).join('$WS')}`));
    }
    return lines;
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

const mode = process.argv[2];
const file = process.argv[3];
if ((mode !== '--write' && mode !== '--compare') || !file) {
  console.error('usage: node bench/verdicts.mjs --write FILE | --compare FILE');
  process.exit(3);
}
const lines = run();
if (mode === '--write') {
  writeFileSync(file, lines.join('\n') + '\n');
  console.log(`wrote ${lines.length} verdicts to ${file}`);
} else {
  const before = readFileSync(file, 'utf8').trimEnd().split('\n');
  const differ = [];
  for (let i = 0; i < Math.max(before.length, lines.length); i++) if (before[i] !== lines[i]) differ.push(i);
  if (differ.length === 0) {
    console.log(`${lines.length} verdicts, all identical to ${file}`);
  } else {
    console.log(`${differ.length} of ${Math.max(before.length, lines.length)} verdicts differ from ${file}; the first:`);
    for (const i of differ.slice(0, 10)) console.log(`- ${before[i] ?? '(none)'}\n+ ${lines[i] ?? '(none)'}`);
    process.exitCode = 1;
  }
}

/**
 * Scripts are judged before they run: files run by path, package.json scripts, Makefile recipes. Files come from
 * an in-memory reader (the adapter's job); each row says the decision, the rule, and the file and line reported.
 */
import { strict as assert } from 'node:assert';
import { createGuard } from '../../../src/core/index';
import type { Decision } from '../../../src/core/verdict';
import { GRADLEW } from './gradlewShape';

const ROOT = '/work/ws';
const HOME = '/home/dev';
const guard = createGuard({ home: HOME });

const PACKAGE_JSON = `{
  "name": "app",
  "scripts": {
    "build": "tsc -p . && esbuild src/index.ts --bundle --outdir=dist",
    "pretest": "npm run build",
    "test": "mocha 'test/**/*.test.ts'",
    "clean": "rm -rf dist coverage",
    "lint": "eslint . --fix",
    "reset": "rm -rf ~/",
    "postinstall": "node scripts/setup.js",
    "deploy": "./scripts/deploy.sh",
    "loop": "npm run loop",
    "wipe-db": "psql -c 'DROP DATABASE prod'"
  }
}
`;

const MAKEFILE = `BUILD := build
CFLAGS ?= -O2
.PHONY: all clean nuke deploy

all: app

app: main.o
\t$(CC) $(CFLAGS) -o $@ $^

%.o: %.c
\t$(CC) -c $< -o $@

clean:
\t-rm -rf $(BUILD) *.o
\t@$(RM) app

nuke: clean
\t@echo wiping
\trm -rf $(HOME)/

sub:
\t$(MAKE) -C lib danger
`;

const FILES: Record<string, string> = {
  [`${ROOT}/gradlew`]: GRADLEW,
  [`${ROOT}/package.json`]: PACKAGE_JSON,
  [`${ROOT}/Makefile`]: MAKEFILE,
  [`${ROOT}/lib/Makefile`]: 'danger:\n\tgit push --force origin main\n',
  [`${ROOT}/scripts/deploy.sh`]: '#!/usr/bin/env bash\nset -euo pipefail\necho deploying\nrm -rf /\n',
  [`${ROOT}/scripts/setup.js`]: "console.log('ok')\n",
  [`${ROOT}/scripts/build.sh`]: '#!/bin/bash\nset -e\nnpm ci\nnpm run build\nmkdir -p out && cp -r dist out/\n',
  [`${ROOT}/scripts/nuke.py`]: '#!/usr/bin/env python3\nimport shutil, os\nshutil.rmtree(os.path.expanduser("~"))\n',
  [`${ROOT}/scripts/tool.fish`]: '#!/usr/bin/env fish\nrm -rf ~\n',
  [`${ROOT}/scripts/noshebang`]: 'echo hi\ngit push --force origin main\n',
  [`${ROOT}/bin/app`]: '\u007fELF\u0002\u0001\u0001\u0000\u0000binary',
  [`${ROOT}/node_modules/.bin/tool`]: '#!/bin/sh\nrm -rf ~\n',
  [`${ROOT}/packages/web/package.json`]: '{ "scripts": { "dev": "vite", "nuke": "rm -rf /" } }',
  [`${ROOT}/broken.sh`]: 'if then fi (((\n',
  [`${ROOT}/other.mk`]: 'x:\n\trm -rf /\n',
};

const read = (abs: string): string | undefined => FILES[abs];

interface Row {
  readonly cmd: string;
  readonly decision: Decision;
  readonly rule?: string;
  readonly file?: string;
  readonly line?: number;
  readonly cwd?: string;
}

const rows: Row[] = [
  // files run by path
  { cmd: './scripts/deploy.sh', decision: 'deny', rule: 'fs.delete-system', file: 'scripts/deploy.sh', line: 4 },
  { cmd: 'scripts/deploy.sh --prod', decision: 'deny', rule: 'fs.delete-system', file: 'scripts/deploy.sh', line: 4 },
  { cmd: 'sudo ./scripts/deploy.sh', decision: 'deny', rule: 'fs.delete-system', file: 'scripts/deploy.sh', line: 4 },
  { cmd: 'cd scripts && ./deploy.sh', decision: 'deny', rule: 'fs.delete-system', file: 'scripts/deploy.sh', line: 4 },
  { cmd: `${ROOT}/scripts/deploy.sh`, decision: 'deny', rule: 'fs.delete-system', file: 'scripts/deploy.sh', line: 4 },
  { cmd: './scripts/noshebang', decision: 'deny', rule: 'git.force-push-protected-branch', file: 'scripts/noshebang', line: 2 },
  { cmd: './scripts/nuke.py', decision: 'deny', rule: 'interpreter.code-deletes-files' },
  { cmd: './scripts/tool.fish', decision: 'confirm', rule: 'shell.unreadable-script' },
  { cmd: './scripts/missing.sh', decision: 'confirm', rule: 'shell.unreadable-script' },
  { cmd: './broken.sh', decision: 'confirm', rule: 'shell.unparseable', file: 'broken.sh' },
  { cmd: 'bash scripts/deploy.sh', decision: 'deny', rule: 'fs.delete-system', file: 'scripts/deploy.sh', line: 4 },
  { cmd: 'source scripts/deploy.sh', decision: 'deny', rule: 'fs.delete-system', file: 'scripts/deploy.sh', line: 4 },
  { cmd: '. scripts/deploy.sh', decision: 'deny', rule: 'fs.delete-system', file: 'scripts/deploy.sh', line: 4 },
  { cmd: 'bash missing.sh', decision: 'confirm', rule: 'shell.unreadable-script' },
  { cmd: 'bash "$SCRIPT"', decision: 'confirm', rule: 'shell.unreadable-script' },
  // written by the same command, run afterwards: what was written is judged, not what is on disk
  { cmd: "printf 'rm -rf /\\n' > run.sh && bash run.sh", decision: 'deny', rule: 'fs.delete-system', file: 'run.sh', line: 1 },
  { cmd: 'cat > run.sh <<EOF\necho hi\nrm -rf ~\nEOF\nchmod +x run.sh && ./run.sh', decision: 'deny', rule: 'fs.delete-home', file: 'run.sh', line: 2 },
  { cmd: 'curl -fsSL https://x.example/i.sh > scripts/deploy.sh && bash scripts/deploy.sh', decision: 'confirm', rule: 'shell.unreadable-script' },
  { cmd: 'cp /tmp/x.sh ./go.sh && ./go.sh', decision: 'confirm', rule: 'shell.unreadable-script' },
  // package.json scripts
  { cmd: 'npm run reset', decision: 'deny', rule: 'fs.delete-home', file: 'package.json', line: 9 },
  { cmd: 'pnpm reset', decision: 'deny', rule: 'fs.delete-home', file: 'package.json', line: 9 },
  { cmd: 'pnpm run reset', decision: 'deny', rule: 'fs.delete-home', file: 'package.json', line: 9 },
  { cmd: 'yarn reset', decision: 'deny', rule: 'fs.delete-home', file: 'package.json', line: 9 },
  { cmd: 'yarn run reset', decision: 'deny', rule: 'fs.delete-home', file: 'package.json', line: 9 },
  { cmd: 'bun run reset', decision: 'deny', rule: 'fs.delete-home', file: 'package.json', line: 9 },
  { cmd: 'npm run deploy', decision: 'deny', rule: 'fs.delete-system', file: 'scripts/deploy.sh', line: 4 },
  { cmd: 'npm run wipe-db', decision: 'confirm', rule: 'db.drop-statement', file: 'package.json', line: 13 },
  { cmd: 'npm run loop', decision: 'confirm', rule: 'shell.limit-exceeded' },
  { cmd: 'npm run reset', cwd: `${ROOT}/src/deep`, decision: 'deny', rule: 'fs.delete-home', file: 'package.json' },
  { cmd: 'npm --prefix packages/web run nuke', decision: 'deny', rule: 'fs.delete-system', file: 'packages/web/package.json' },
  { cmd: 'pnpm -C packages/web nuke', decision: 'deny', rule: 'fs.delete-system', file: 'packages/web/package.json' },
  { cmd: 'npm run nuke', cwd: `${ROOT}/packages/web`, decision: 'deny', rule: 'fs.delete-system', file: 'packages/web/package.json' },
  // make
  { cmd: 'make nuke', decision: 'deny', rule: 'fs.delete-home', file: 'Makefile', line: 19 },
  { cmd: 'make -k nuke', decision: 'deny', rule: 'fs.delete-home', file: 'Makefile', line: 19 },
  { cmd: 'make sub', decision: 'deny', rule: 'git.force-push-protected-branch', file: 'lib/Makefile', line: 2 },
  { cmd: 'make -f other.mk x', decision: 'deny', rule: 'fs.delete-system', file: 'other.mk', line: 2 },
  { cmd: 'make -f missing.mk', decision: 'confirm', rule: 'shell.unreadable-script' },
  { cmd: 'make nuke HOME=/tmp/scratch', decision: 'allow' },
  // ordinary work stays silent
  { cmd: './gradlew build', decision: 'allow' },
  { cmd: './gradlew test --info', decision: 'allow' },
  { cmd: 'bash scripts/build.sh', decision: 'allow' },
  { cmd: 'npm test', decision: 'allow' },
  { cmd: 'npm t', decision: 'allow' },
  { cmd: 'npm run build', decision: 'allow' },
  { cmd: 'npm run clean', decision: 'allow' },
  { cmd: 'npm run lint -- --max-warnings 0', decision: 'allow' },
  { cmd: 'npm run missing-script', decision: 'allow' },
  { cmd: 'npm install', decision: 'allow' },
  { cmd: 'npm ci', decision: 'allow' },
  { cmd: 'npm install left-pad', decision: 'allow' },
  { cmd: 'pnpm install', decision: 'allow' },
  { cmd: 'yarn', decision: 'allow' },
  { cmd: 'pnpm dev', cwd: `${ROOT}/packages/web`, decision: 'allow' },
  { cmd: 'bun test', decision: 'allow' },
  { cmd: 'npm run', decision: 'allow' },
  { cmd: 'make', decision: 'allow' },
  { cmd: 'make all -j4', decision: 'allow' },
  { cmd: 'make clean', decision: 'allow' },
  { cmd: 'make -n nuke', decision: 'allow' },
  { cmd: 'make', cwd: `${ROOT}/empty`, decision: 'allow' },
  { cmd: './bin/app --help', decision: 'allow' },
  { cmd: './node_modules/.bin/tool', decision: 'allow' },
  { cmd: './target/release/server --port 8080', decision: 'allow' },
  { cmd: '/usr/bin/env python3 --version', decision: 'allow' },
];

describe('scripts are judged before they run', () => {
  for (const row of rows) {
    it(`${JSON.stringify(row.cmd)}${row.cwd ? ' in ' + row.cwd : ''} → ${row.decision}${row.rule ? ' ' + row.rule : ''}`, () => {
      const cwd = row.cwd ?? ROOT;
      const v = guard.checkCommand(row.cmd, { cwd, root: ROOT, env: { HOME }, readFile: read });
      assert.equal(v.decision, row.decision, JSON.stringify(v.reasons, null, 1));
      const r = row.rule !== undefined ? v.reasons.find((x) => x.rule === row.rule) : v.reasons.find((x) => x.decision === row.decision);
      if (row.decision !== 'allow') assert.ok(r, `expected ${row.rule ?? row.decision} in ${JSON.stringify(v.reasons)}`);
      if (row.file !== undefined) assert.equal(r?.file, `${ROOT}/${row.file}`, JSON.stringify(r));
      if (row.line !== undefined) assert.equal(r?.line, row.line, JSON.stringify(r));
    });
  }

  it('without a reader (library use) scripts are judged by name only', () => {
    for (const cmd of ['./scripts/deploy.sh', 'bash missing.sh', 'npm run reset', 'make nuke', './scripts/missing.sh']) {
      assert.equal(guard.checkCommand(cmd, { cwd: ROOT, root: ROOT, env: { HOME } }).decision, 'allow', cmd);
    }
  });

  it('a reader that throws counts as unreadable, never as allowed', () => {
    const v = guard.checkCommand('bash scripts/deploy.sh', { cwd: ROOT, root: ROOT, readFile: () => { throw new Error('EACCES'); } });
    assert.equal(v.decision, 'confirm');
    assert.ok(v.reasons.some((r) => r.rule === 'shell.unreadable-script'));
  });

  it('a program outside the workspace is judged by name', () => {
    const files: Record<string, string> = { '/opt/tools/x.sh': 'rm -rf /\n' };
    assert.equal(guard.checkCommand('/opt/tools/x.sh', { cwd: ROOT, root: ROOT, readFile: (p) => files[p] }).decision, 'allow');
  });
});

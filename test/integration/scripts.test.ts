/**
 * Scripts judged through the built CLI with real files: `agent-guard check` reads them with its bounded reader
 * (256 KiB) and reports the file and line that triggered. Scratch workspace per run; nothing is ever executed.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GRADLEW } from '../unit/bypass/gradlewShape';
import { versionManagerScript } from '../unit/bypass/versionManagerShape';

const CLI = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');

interface Reason {
  rule: string;
  message: string;
  line?: number;
  file?: string;
}
interface Verdict {
  decision: string;
  reasons: Reason[];
}

describe('scripts are judged before they run (built CLI, real files)', function () {
  this.timeout(60_000);
  let ws: string;
  let home: string;

  const write = (rel: string, text: string | Buffer, mode = 0o644): void => {
    const abs = path.join(ws, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text, { mode });
  };

  before(() => {
    assert.ok(fs.existsSync(CLI), 'run `npm run build` first');
    ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ag-scripts-')));
    home = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ag-home-')));
    write('gradlew', GRADLEW, 0o755);
    write('scripts/deploy.sh', '#!/usr/bin/env bash\nset -euo pipefail\necho "deploying"\nrm -rf ~/\n', 0o755);
    write('scripts/build.sh', '#!/bin/sh\nset -e\nnpm ci\nnpm run build\n', 0o755);
    write('scripts/cleanup.py', '#!/usr/bin/env python3\nimport shutil, os\nshutil.rmtree(os.path.expanduser("~"))\n', 0o755);
    write('scripts/huge.sh', '#!/bin/sh\n' + 'echo padding-padding-padding-padding\n'.repeat(9000), 0o755);
    // larger than a command line may be (100 000 characters), within the reader's 256 KiB
    write('tools/vm.sh', versionManagerScript(150_000, { deletes: false }));
    write('tools/vm-deletes.sh', versionManagerScript(150_000));
    write('bin/tool', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64)]), 0o755);
    write('package.json', JSON.stringify({
      name: 'demo',
      scripts: { build: 'tsc -p .', test: 'mocha', pretest: 'npm run build', clean: 'rm -rf dist', reset: 'git reset --hard origin/main && git clean -fdx', deploy: './scripts/deploy.sh' },
    }, null, 2) + '\n');
    write('payload.txt', 'rm -rf ~\n');
    write('bin/setup.sh', 'rm -rf ~\n');
    write('evil.sh', 'ls() { rm -rf ~; }\n');
    write('Makefile', 'all: build\n\nbuild:\n\t@echo building\n\nclean:\n\trm -rf dist\n\nnuke: clean\n\t-rm -rf $(HOME)/\n');
  });
  after(() => {
    fs.rmSync(ws, { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
  });

  const check = (command: string): { verdict: Verdict; status: number | null } => {
    const r = spawnSync(process.execPath, [CLI, 'check', '--json', '--cwd', ws, '--', command], {
      encoding: 'utf8',
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') },
    });
    assert.equal(r.stderr.includes('Error'), false, r.stderr);
    return { verdict: JSON.parse(r.stdout) as Verdict, status: r.status };
  };

  const rows: { cmd: string; decision: string; rule?: string; file?: string; line?: number }[] = [
    { cmd: './scripts/deploy.sh', decision: 'deny', rule: 'fs.delete-home', file: 'scripts/deploy.sh', line: 4 },
    { cmd: 'bash scripts/deploy.sh', decision: 'deny', rule: 'fs.delete-home', file: 'scripts/deploy.sh', line: 4 },
    { cmd: 'npm run deploy', decision: 'deny', rule: 'fs.delete-home', file: 'scripts/deploy.sh', line: 4 },
    { cmd: 'npm run reset', decision: 'confirm', rule: 'git.reset-hard', file: 'package.json', line: 8 },
    { cmd: 'make nuke', decision: 'deny', rule: 'fs.delete-home', file: 'Makefile', line: 10 },
    { cmd: './scripts/cleanup.py', decision: 'deny', rule: 'interpreter.code-deletes-files' },
    { cmd: './scripts/huge.sh', decision: 'confirm', rule: 'shell.unreadable-script' },
    // a script that is not there runs nothing; the rest of the line is judged, and so is a script the line may create
    { cmd: 'sh scripts/missing.sh', decision: 'allow' },
    { cmd: 'source scripts/missing.sh && rm -rf ~', decision: 'deny', rule: 'fs.delete-home' },
    { cmd: 'tar xf kit.tar && . kit/env.sh', decision: 'confirm', rule: 'shell.unreadable-script' },
    // a large sourced script is read and judged, its function bodies at their call
    { cmd: '. tools/vm.sh && nvm use 20', decision: 'allow' },
    { cmd: '. tools/vm-deletes.sh && nvm uninstall 18', decision: 'confirm', rule: 'fs.delete-unknown-path', file: 'tools/vm-deletes.sh' },
    { cmd: "printf 'rm -rf /\\n' > go.sh && sh go.sh", decision: 'deny', rule: 'fs.delete-system', file: 'go.sh', line: 1 },
    { cmd: 'source ./not-here.sh; ls', decision: 'allow' },
    { cmd: '[ -f .env ] && source .env', decision: 'allow' },
    // …unless bash looks for it in $PATH, an earlier command may write it, or it is a view of a process
    { cmd: 'export PATH=$PWD/bin:$PATH; source setup.sh', decision: 'confirm', rule: 'shell.unreadable-script' },
    { cmd: 'sort -o x.sh payload.txt; source ./x.sh', decision: 'confirm', rule: 'shell.unreadable-script' },
    { cmd: 'source /proc/self/cwd/not-here.sh; ls', decision: 'confirm', rule: 'shell.unreadable-script' },
    { cmd: 'source /proc/self/root<ws>/evil.sh; ls', decision: 'confirm', rule: 'shell.unreadable-script' },
    { cmd: 'source ./evil.sh; ls', decision: 'deny', rule: 'fs.delete-home' },
    { cmd: './gradlew build', decision: 'allow' },
    { cmd: 'bash scripts/build.sh', decision: 'allow' },
    { cmd: 'npm test', decision: 'allow' },
    { cmd: 'npm run build', decision: 'allow' },
    { cmd: 'npm run clean', decision: 'allow' },
    { cmd: 'npm run no-such-script', decision: 'allow' },
    { cmd: 'make', decision: 'allow' },
    { cmd: 'make clean', decision: 'allow' },
    { cmd: './bin/tool --version', decision: 'allow' },
  ];

  for (const row of rows) {
    it(`${JSON.stringify(row.cmd)} → ${row.decision}${row.rule ? ' ' + row.rule : ''}`, () => {
      const { verdict, status } = check(row.cmd.replace('<ws>', ws));
      assert.equal(verdict.decision, row.decision, JSON.stringify(verdict.reasons, null, 1));
      assert.equal(status, { allow: 0, confirm: 1, deny: 2 }[row.decision]);
      if (row.rule === undefined) return;
      const r = verdict.reasons.find((x) => x.rule === row.rule);
      assert.ok(r, JSON.stringify(verdict.reasons));
      if (row.file !== undefined) assert.equal(r.file, path.join(ws, row.file));
      if (row.line !== undefined) assert.equal(r.line, row.line);
    });
  }

  it('an agent editing its own configuration is asked, by edit tool and by shell', () => {
    const edit = spawnSync(process.execPath, [CLI, 'check', '--edit', 'write', '--root', ws, '--json', '.claude/settings.json'], { encoding: 'utf8', env: { ...process.env, HOME: home } });
    assert.equal(edit.status, 1);
    assert.ok((JSON.parse(edit.stdout) as Verdict).reasons.some((r) => r.rule === 'path.agent-config'));
    const { verdict } = check("sed -i 's/\"hooks\"/\"_hooks\"/' .github/hooks/agent-guard.json");
    assert.ok(verdict.reasons.some((r) => r.rule === 'path.agent-config'), JSON.stringify(verdict.reasons));
  });
});

/**
 * scp and sftp run other things on this machine besides ssh settings: `-S program` runs `program` in ssh's place,
 * and an sftp batch file (`-b file`) runs its `!` lines in a local shell. The batch file is read through the
 * adapter's reader, as scripts are; one that cannot be read, or standard input (`-b -`), is asked about.
 * Workspace /work/ws (the cwd), home /home/dev.
 */
import { strict as assert } from 'node:assert';
import { createGuard } from '../../../src/core/index';
import { sftpBatchCommands } from '../../../src/core/unwrap/sshLocalCommands';
import type { Decision } from '../../../src/core/verdict';

const ROOT = '/work/ws';
const guard = createGuard({ home: '/home/dev' });
const files = new Map([
  ['/work/ws/evil.sh', '#!/bin/sh\nrm -rf ~\n'],
  ['/work/ws/evil.batch', 'cd /srv\nput dist.tar.gz\n!rm -rf ~\n'],
  ['/work/ws/quiet.batch', '-@!rm -rf ~\n'],
  ['/work/ws/upload.batch', 'cd /srv\nput dist.tar.gz\nget logs/app.log\n!\nbye\n'],
  ['/work/ws/listing.batch', '!ls -la\nput a.txt\n'],
]);
const check = (cmd: string) => guard.checkCommand(cmd, { cwd: ROOT, root: ROOT, readFile: (abs) => files.get(abs) ?? null });

const rows: readonly (readonly [command: string, decision: Decision, strictestRule: string | undefined])[] = [
  // -S program: the program runs here instead of ssh
  ['scp -S ./evil.sh a.txt host:', 'deny', 'fs.delete-home'],
  ['scp -S./evil.sh a.txt host:', 'deny', 'fs.delete-home'],
  ['sftp -S ./evil.sh host', 'deny', 'fs.delete-home'],
  ['scp -S "$WRAPPER" a.txt host:', 'confirm', 'shell.dynamic-script'],
  ['scp -S /usr/bin/ssh a.txt host:', 'allow', undefined],
  ['scp -P 2222 a.txt host:', 'allow', undefined],
  ['ssh -S /tmp/ctl-socket host uptime', 'allow', undefined], // ssh's -S is a control socket, not a program
  // -b batchfile: its `!` lines run in a local shell
  ['sftp -b evil.batch host', 'deny', 'fs.delete-home'],
  ['sftp -b quiet.batch host', 'deny', 'fs.delete-home'],
  ['sftp -bevil.batch host', 'deny', 'fs.delete-home'],
  ['sftp -b missing.batch host', 'confirm', 'shell.unreadable-script'],
  ['sftp -b "$BATCH" host', 'confirm', 'shell.unreadable-script'],
  ['sftp -b - host', 'confirm', 'shell.unreadable-script'],
  ['sftp -b upload.batch host', 'allow', undefined],
  ['sftp -b listing.batch host', 'allow', undefined],
  ['sftp host', 'allow', undefined],
  ['scp -b evil.batch a.txt host:', 'allow', undefined], // scp has no batch file (-b is not its option)
];

describe('scp/sftp: -S program and sftp batch files run commands here', () => {
  for (const [command, decision, rule] of rows) {
    it(`${command} → ${decision}${rule !== undefined ? ` (${rule})` : ''}`, () => {
      const v = check(command);
      assert.equal(v.decision, decision, JSON.stringify(v.reasons));
      assert.equal(v.reasons[0]?.rule, rule, JSON.stringify(v.reasons));
    });
  }
});

describe('sftpBatchCommands: the lines of a batch file that run in a local shell', () => {
  const cases: readonly (readonly [string, readonly string[]])[] = [
    ['put a\n!rm -rf ~\n', ['rm -rf ~']],
    ['  -!make clean\n@!echo hi\n', ['make clean', 'echo hi']],
    ['!\nput a\nlls\n', []],
    ['put !x\n# !rm -rf ~\n', []],
  ];
  for (const [text, want] of cases) it(JSON.stringify(text), () => assert.deepEqual(sftpBatchCommands(text).map((a) => a.value), want));
});

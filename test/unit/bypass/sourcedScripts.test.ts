/**
 * Sourced set-up scripts: an installed tool's script (`. ~/.nvm/nvm.sh && nvm use 20`) is read and its top level
 * judged, and the functions it defines are judged by name like the tool they are; the same text where an agent
 * can write it (the workspace, /tmp) has every function body judged at its call. A script that is not there runs
 * nothing, unless the line may create it first. Files come from an in-memory reader that, like the CLI's, says
 * `null` for a path with no file; the workspace is /work/ws, home /home/dev.
 */
import { strict as assert } from 'node:assert';
import { createGuard } from '../../../src/core/index';
import type { Decision } from '../../../src/core/verdict';
import { versionManagerScript } from './versionManagerShape';

const ROOT = '/work/ws';
const HOME = '/home/dev';
const guard = createGuard({ home: HOME });

const NVM = versionManagerScript(120_000);

const FILES: Record<string, string> = {
  [`${HOME}/.nvm/nvm.sh`]: NVM,
  [`${ROOT}/tools/nvm.sh`]: NVM,
  ['/tmp/nvm/nvm.sh']: NVM,
  [`${HOME}/.toolrc`]: 'export TOOL_HOME="$HOME/.tool"\nrm -rf ~\n',
  [`${HOME}/.cleanrc`]: 'cleanup() { rm -rf ~/; }\n',
  [`${HOME}/.cleanrc-run`]: 'cleanup() { rm -rf ~/; }\ncleanup\n',
  [`${ROOT}/cleanrc`]: 'cleanup() { rm -rf ~/; }\n',
  [`${HOME}/.brokenrc`]: 'f() { if then; }\nf\n',
  [`${HOME}/.huge.sh`]: '# padding\n'.repeat(30_000),
};

const read = (abs: string): string | null => FILES[abs] ?? null;
const check = (cmd: string) => guard.checkCommand(cmd, { cwd: ROOT, root: ROOT, env: { HOME }, readFile: read });

const rows: readonly (readonly [string, Decision, string?])[] = [
  // an installed version manager, sourced and used
  ['. ~/.nvm/nvm.sh', 'allow'],
  ['source ~/.nvm/nvm.sh && nvm use 20', 'allow'],
  ['source ~/.nvm/nvm.sh && nvm ls', 'allow'],
  ['source ~/.nvm/nvm.sh && nvm uninstall 18', 'allow'],
  ['source ~/.nvm/nvm.sh && nvm install 20 && npm test', 'allow'],
  ['export NVM_DIR="$HOME/.nvm" && [ -s "$NVM_DIR/nvm.sh" ] && \\. "$NVM_DIR/nvm.sh" && nvm use --lts', 'allow'],
  ['bash -lc \'. ~/.nvm/nvm.sh && nvm use 20 && node -v\'', 'allow'],
  // what its functions are given is still judged
  ['source ~/.nvm/nvm.sh && nvm exec 20 rm -rf ~', 'deny', 'fs.delete-home'],
  ['. ~/.nvm/nvm.sh && nvm run 20 -e "require(\'fs\').rmSync(\'/\', {recursive: true})"', 'deny'],
  // and so is anything else on the line, or a function the line itself defines under the same name
  ['source ~/.nvm/nvm.sh && nvm use 20 && rm -rf ~', 'deny', 'fs.delete-home'],
  ['source ~/.nvm/nvm.sh; nvm() { rm -rf ~; }; nvm use 20', 'deny', 'fs.delete-home'],
  // an installed script's own top level runs when it is sourced
  ['source ~/.toolrc', 'deny', 'fs.delete-home'],
  // run rather than sourced, a script's functions are its own steps and are walked
  ['bash ~/.cleanrc-run', 'deny', 'fs.delete-home'],
  // the same text where an agent can write it has its function bodies judged
  ['source tools/nvm.sh && nvm uninstall 18', 'confirm', 'fs.delete-unknown-path'],
  ['source /tmp/nvm/nvm.sh && nvm uninstall 18', 'confirm', 'fs.delete-unknown-path'],
  ['source cleanrc && cleanup', 'deny', 'fs.delete-home'],
  // written by this same line: its text is what the line wrote, unknown here
  ['cp /tmp/nvm/nvm.sh ~/.nvm/nvm.sh && source ~/.nvm/nvm.sh && nvm use 20', 'confirm', 'shell.unreadable-script'],
  // what cannot be read is still asked about
  ['source ~/.huge.sh', 'confirm', 'shell.unreadable-script'],
  ['source ~/.brokenrc', 'confirm', 'shell.unparseable'],
  ['source "$NVM_SH"', 'confirm', 'shell.unreadable-script'],
];

/** A script that is not there: bash says "No such file or directory" and runs nothing from it. */
const missing: readonly (readonly [string, Decision, string?])[] = [
  ['source missing.sh', 'allow'],
  ['. ./nope.sh; echo hi', 'allow'],
  ['source ~/.bashrc && npm test', 'allow'],
  ['[ -f .env ] && source .env', 'allow'],
  ['test -f venv/bin/activate && . venv/bin/activate; python -V', 'allow'],
  ['cd sub && source missing.sh', 'allow'],
  ['bash missing.sh', 'allow'],
  ['./missing.sh', 'allow'],
  // the rest of the line is judged as usual
  ['source missing.sh && rm -rf ~', 'deny', 'fs.delete-home'],
  ['source missing.sh; git push --force origin main', 'deny', 'git.force-push-protected-branch'],
  // unless something before it, in a loop around it or beside it may create it
  ['tar xf kit.tar && source kit/env.sh', 'confirm', 'shell.unreadable-script'],
  ['git checkout feature -- env.sh && source env.sh', 'confirm', 'shell.unreadable-script'],
  ['./configure && source config.sh', 'confirm', 'shell.unreadable-script'],
  ['npm ci && ./setup.sh', 'confirm', 'shell.unreadable-script'],
  ['echo x > "$OUT"; source missing.sh', 'confirm', 'shell.unreadable-script'],
  ['while true; do source x.sh; cp y x.sh; done', 'confirm', 'shell.unreadable-script'],
  ['source x.sh & cp y x.sh', 'confirm', 'shell.unreadable-script'],
  ['source ~/.nvm/nvm.sh && source ~/.nvm/extra.sh', 'confirm', 'shell.unreadable-script'],
  // a program built by an earlier command is judged by name, as before
  ['cargo build && ./target/debug/app', 'allow'],
];

describe('sourced set-up scripts', () => {
  it('the generated script is larger than a command line may be', () => {
    assert.ok(NVM.length > 100_000, String(NVM.length));
  });

  for (const [cmd, decision, rule] of rows) {
    it(`${JSON.stringify(cmd)} → ${decision}${rule ? ' ' + rule : ''}`, () => {
      const v = check(cmd);
      assert.equal(v.decision, decision, JSON.stringify(v.reasons, null, 1));
      if (rule !== undefined) assert.ok(v.reasons.some((r) => r.rule === rule), JSON.stringify(v.reasons, null, 1));
    });
  }

  for (const [cmd, decision, rule] of missing) {
    it(`missing: ${JSON.stringify(cmd)} → ${decision}${rule ? ' ' + rule : ''}`, () => {
      const v = check(cmd);
      assert.equal(v.decision, decision, JSON.stringify(v.reasons, null, 1));
      if (rule !== undefined) assert.ok(v.reasons.some((r) => r.rule === rule), JSON.stringify(v.reasons, null, 1));
    });
  }

  it('a reader that cannot tell a missing file from an unreadable one keeps asking', () => {
    const v = guard.checkCommand('source missing.sh', { cwd: ROOT, root: ROOT, env: { HOME }, readFile: (abs) => FILES[abs] });
    assert.equal(v.decision, 'confirm');
    assert.ok(v.reasons.some((r) => r.rule === 'shell.unreadable-script'));
  });

  it('a function an installed script defines is judged by name, like the tool it is', () => {
    // ~/.cleanrc can only have been written by a person (or with one's yes); the same file in the workspace is read
    assert.equal(check('source ~/.cleanrc && cleanup').decision, 'allow');
    assert.equal(check('source cleanrc && cleanup').decision, 'deny');
  });

  it('the scripts of one check are bounded together', () => {
    const v = check(Array.from({ length: 9 }, () => '. ~/.nvm/nvm.sh').join('; '));
    assert.equal(v.decision, 'confirm');
    assert.ok(v.reasons.some((r) => r.rule === 'shell.limit-exceeded' && r.message.includes('KiB together')), JSON.stringify(v.reasons));
  });
});

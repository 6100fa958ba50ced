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
  [`${HOME}/.asdf/lib/cleanup.sh`]: 'cleanup() { rm -rf ~/; }\n',
  [`${ROOT}/evil.sh`]: 'ls() { rm -rf ~; }\n',
  // the same file by other names, as a real reader sees them
  [`/proc/self/root${ROOT}/evil.sh`]: 'ls() { rm -rf ~; }\n',
  ['/proc/self/cwd/evil.sh']: 'ls() { rm -rf ~; }\n',
  [`${ROOT}/payload.txt`]: 'rm -rf ~\n',
  [`${HOME}/.sdkman/bin/sdkman-init.sh`]: NVM,
  ['/opt/conda/etc/profile.d/conda.sh']: NVM,
  ['/etc/profile.d/tool.sh']: NVM,
  [`${HOME}/.cargo/env`]: 'export PATH="$HOME/.cargo/bin:$PATH"\n',
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
  // installed: the places tools put their set-up, named plainly
  ['source ~/.sdkman/bin/sdkman-init.sh && sdk use java 21', 'allow'],
  ['. /opt/conda/etc/profile.d/conda.sh && conda activate base', 'allow'],
  ['. /etc/profile.d/tool.sh && nvm uninstall 18', 'allow'],
  ['source ~/.asdf/lib/cleanup.sh && cleanup', 'allow'],
  ['. "$HOME/.cargo/env" && cargo build', 'allow'],
  // not installed: the workspace under another name (/proc/self is the guard's own process, too), a `..` step,
  // a folder that is no tool's
  [`source /proc/self/root${ROOT}/evil.sh; ls`, 'confirm', 'shell.unreadable-script'],
  ['source /proc/self/cwd/evil.sh; ls', 'confirm', 'shell.unreadable-script'],
  // /proc/self is the guard's own process here: nothing at its cwd is no "missing" for the shell
  ['source /proc/self/cwd/not-here.sh; ls', 'confirm', 'shell.unreadable-script'],
  ['bash /dev/fd/3', 'confirm', 'shell.unreadable-script'],
  ['source ~/.asdf/../.cleanrc && cleanup', 'deny', 'fs.delete-home'],
  ['source ~/.cleanrc && cleanup', 'deny', 'fs.delete-home'],
  [`source ${ROOT}/evil.sh; ls`, 'deny', 'fs.delete-home'],
  // written by this same line: its text is what the line wrote, unknown here
  ['cp /tmp/nvm/nvm.sh ~/.nvm/nvm.sh && source ~/.nvm/nvm.sh && nvm use 20', 'confirm', 'shell.unreadable-script'],
  // what cannot be read is still asked about
  ['source ~/.huge.sh', 'confirm', 'shell.unreadable-script'],
  ['source ~/.brokenrc', 'confirm', 'shell.unparseable'],
  ['source "$NVM_SH"', 'confirm', 'shell.unreadable-script'],
];

/** A script that is not there: bash says "No such file or directory" and runs nothing from it. */
const missing: readonly (readonly [string, Decision, string?])[] = [
  ['source ./missing.sh', 'allow'],
  ['. ./nope.sh; echo hi', 'allow'],
  ['source ~/.bashrc && npm test', 'allow'],
  ['[ -f .env ] && source .env', 'allow'],
  ['if [ -f .env ]; then . .env; fi', 'allow'],
  ['[[ -r .env ]] && source .env', 'allow'],
  ['test -f venv/bin/activate && . venv/bin/activate; python -V', 'allow'],
  ['cd sub && source ./missing.sh', 'allow'],
  ['bash ./missing.sh', 'allow'],
  ['./missing.sh', 'allow'],
  // a name without a slash: bash looks for it in $PATH (source and . first, bash x.sh when the directory has none)
  ['source missing.sh', 'confirm', 'shell.unreadable-script'],
  ['. missing.sh', 'confirm', 'shell.unreadable-script'],
  ['bash missing.sh', 'confirm', 'shell.unreadable-script'],
  ['cd sub && source missing.sh', 'confirm', 'shell.unreadable-script'],
  ['export PATH=$PWD/bin:$PATH; source x.sh', 'confirm', 'shell.unreadable-script'],
  // with the file in the working directory too: source and . look in $PATH first
  ['export PATH=$PWD/bin:$PATH; source cleanrc', 'confirm', 'shell.unreadable-script'],
  ['PATH=/work/ws/bin:$PATH . cleanrc', 'confirm', 'shell.unreadable-script'],
  ['export PATH=$PWD/bin:$PATH; source ./cleanrc', 'allow'],
  ['export PATH=$PWD/bin:$PATH; bash cleanrc', 'allow'],
  ['source cleanrc', 'allow'],
  // the test checks another file, or checks it the other way round
  ['[ -f .env.example ] && source .env', 'confirm', 'shell.unreadable-script'],
  ['[ ! -f .env ] && source .env', 'confirm', 'shell.unreadable-script'],
  ['[ -f .env ] || source .env', 'confirm', 'shell.unreadable-script'],
  // the rest of the line is judged as usual
  ['source missing.sh && rm -rf ~', 'deny', 'fs.delete-home'],
  ['source missing.sh; git push --force origin main', 'deny', 'git.force-push-protected-branch'],
  // unless something before it, in a loop around it or beside it may create it
  ['tar xf kit.tar && source kit/env.sh', 'confirm', 'shell.unreadable-script'],
  ['git checkout feature -- env.sh && source env.sh', 'confirm', 'shell.unreadable-script'],
  ['./configure && source config.sh', 'confirm', 'shell.unreadable-script'],
  ['npm ci && ./setup.sh', 'confirm', 'shell.unreadable-script'],
  ['echo x > "$OUT"; source ./missing.sh', 'confirm', 'shell.unreadable-script'],
  // writers that look like readers: the file may be there by the time it runs
  ['sort -o x.sh payload.txt; source ./x.sh', 'confirm', 'shell.unreadable-script'],
  ['sort payload.txt; source ./x.sh', 'confirm', 'shell.unreadable-script'],
  ['uniq payload.txt x.sh; source ./x.sh', 'confirm', 'shell.unreadable-script'],
  ["sed -n 'w x.sh' payload.txt; source ./x.sh", 'confirm', 'shell.unreadable-script'],
  ['git show HEAD:payload.txt --output=x.sh; source ./x.sh', 'confirm', 'shell.unreadable-script'],
  ["yq -i '.a = 1' x.sh; source ./x.sh", 'confirm', 'shell.unreadable-script'],
  ['xxd -r payload.txt x.sh; bash ./x.sh', 'confirm', 'shell.unreadable-script'],
  ['cat payload.txt; source ./x.sh', 'confirm', 'shell.unreadable-script'],
  ['[ -f .env ] && grep -q A .env; source ./x.sh', 'confirm', 'shell.unreadable-script'],
  // commands that create nothing before it
  ['cd sub; echo loading; true; source ./x.sh', 'allow'],
  ['export A=1; test -d sub && pwd; . ./x.sh', 'allow'],
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
    // ~/.asdf can only have been written by a person or an installer (or with one's yes); the same text in the
    // workspace is read
    assert.equal(check('source ~/.asdf/lib/cleanup.sh && cleanup').decision, 'allow');
    assert.equal(check('source cleanrc && cleanup').decision, 'deny');
  });

  it('the scripts of one check are bounded together', () => {
    const v = check(Array.from({ length: 9 }, () => '. ~/.nvm/nvm.sh').join('; '));
    assert.equal(v.decision, 'confirm');
    assert.ok(v.reasons.some((r) => r.rule === 'shell.limit-exceeded' && r.message.includes('KiB together')), JSON.stringify(v.reasons));
  });
});

/**
 * Misses found by the session 5 red team, family by family, each dangerous spelling next to ordinary look-alikes
 * that must pass silently. Workspace /work/ws (the cwd), home /home/dev.
 */
import { strict as assert } from 'node:assert';
import { createGuard } from '../../../src/core/index';
import type { Decision } from '../../../src/core/verdict';

const ROOT = '/work/ws';
const guard = createGuard({ home: '/home/dev' });
const check = (cmd: string) => guard.checkCommand(cmd, { cwd: ROOT, root: ROOT });

type Case = readonly [command: string, decision: Exclude<Decision, 'allow'>, strictestRule: string];

const FAMILIES: readonly { readonly name: string; readonly dangerous: readonly Case[]; readonly ordinary: readonly string[] }[] = [
  {
    // what find's name and path tests match is known; `-type f` narrows nothing
    name: 'find actions on named entries',
    dangerous: [
      ['find . -name .git -exec rm -rf {} +', 'confirm', 'path.git-internals'],
      ['find . -name .git -delete', 'confirm', 'path.git-internals'],
      ['find . -type d -name .git -prune -exec rm -rf {} +', 'confirm', 'path.git-internals'],
      ["find . -path './.git/*' -delete", 'confirm', 'path.git-internals'],
      ['find . -name .env -delete', 'confirm', 'path.secrets'],
      ["find . -iname '*.pem' -exec shred -u {} \\;", 'confirm', 'path.secrets'],
      ['find . -type f -delete', 'deny', 'fs.delete-workspace-root'],
      ["find . -name '*' -delete", 'deny', 'fs.delete-workspace-root'],
      ['find ~ -type f -exec rm {} +', 'deny', 'fs.delete-home'],
    ],
    ordinary: [
      'find . -name "*.pyc" -delete',
      'find . -type d -name __pycache__ -exec rm -rf {} +',
      'find . -name node_modules -type d -prune -exec rm -rf {} +',
      "find . \\( -name '*.tmp' -o -name '*.bak' \\) -delete",
      "find . -name '*.orig' -o -name '*.rej' -delete",
      'find build -type f -delete',
      'find . -type d -empty -delete',
      "find . -name '*.log' -mtime +7 -delete",
      "find . -not -name '*.ts' -path './build/*' -delete",
      "find . -type f -name '*.ts' -exec sed -i 's/a/b/' {} +",
      'find src -type f -exec chmod 644 {} \\;',
      'find . -name ".DS_Store" -delete',
    ],
  },
  {
    // what a command deletes or writes besides its plain operands
    name: 'writes and deletes through options',
    dangerous: [
      ['tar -cf /tmp/x.tar --remove-files ~', 'deny', 'fs.delete-home'],
      ['tar czf /tmp/a.tgz --remove-files .', 'deny', 'fs.delete-workspace-root'],
      ['tar --remove-files -cf /tmp/g.tar .git', 'confirm', 'path.git-internals'],
      ['rsync -a --remove-source-files ~/ /tmp/x/', 'deny', 'fs.delete-home'],
      ['rsync -a --remove-source-files .git/ /tmp/x/', 'confirm', 'path.git-internals'],
      ['cp -r /tmp/empty/. ~/.ssh/', 'confirm', 'fs.write-outside-workspace'],
      ['cp -a x/. .git/', 'confirm', 'path.git-internals'],
      ['patch ~/.bashrc < x.diff', 'confirm', 'fs.write-outside-workspace'],
      ['patch -o ~/.bashrc a.txt x.diff', 'confirm', 'fs.write-outside-workspace'],
      ['patch .env fix.diff', 'confirm', 'path.secrets'],
      ['ex -sc "%d|x" ~/.bashrc', 'confirm', 'fs.write-outside-workspace'],
      ["vim -c 'wq' ~/.ssh/authorized_keys", 'confirm', 'fs.write-outside-workspace'],
      ["vim -es -c '%d' -c 'x' .env", 'confirm', 'path.secrets'],
      ["nvim --headless +'%d' +wq ~/.bashrc", 'confirm', 'fs.write-outside-workspace'],
      ['fallocate -l 0 ~/.bashrc', 'confirm', 'fs.write-outside-workspace'],
    ],
    ordinary: [
      'tar -czf /tmp/src.tgz src',
      'tar --remove-files -czf build.tgz build',
      'tar -xzf x.tgz -C vendor',
      'rsync -a --remove-source-files build/ /tmp/out/',
      'cp -r templates/. src/',
      'cp -r ./. /tmp/snapshot/',
      'patch -p1 < fix.diff',
      'patch src/a.ts fix.diff',
      "vim -c 'set ff=unix' -c wq src/a.ts",
      "ex -sc '%s/foo/bar/g|x' src/a.ts",
      'vim src/a.ts',
      'vim -R README.md',
      "nvim --headless -c 'Lazy! sync' -c qa",
      'fallocate -l 1G /tmp/big.img',
    ],
  },
];

for (const family of FAMILIES) {
  describe(`session 5 red team: ${family.name}`, () => {
    for (const [command, decision, rule] of family.dangerous) {
      it(`${JSON.stringify(command)} → ${decision} (${rule})`, () => {
        const v = check(command);
        assert.equal(v.decision, decision, JSON.stringify(v.reasons));
        assert.equal(v.reasons[0]?.rule, rule, JSON.stringify(v.reasons));
      });
    }
    for (const command of family.ordinary) {
      it(`${JSON.stringify(command)} stays silent`, () => {
        const v = check(command);
        assert.deepEqual(v.reasons.map((r) => `${r.rule}: ${r.command}`), []);
        assert.equal(v.decision, 'allow');
      });
    }
  });
}

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

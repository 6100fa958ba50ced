/**
 * Misses closed in session 4: named coprocesses, `docker compose run -v` bind mounts, interpreter one-liners in a
 * new container, file attributes / mounts / kernel settings of the system, scp and remote rsync --delete, and git
 * aliases defined earlier in the same line. Each dangerous spelling is next to its dangerous neighbour and an
 * ordinary look-alike that must pass silently. Workspace /work/ws (the cwd), home /home/dev.
 */
import { strict as assert } from 'node:assert';
import { createGuard } from '../../../src/core/index';
import type { Decision } from '../../../src/core/verdict';

const ROOT = '/work/ws';
const guard = createGuard({ home: '/home/dev' });
const check = (cmd: string) => guard.checkCommand(cmd, { cwd: ROOT, root: ROOT });

const DANGEROUS: readonly (readonly [command: string, decision: Exclude<Decision, 'allow'>, strictestRule: string])[] = [
  // coproc with a name needs a compound command; its body is judged
  ['coproc NAME { rm -rf ~; }', 'deny', 'fs.delete-home'],
  ['coproc { rm -rf ~; }', 'deny', 'fs.delete-home'],
  ['coproc W while true; do rm -rf /; done', 'deny', 'fs.delete-system'],
  // docker compose run: its own -v mounts are the host's (as for docker run); the rest is judged as written (as for exec)
  ['docker compose run -v ~:/h img rm -rf /h', 'deny', 'fs.delete-home'],
  ['docker-compose run --rm -v "$PWD":/w app rm -rf /w', 'deny', 'fs.delete-workspace-root'],
  ['docker compose run -v ~:/h app sh -c "rm -rf /h/*"', 'deny', 'fs.delete-home'],
  ['docker compose run -v ~:/h app rm -rf /', 'deny', 'fs.delete-system'],
  ['docker compose run -v ~:/h app shutdown -h now', 'confirm', 'system.shutdown'],
  ['docker compose run app rm -rf ~', 'deny', 'fs.delete-home'],
];

const ORDINARY: readonly string[] = [
  'coproc NAME { npm run watch; }',
  'coproc cat; echo hi >&"${COPROC[1]}"',
  'docker compose run --rm -v "$PWD":/w app rm -rf /w/build',
  'docker compose run -v ./data:/data app rm -rf /data/cache',
  'docker compose run -v ~:/h:ro app ls /h',
  'docker compose run --rm app npm test',
];

describe('session 4 misses: dangerous spellings are caught', () => {
  for (const [command, decision, rule] of DANGEROUS) {
    it(`${JSON.stringify(command)} → ${decision} (${rule})`, () => {
      const v = check(command);
      assert.equal(v.decision, decision, JSON.stringify(v.reasons));
      assert.equal(v.reasons[0]?.rule, rule, JSON.stringify(v.reasons));
    });
  }
});

describe('session 4 misses: ordinary look-alikes stay silent', () => {
  for (const command of ORDINARY) {
    it(JSON.stringify(command), () => {
      const v = check(command);
      assert.deepEqual(v.reasons.map((r) => `${r.rule}: ${r.command}`), []);
      assert.equal(v.decision, 'allow');
    });
  }
});

import { strict as assert } from 'node:assert';
import { containersPack } from '../../../src/core/rules/packs/containers';
import type { Decision, Risk } from '../../../src/core/verdict';
import { describeExamples } from './packExamples';
import { guardWith, WS } from './packGuard';

describeExamples(containersPack);

const rows: readonly { cmd: string; rule?: string; decision: Decision; risk?: Risk }[] = [
  { cmd: 'docker system prune -a --volumes', rule: 'container.system-prune', decision: 'confirm', risk: 'high' },
  { cmd: 'docker system prune -af', rule: 'container.system-prune', decision: 'confirm', risk: 'medium' },
  { cmd: 'docker volume rm pgdata', rule: 'container.volume-remove', decision: 'confirm', risk: 'high' },
  { cmd: 'docker compose down -v', rule: 'container.compose-down-volumes', decision: 'confirm', risk: 'high' },
  { cmd: 'docker rm -f $(docker ps -aq)', rule: 'container.remove-all', decision: 'confirm', risk: 'high' },
  { cmd: 'docker image prune -a', rule: 'container.remove-all', decision: 'confirm', risk: 'medium' },
  { cmd: 'docker run --privileged -v /:/host alpine', rule: 'container.host-access', decision: 'confirm', risk: 'critical' },
  { cmd: 'docker run -v /:/host alpine', rule: 'container.host-access', decision: 'confirm', risk: 'high' },
  { cmd: 'docker run -v /:/host:ro alpine', rule: 'container.host-access', decision: 'confirm', risk: 'medium' },
  { cmd: 'docker --context prod volume prune -f', rule: 'container.volume-remove', decision: 'confirm' },
  { cmd: 'docker ps -a', decision: 'allow' },
  { cmd: 'docker build -t myapp:dev .', decision: 'allow' },
  { cmd: 'docker compose up -d', decision: 'allow' },
  { cmd: 'docker compose down', decision: 'allow' },
  { cmd: 'docker logs --tail 50 myapp', decision: 'allow' },
  { cmd: 'docker run --rm -v "$(pwd)":/src -w /src golang:1.22 go test ./...', decision: 'allow' },
  { cmd: 'docker network prune -f', decision: 'allow' },
  { cmd: 'docker system prune -f', decision: 'allow' },
  { cmd: 'docker system prune --help', decision: 'allow' },
];

describe('container pack: decisions', () => {
  const guard = guardWith([containersPack]);
  for (const row of rows) {
    it(`${JSON.stringify(row.cmd)} → ${row.decision}${row.rule ? ' ' + row.rule : ''}`, () => {
      const v = guard.checkCommand(row.cmd, WS);
      assert.equal(v.decision, row.decision, JSON.stringify(v.reasons));
      if (row.rule !== undefined) {
        const r = v.reasons.find((x) => x.rule === row.rule);
        assert.ok(r, `expected ${row.rule} in ${JSON.stringify(v.reasons)}`);
        if (row.risk !== undefined) assert.equal(r.risk, row.risk);
      }
    });
  }
});

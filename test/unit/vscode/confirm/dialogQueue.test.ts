import * as assert from 'node:assert/strict';
import { DialogQueue, type QueuedDialog } from '../../../../src/vscode/confirm/dialogQueue';

/** A dialog the test answers by hand; records when it was shown. */
class Manual {
  shown = false;
  answer!: (value: string) => void;
  readonly controller = new AbortController();
  constructor(readonly name: string, readonly log: string[], readonly deadline = Number.POSITIVE_INFINITY) {}
  dialog(): QueuedDialog<string> {
    return {
      deadline: this.deadline,
      signal: this.controller.signal,
      show: () => {
        this.shown = true;
        this.log.push(`show ${this.name}`);
        return new Promise((resolve) => (this.answer = resolve));
      },
      expired: () => {
        this.log.push(`expired ${this.name}`);
        return `${this.name}: expired`;
      },
    };
  }
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('dialog queue', () => {
  it('shows one dialog at a time, first come first shown', async () => {
    const log: string[] = [];
    const queue = new DialogQueue();
    const [a, b, c] = [new Manual('a', log), new Manual('b', log), new Manual('c', log)];
    const results = [queue.push(a.dialog()), queue.push(b.dialog()), queue.push(c.dialog())];
    await tick();
    assert.deepEqual(log, ['show a']);
    assert.equal(queue.length, 3);
    a.answer('a: yes');
    await tick();
    assert.deepEqual(log, ['show a', 'show b']);
    b.answer('b: no');
    await tick();
    c.answer('c: yes');
    assert.deepEqual(await Promise.all(results), ['a: yes', 'b: no', 'c: yes']);
    assert.deepEqual(log, ['show a', 'show b', 'show c']);
    assert.equal(queue.length, 0);
  });

  const expiry: Array<{ name: string; expire: (m: Manual, clock: { now: number }) => void }> = [
    { name: 'its hook hung up', expire: (m) => m.controller.abort() },
    { name: 'its deadline passed', expire: (_m, clock) => (clock.now = 2000) },
  ];
  for (const e of expiry) {
    it(`a dialog whose ${e.name} while it waited is settled without being shown`, async () => {
      const log: string[] = [];
      const clock = { now: 0 };
      const queue = new DialogQueue(() => clock.now);
      const a = new Manual('a', log);
      const b = new Manual('b', log, 1000);
      const c = new Manual('c', log);
      const results = [queue.push(a.dialog()), queue.push(b.dialog()), queue.push(c.dialog())];
      await tick();
      e.expire(b, clock);
      a.answer('a: yes');
      await tick();
      await tick();
      c.answer('c: yes');
      assert.deepEqual(await Promise.all(results), ['a: yes', 'b: expired', 'c: yes']);
      assert.deepEqual(log, ['show a', 'expired b', 'show c']);
    });
  }

  it('a dialog that fails does not block the ones behind it', async () => {
    const log: string[] = [];
    const queue = new DialogQueue();
    const broken: QueuedDialog<string> = { deadline: Infinity, signal: new AbortController().signal, show: () => Promise.reject(new Error('boom')), expired: () => 'x' };
    const b = new Manual('b', log);
    const failed = queue.push(broken);
    const next = queue.push(b.dialog());
    await assert.rejects(failed, /boom/);
    await tick();
    b.answer('b: yes');
    assert.equal(await next, 'b: yes');
  });
});

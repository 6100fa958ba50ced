import * as assert from 'node:assert/strict';
import { ChangeBatcher, classifyChange, describeKind, ExpectedWrites, mergeKinds, type ChangeAction, type ChangeFacts, type ChangeKind } from '../../../../src/vscode/protect/changeBookkeeping';

describe('protected-file watch: bookkeeping', () => {
  const merges: Array<[ChangeKind, ChangeKind, ChangeKind]> = [
    ['changed', 'changed', 'changed'],
    ['changed', 'deleted', 'deleted'],
    ['created', 'changed', 'created'],
    ['created', 'deleted', 'deleted'],
    ['deleted', 'created', 'changed'], // an atomic save: delete then create
    ['deleted', 'changed', 'changed'],
    ['changed', 'created', 'changed'],
  ];
  for (const [a, b, expected] of merges) {
    it(`${a} then ${b} → ${expected}`, () => assert.equal(mergeKinds(a, b), expected));
  }

  describe('bursts', () => {
    const cases: Array<{ name: string; events: Array<[string, ChangeKind, number]>; takeAt: number; taken: string[]; dueAfter: number | undefined }> = [
      { name: 'nothing pending', events: [], takeAt: 10_000, taken: [], dueAfter: undefined },
      { name: 'a single event is held until the burst is quiet', events: [['/w/.env', 'changed', 0]], takeAt: 599, taken: [], dueAfter: 600 },
      { name: 'and then handed over once', events: [['/w/.env', 'changed', 0]], takeAt: 600, taken: ['/w/.env:changed'], dueAfter: undefined },
      { name: 'events on one path fold into one', events: [['/w/.env', 'deleted', 0], ['/w/.env', 'created', 100]], takeAt: 700, taken: ['/w/.env:changed'], dueAfter: undefined },
      { name: 'a continuing burst waits for quiet', events: [['/w/a', 'changed', 0], ['/w/b', 'changed', 500]], takeAt: 700, taken: [], dueAfter: 1100 },
      { name: 'a burst that never goes quiet is handed over at the longest wait', events: [['/w/a', 'changed', 0], ['/w/b', 'changed', 2800], ['/w/c', 'deleted', 3200]], takeAt: 3000, taken: ['/w/a:changed', '/w/b:changed', '/w/c:deleted'], dueAfter: undefined },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const batcher = new ChangeBatcher(600, 3000);
        for (const [p, kind, at] of c.events) batcher.note(p, kind, at);
        const taken = batcher.take(c.takeAt).map((x) => `${x.path}:${x.kind}`);
        assert.deepEqual(taken.sort(), c.taken);
        assert.equal(batcher.dueAt(), c.dueAfter);
      });
    }
  });

  describe('expected writes', () => {
    const cases: Array<{ name: string; expect: Array<[string, number, number]>; check: Array<[string, number, boolean]> }> = [
      { name: 'Agent Guard\'s own restore is recognised by its content, once', expect: [['h1', 0, 1000]], check: [['h1', 10, true], ['h1', 20, false]] },
      { name: 'a different content is not ours', expect: [['h1', 0, 1000]], check: [['h2', 10, false], ['h1', 20, true]] },
      { name: 'an expectation expires', expect: [['h1', 0, 1000]], check: [['h1', 1001, false]] },
      { name: 'an editor save matches any content', expect: [['any', 0, 1000]], check: [['h9', 10, true], ['h9', 20, false]] },
      { name: 'an editor save never explains a removal', expect: [['any', 0, 1000]], check: [['absent', 10, false], ['h9', 20, true]] },
      { name: 'a removal', expect: [['absent', 0, 1000]], check: [['absent', 5, true]] },
      { name: 'two writes in flight', expect: [['h1', 0, 1000], ['h2', 0, 1000]], check: [['h2', 5, true], ['h1', 6, true], ['h1', 7, false]] },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const expected = new ExpectedWrites();
        for (const [state, at, ttl] of c.expect) expected.expect('/w/.env', state, at, ttl);
        for (const [state, at, result] of c.check) assert.equal(expected.consume('/w/.env', state, at), result, `${state} at ${at}`);
        assert.equal(expected.consume('/w/other', 'h1', 1), false, 'per path');
      });
    }

    it('knows when a write is still in flight', () => {
      const expected = new ExpectedWrites();
      expected.expect('/w/.env', 'any', 0, 100);
      assert.equal(expected.pendingFor('/w/.env', 50), true);
      assert.equal(expected.pendingFor('/w/.env', 101), false);
      assert.equal(expected.pendingFor('/w/x', 50), false);
    });
  });

  describe('what a settled change means', () => {
    const cases: Array<[string, ChangeFacts, ChangeAction, string]> = [
      ['unchanged content (a touch, our own restore)', { latest: 'h1', current: 'h1', expected: false, kind: 'changed' }, 'ignore', 'changed'],
      ['changed outside the editor', { latest: 'h1', current: 'h2', expected: false, kind: 'changed' }, 'notify', 'changed'],
      ['deleted outside the editor', { latest: 'h1', current: 'absent', expected: false, kind: 'deleted' }, 'notify', 'deleted'],
      ['an expected write (editor save)', { latest: 'h1', current: 'h2', expected: true, kind: 'changed' }, 'baseline', 'changed'],
      ['a new protected file', { latest: undefined, current: 'h1', expected: false, kind: 'created' }, 'notify', 'created'],
      ['a new file the editor created', { latest: undefined, current: 'h1', expected: true, kind: 'created' }, 'baseline', 'created'],
      ['an existing file never copied before changed: nothing to go back to', { latest: undefined, current: 'h1', expected: false, kind: 'changed' }, 'baseline', 'created'],
      ['a file never copied was deleted', { latest: undefined, current: 'absent', expected: false, kind: 'deleted' }, 'baseline', 'deleted'],
      ['a kept deletion, then the file came back', { latest: 'absent', current: 'h1', expected: false, kind: 'created' }, 'notify', 'created'],
      ['a kept deletion, still absent', { latest: 'absent', current: 'absent', expected: false, kind: 'deleted' }, 'ignore', 'deleted'],
    ];
    for (const [name, facts, action, kind] of cases) {
      it(`${name} → ${action}, described as ${kind}`, () => {
        assert.equal(classifyChange(facts), action);
        assert.equal(describeKind(facts), kind);
      });
    }
  });
});

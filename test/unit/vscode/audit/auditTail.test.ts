import * as assert from 'node:assert/strict';
import { freshCursor, planTailRead, takeLines, type TailCursor } from '../../../../src/vscode/audit/auditTail';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Feeds `chunks` one after another to a cursor, each read where planTailRead says, as the follower does. */
function feed(chunks: readonly string[]): { lines: string[][]; cursor: TailCursor } {
  let cursor = freshCursor('1:7');
  let file = '';
  const lines: string[][] = [];
  for (const chunk of chunks) {
    file += chunk;
    const whole = bytes(file);
    const plan = planTailRead(cursor, { identity: '1:7', size: whole.length });
    if (plan.kind === 'nothing') {
      lines.push([]);
      continue;
    }
    assert.equal(plan.kind, 'append');
    const position = plan.kind === 'append' ? plan.position : 0;
    const step = takeLines(cursor, position, whole.subarray(position));
    assert.equal(step.kind, 'lines');
    if (step.kind !== 'lines') throw new Error('unreachable');
    lines.push(step.lines);
    cursor = step.cursor;
  }
  return { lines, cursor };
}

describe('audit tail: following one day file', () => {
  const growth: Array<{ name: string; chunks: string[]; lines: string[][]; pending: string }> = [
    { name: 'whole lines come out as they are appended', chunks: ['a\n', 'b\nc\n'], lines: [['a'], ['b', 'c']], pending: '' },
    { name: 'a line still being written is kept until its newline arrives', chunks: ['a\n{"ti', 'me":1', '}\nb\n'], lines: [['a'], [], ['{"time":1}', 'b']], pending: '' },
    { name: 'a last line without its newline stays pending', chunks: ['a\nb'], lines: [['a']], pending: 'b' },
    { name: 'nothing appended reads nothing', chunks: ['a\n', ''], lines: [['a'], []], pending: '' },
    { name: 'blank lines are handed out as empty lines (the reader skips them)', chunks: ['a\n\nb\n'], lines: [['a', '', 'b']], pending: '' },
  ];
  for (const c of growth) {
    it(c.name, () => {
      const { lines, cursor } = feed(c.chunks);
      assert.deepEqual(lines, c.lines);
      assert.equal(new TextDecoder().decode(cursor.pending), c.pending);
      assert.equal(cursor.readTo, bytes(c.chunks.join('')).length);
    });
  }

  it('a multi-byte character cut between two reads at byte level is kept, not garbled', () => {
    const text = bytes('é\n');
    let cursor = freshCursor('1:7');
    const first = takeLines(cursor, 0, text.subarray(0, 1));
    assert.equal(first.kind, 'lines');
    if (first.kind !== 'lines') return;
    assert.deepEqual(first.lines, []);
    cursor = first.cursor;
    const plan = planTailRead(cursor, { identity: '1:7', size: text.length });
    assert.deepEqual(plan, { kind: 'append', position: 0, expect: text[0] });
    const second = takeLines(cursor, 0, text);
    assert.deepEqual(second.kind === 'lines' ? second.lines : undefined, ['é']);
  });

  const plans: Array<{ name: string; cursor: TailCursor | undefined; file: { identity: string; size: number }; plan: ReturnType<typeof planTailRead> }> = [
    { name: 'a file never read is read from the start', cursor: undefined, file: { identity: '1:7', size: 10 }, plan: { kind: 'restart', why: 'new' } },
    { name: 'another file under the same name (rotated, replaced) is read anew', cursor: { identity: '1:7', readTo: 4, pending: new Uint8Array(0), lastByte: 10 }, file: { identity: '1:8', size: 40 }, plan: { kind: 'restart', why: 'replaced' } },
    { name: 'a file shorter than what was read (truncated) is read anew', cursor: { identity: '1:7', readTo: 40, pending: new Uint8Array(0), lastByte: 10 }, file: { identity: '1:7', size: 3 }, plan: { kind: 'restart', why: 'truncated' } },
    { name: 'a file of the same size has nothing new', cursor: { identity: '1:7', readTo: 40, pending: new Uint8Array(0), lastByte: 10 }, file: { identity: '1:7', size: 40 }, plan: { kind: 'nothing' } },
    { name: 'a grown file is read from the byte before the cursor, which must be unchanged', cursor: { identity: '1:7', readTo: 40, pending: new Uint8Array(0), lastByte: 10 }, file: { identity: '1:7', size: 90 }, plan: { kind: 'append', position: 39, expect: 10 } },
    { name: 'a grown file read only as far as an empty start is read from 0', cursor: freshCursor('1:7'), file: { identity: '1:7', size: 9 }, plan: { kind: 'append', position: 0, expect: undefined } },
  ];
  for (const c of plans) {
    it(c.name, () => assert.deepEqual(planTailRead(c.cursor, c.file), c.plan));
  }

  it('a file rewritten in place (truncated, then grown past the cursor) is told by the byte before the cursor', () => {
    const { cursor } = feed(['first line\n']);
    const rewritten = bytes('other content, longer than before\n');
    const plan = planTailRead(cursor, { identity: '1:7', size: rewritten.length });
    assert.equal(plan.kind, 'append');
    const position = plan.kind === 'append' ? plan.position : 0;
    assert.deepEqual(takeLines(cursor, position, rewritten.subarray(position)), { kind: 'rewritten' });
  });

  it('bytes from anywhere but the cursor (or the byte before it) are refused', () => {
    const { cursor } = feed(['a\n']);
    assert.deepEqual(takeLines(cursor, 5, bytes('b\n')), { kind: 'rewritten' });
  });

  it('a kept partial line is a copy, not a view of the read buffer', () => {
    const buffer = bytes('a\nbc');
    const step = takeLines(freshCursor('1:7'), 0, buffer);
    assert.equal(step.kind, 'lines');
    if (step.kind !== 'lines') return;
    assert.notEqual(step.cursor.pending.buffer, buffer.buffer);
    assert.equal(new TextDecoder().decode(step.cursor.pending), 'bc');
  });
});

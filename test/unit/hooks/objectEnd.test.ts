import * as assert from 'node:assert/strict';
import { ObjectEnd } from '../../../src/cli/hooks/objectEnd';

/** [what, chunks as the agent might send them, whether the object is complete after the last one] */
const cases: readonly [string, readonly string[], boolean][] = [
  ['a whole object', ['{"a":1}'], true],
  ['leading whitespace', ['  \n\t{"a":1}\n'], true],
  ['a UTF-8 byte-order mark', ['\ufeff{"a":1}'], true],
  ['nested objects', ['{"a":{"b":{"c":[1,{"d":2}]}}}'], true],
  ['still open', ['{"a":{"b":1}'], false],
  ['braces inside strings', ['{"cmd":"echo } { }}"'], false],
  ['braces inside strings, then closed', ['{"cmd":"echo } { }}"}'], true],
  ['an escaped quote does not end the string', ['{"cmd":"say \\"}\\" now"'], false],
  ['an escaped backslash does end it', ['{"cmd":"dir\\\\"}'], true],
  ['split inside a string', ['{"cmd":"rm -rf }', '"}'], true],
  ['split between a backslash and the quote it escapes', ['{"cmd":"a\\', '"}'], false],
  ['split between a backslash and the quote it escapes, then closed', ['{"cmd":"a\\', '"}"}'], true],
  ['split one byte at a time', [...'{"x":"é}"}'], true],
  ['multi-byte text around braces', ['{"msg":"日本語 } ü","n":{}}'], true],
  ['an array is not waited on (the end of input decides)', ['[{"a":1}]'], false],
  ['garbage is not waited on', ['not json {}'], false],
  ['empty input', [''], false],
];

describe('ObjectEnd: when stdin holds one whole JSON object', () => {
  for (const [what, chunks, complete] of cases) {
    it(`${what} → ${complete ? 'complete' : 'not yet'}`, () => {
      const end = new ObjectEnd();
      for (const c of chunks) end.push(Buffer.from(c, 'utf8'));
      assert.equal(end.complete, complete);
    });
  }

  it('stays complete whatever follows', () => {
    const end = new ObjectEnd();
    end.push(Buffer.from('{}'));
    end.push(Buffer.from('{"more":'));
    assert.equal(end.complete, true);
  });

  it('agrees with JSON.parse on where a valid object ends', () => {
    const objects = [{ a: 'x}' }, { b: ['{', '}', { c: '\\"' }] }, { d: '\u2028}\n' }, {}];
    for (const o of objects) {
      const text = JSON.stringify(o);
      for (let cut = 1; cut < text.length; cut++) {
        const end = new ObjectEnd();
        end.push(Buffer.from(text.slice(0, cut)));
        assert.equal(end.complete, false, `${text} cut at ${cut}`);
      }
      const end = new ObjectEnd();
      end.push(Buffer.from(text));
      assert.equal(end.complete, true, text);
    }
  });
});

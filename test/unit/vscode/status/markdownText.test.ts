import * as assert from 'node:assert/strict';
import { escapeMarkdown, oneLine } from '../../../../src/vscode/status/markdownText';

describe('markdown text', () => {
  const escapes: Array<{ text: string; escaped: string }> = [
    { text: 'ls', escaped: 'ls' },
    { text: '[a](command:x)', escaped: '\\[a\\]\\(command\\:x\\)' },
    { text: '$(alert)', escaped: '\\$\\(alert\\)' },
    { text: '*a* _b_ `c`', escaped: '\\*a\\* \\_b\\_ \\`c\\`' },
    { text: '<img src=x>', escaped: '\\<img src=x\\>' },
    { text: 'a\\b', escaped: 'a\\\\b' },
  ];
  for (const c of escapes) {
    it(`escapes ${c.text}`, () => assert.equal(escapeMarkdown(c.text), c.escaped));
  }

  const lines: Array<{ text: string; max: number; line: string }> = [
    { text: 'a\n  b\tc', max: 80, line: 'a b c' },
    { text: 'abcdef', max: 4, line: 'abc…' },
    { text: 'abcd', max: 4, line: 'abcd' },
  ];
  for (const c of lines) {
    it(`flattens ${JSON.stringify(c.text)} to ${JSON.stringify(c.line)}`, () => assert.equal(oneLine(c.text, c.max), c.line));
  }
});

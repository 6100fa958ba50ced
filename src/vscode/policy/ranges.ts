/**
 * Where in the editor a policy problem is underlined. The loader gives an offset and length for problems it can
 * point at (a key, a value) and only a line for others (a failing test, a trust notice): those underline the
 * line's text. A problem about a whole multi-line entry ("missing reason") underlines its first line only, so
 * the squiggle points at the entry instead of painting the whole block.
 */
import type { PolicyDiagnostic } from '../../core/policy/diagnostics';
import { LineIndex } from '../../core/policy/position';

/** Zero-based, end exclusive, like `vscode.Range`. */
export interface TextRange {
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

function lineText(text: string, starts: readonly number[], line: number): string {
  const start = starts[line] ?? text.length;
  const next = starts[line + 1];
  return text.slice(start, next === undefined ? text.length : next).replace(/\r?\n$|\r$/, '');
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

/** The non-blank part of a (zero-based) line, or the line start when it is blank. */
function wholeLine(text: string, starts: readonly number[], line: number): TextRange {
  const content = lineText(text, starts, line);
  const first = content.search(/\S/);
  if (first < 0) return { startLine: line, startCharacter: 0, endLine: line, endCharacter: content.length };
  return { startLine: line, startCharacter: first, endLine: line, endCharacter: content.trimEnd().length };
}

export function diagnosticRange(d: PolicyDiagnostic, text: string): TextRange {
  const starts = lineStarts(text);
  const lastLine = starts.length - 1;
  if (d.length <= 0) {
    const line = Math.min(Math.max(d.line - 1, 0), lastLine);
    // a syntax error at one character (offset known, nothing to underline): point at it
    if (d.offset > 0 || (d.line === 1 && d.column > 1)) {
      const character = Math.max(d.column - 1, 0);
      const content = lineText(text, starts, line);
      return { startLine: line, startCharacter: Math.min(character, content.length), endLine: line, endCharacter: Math.min(character + 1, content.length) };
    }
    return wholeLine(text, starts, line);
  }
  const index = new LineIndex(text);
  const start = index.at(d.offset);
  const end = index.at(Math.min(d.offset + d.length, text.length));
  const startLine = start.line - 1;
  if (end.line !== start.line) {
    return { startLine, startCharacter: start.column - 1, endLine: startLine, endCharacter: lineText(text, starts, startLine).trimEnd().length };
  }
  return { startLine, startCharacter: start.column - 1, endLine: end.line - 1, endCharacter: end.column - 1 };
}

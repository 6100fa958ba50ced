/**
 * JSONC (comments, trailing commas) to a syntax tree that keeps offsets, with syntax errors turned into
 * diagnostics that say what was expected where.
 */
import { parseTree, printParseErrorCode, stripComments, type Node, type ParseError } from 'jsonc-parser';
import type { PolicyDiagnostic } from './diagnostics';
import { LineIndex } from './position';

const SYNTAX_MESSAGES: Readonly<Record<string, string>> = {
  InvalidSymbol: 'unexpected character; expected a JSON value, a property name in double quotes, or a comment',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value (a "string", a number, true, false, null, an {object} or an [array])',
  ColonExpected: 'expected ":" after the property name',
  CommaExpected: 'expected "," between entries',
  CloseBraceExpected: 'expected "}" to close the object',
  CloseBracketExpected: 'expected "]" to close the array',
  EndOfFileExpected: 'expected the end of the file after the top-level object',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'comment is never closed; expected "*/"',
  UnexpectedEndOfString: 'string is never closed; expected a closing double quote on the same line',
  UnexpectedEndOfNumber: 'number ends unexpectedly',
  InvalidUnicode: 'invalid \\u escape; expected four hexadecimal digits',
  InvalidEscapeCharacter: 'invalid escape character in string; use \\\\ for a backslash',
  InvalidCharacter: 'invalid character in string (control characters must be escaped)',
};

export interface ParsedText {
  readonly root: Node | undefined;
  readonly lines: LineIndex;
  readonly diagnostics: readonly PolicyDiagnostic[];
}

export function parseJsonc(text: string, file: string): ParsedText {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  const lines = new LineIndex(text);
  const diagnostics: PolicyDiagnostic[] = errors.map((e) => {
    const { line, column } = lines.at(e.offset);
    const code = printParseErrorCode(e.error);
    const atEnd = e.offset >= text.length;
    const message = (SYNTAX_MESSAGES[code] ?? `syntax error (${code})`) + (atEnd ? ' before the end of the file' : '');
    return { severity: 'error', file, line, column, offset: e.offset, length: e.length, path: '', message: 'invalid JSON: ' + message };
  });
  if (root === undefined && stripComments(text).trim() === '') {
    diagnostics.length = 0;
    diagnostics.push({ severity: 'error', file, line: 1, column: 1, offset: 0, length: 0, path: '', message: 'the file is empty; expected an object such as { "version": 1 }' });
  }
  return { root, lines, diagnostics };
}

/**
 * JSONC (comments, trailing commas) to a syntax tree that keeps offsets, with syntax errors turned into
 * diagnostics that say what was expected where.
 */
import type { Node, ParseError } from 'jsonc-parser';
// the parser alone, not the package's main entry: see jsoncParser.d.ts
import { parseTree, stripComments } from 'jsonc-parser/lib/esm/impl/parser.js';
import type { PolicyDiagnostic } from './diagnostics';
import { LineIndex } from './position';

/** By jsonc-parser's `ParseErrorCode` (a numeric enum, stable since 2.x). */
const SYNTAX_MESSAGES: Readonly<Record<number, string>> = {
  /* InvalidSymbol */ 1: 'unexpected character; expected a JSON value, a property name in double quotes, or a comment',
  /* InvalidNumberFormat */ 2: 'invalid number',
  /* PropertyNameExpected */ 3: 'expected a property name in double quotes',
  /* ValueExpected */ 4: 'expected a value (a "string", a number, true, false, null, an {object} or an [array])',
  /* ColonExpected */ 5: 'expected ":" after the property name',
  /* CommaExpected */ 6: 'expected "," between entries',
  /* CloseBraceExpected */ 7: 'expected "}" to close the object',
  /* CloseBracketExpected */ 8: 'expected "]" to close the array',
  /* EndOfFileExpected */ 9: 'expected the end of the file after the top-level object',
  /* InvalidCommentToken */ 10: 'invalid comment',
  /* UnexpectedEndOfComment */ 11: 'comment is never closed; expected "*/"',
  /* UnexpectedEndOfString */ 12: 'string is never closed; expected a closing double quote on the same line',
  /* UnexpectedEndOfNumber */ 13: 'number ends unexpectedly',
  /* InvalidUnicode */ 14: 'invalid \\u escape; expected four hexadecimal digits',
  /* InvalidEscapeCharacter */ 15: 'invalid escape character in string; use \\\\ for a backslash',
  /* InvalidCharacter */ 16: 'invalid character in string (control characters must be escaped)',
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
    const atEnd = e.offset >= text.length;
    const message = (SYNTAX_MESSAGES[e.error] ?? `syntax error (code ${e.error})`) + (atEnd ? ' before the end of the file' : '');
    return { severity: 'error', file, line, column, offset: e.offset, length: e.length, path: '', message: 'invalid JSON: ' + message };
  });
  if (root === undefined && stripComments(text).trim() === '') {
    diagnostics.length = 0;
    diagnostics.push({ severity: 'error', file, line: 1, column: 1, offset: 0, length: 0, path: '', message: 'the file is empty; expected an object such as { "version": 1 }' });
  }
  return { root, lines, diagnostics };
}

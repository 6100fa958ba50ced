/**
 * Editing other programs' JSON-with-comments config files without disturbing them: edits go through
 * jsonc-parser `modify`/`applyEdits`, so comments, ordering and formatting of everything else survive.
 */
import * as jsonc from 'jsonc-parser';

export const FORMAT: jsonc.FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };

export class ConfigParseError extends Error {}

/** Parses JSONC, throwing with the position of the first error (we never rewrite a file we cannot read). */
export function parseJsonc(text: string, file: string): unknown {
  const errors: jsonc.ParseError[] = [];
  const value: unknown = jsonc.parse(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  if (errors.length > 0) {
    const first = errors[0];
    const line = first ? text.slice(0, first.offset).split('\n').length : 0;
    throw new ConfigParseError(`${file}: not valid JSON (${first ? jsonc.printParseErrorCode(first.error) : 'error'} at line ${line}); left untouched`);
  }
  return value;
}

/** Sets (or with `undefined`, removes) the value at `path`. */
export function setAt(text: string, path: jsonc.JSONPath, value: unknown): string {
  return jsonc.applyEdits(text, jsonc.modify(text, path, value, { formattingOptions: FORMAT }));
}

/** Appends to the array at `path` (created when missing). */
export function appendAt(text: string, path: jsonc.JSONPath, length: number, value: unknown): string {
  if (length === 0) return setAt(text, path, [value]);
  return jsonc.applyEdits(text, jsonc.modify(text, [...path, length], value, { formattingOptions: FORMAT, isArrayInsertion: true }));
}

export function ensureTrailingNewline(text: string): string {
  return text.endsWith('\n') ? text : text + '\n';
}

/** The JSONC edit behind writing a setting straight into a settings file: comments and other keys stay. */
import { applyEdits, modify } from 'jsonc-parser';

/** Merges `key: value` into a JSONC settings text, keeping comments, formatting and every other key. */
export function setInSettingsText(text: string, key: string, value: unknown): string {
  const base = text.trim() === '' ? '{}' : text;
  const edits = modify(base, [key], value, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } });
  return applyEdits(base, edits);
}

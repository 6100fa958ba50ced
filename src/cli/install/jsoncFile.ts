/**
 * Editing other programs' JSON-with-comments config files without disturbing them. Every edit is a splice at
 * the exact place (located with jsonc-parser's tree), in the indentation of its neighbours, so comments,
 * ordering and the formatting of everything else survive — and removing what was added gives back the
 * original bytes. (jsonc-parser's own `modify` re-formats neighbouring lines and, removing a last element,
 * drops the comments after it.)
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

/** The whitespace a value starting at `offset` is indented with, when it starts its line. */
function indentAt(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/** JSON for `value`, two-space indented, continuation lines prefixed with `indent`. */
function indented(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).split('\n').join('\n' + indent);
}

/**
 * Sets (or with `undefined`, removes) the value at `path`. Existing values are replaced and removed in place
 * without reformatting their neighbours; only newly created containers are formatted.
 */
export function setAt(text: string, path: jsonc.JSONPath, value: unknown): string {
  if (value === undefined) return removeAt(text, path);
  const tree = jsonc.parseTree(text);
  const node = tree ? jsonc.findNodeAtLocation(tree, path) : undefined;
  if (node) {
    const indent = indentAt(text, node.offset) ?? lineIndent(text, node.offset);
    return text.slice(0, node.offset) + indented(value, indent) + text.slice(node.offset + node.length);
  }
  return createAt(text, path, value);
}

/** The leading whitespace of the line holding `offset`. */
function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

function nest(rest: jsonc.JSONPath, value: unknown): unknown {
  return rest.reduceRight<unknown>((acc, k) => (typeof k === 'number' ? [acc] : { [k]: acc }), value);
}

/** Creates the missing part of `path` as one new property of the deepest object that exists. */
function createAt(text: string, path: jsonc.JSONPath, value: unknown): string {
  const tree = jsonc.parseTree(text);
  if (!tree) return indented(nest(path, value), '') + '\n';
  let node = tree;
  let depth = 0;
  while (depth < path.length) {
    const next = jsonc.findNodeAtLocation(tree, path.slice(0, depth + 1));
    if (!next) break;
    node = next;
    depth++;
  }
  const key = path[depth];
  if (node.type !== 'object' || typeof key !== 'string') return jsonc.applyEdits(text, jsonc.modify(text, path, value, { formattingOptions: FORMAT }));
  const member = (indent: string): string => `${JSON.stringify(key)}: ${indented(nest(path.slice(depth + 1), value), indent)}`;
  const props = node.children ?? [];
  const last = props[props.length - 1];
  if (last) {
    const indent = indentAt(text, last.offset);
    const at = last.offset + last.length;
    // a one-line object gets a one-line member
    const inline = `${JSON.stringify(key)}: ${JSON.stringify(nest(path.slice(depth + 1), value))}`;
    return text.slice(0, at) + (indent !== undefined ? `,\n${indent}${member(indent)}` : `, ${inline}`) + text.slice(at);
  }
  const base = lineIndent(text, node.offset);
  const inner = base + ' '.repeat(FORMAT.tabSize ?? 2);
  const open = node.offset + 1;
  const close = node.offset + node.length - 1;
  const body = text.slice(open, close);
  const rest = body.trim() === '' ? `\n${base}` : body;
  return text.slice(0, open) + `\n${inner}${member(inner)}` + rest + text.slice(close);
}

/**
 * Removes the value at `path`. An array element goes with the comma and line break that separate it from its
 * previous sibling, and nothing else — comments after it stay (jsonc-parser's own removal of a last element
 * also deletes what follows it up to the bracket).
 */
function removeAt(text: string, path: jsonc.JSONPath): string {
  const tree = jsonc.parseTree(text);
  const node = tree ? jsonc.findNodeAtLocation(tree, path) : undefined;
  const parent = node?.parent;
  if (!node || parent?.type !== 'array' || !parent.children) return jsonc.applyEdits(text, jsonc.modify(text, path, undefined, {}));
  const i = parent.children.indexOf(node);
  const prev = i > 0 ? parent.children[i - 1] : undefined;
  const next = parent.children[i + 1];
  const end = node.offset + node.length;
  if (prev) return text.slice(0, prev.offset + prev.length) + text.slice(end);
  if (next) return text.slice(0, node.offset) + text.slice(next.offset);
  return text.slice(0, node.offset) + text.slice(end);
}

/** Appends to the array at `path` (created when missing), after its last element, in that element's indentation. */
export function appendAt(text: string, path: jsonc.JSONPath, length: number, value: unknown): string {
  const tree = jsonc.parseTree(text);
  const arr = tree ? jsonc.findNodeAtLocation(tree, path) : undefined;
  const last = arr?.type === 'array' ? arr.children?.[arr.children.length - 1] : undefined;
  if (length === 0 || !last) return setAt(text, path, [value]);
  const indent = indentAt(text, last.offset);
  const at = last.offset + last.length;
  const insert = indent !== undefined ? `,\n${indent}${indented(value, indent)}` : `, ${JSON.stringify(value)}`;
  return text.slice(0, at) + insert + text.slice(at);
}

export function ensureTrailingNewline(text: string): string {
  return text.endsWith('\n') ? text : text + '\n';
}

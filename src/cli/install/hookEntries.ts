/**
 * Adding, replacing and removing our hook handler in an agent's config text, for the two layouts agents use:
 *  - grouped (Claude Code, Gemini CLI, Codex): `hooks.<Event>[{matcher, hooks:[handler…]}]`
 *  - flat (Cursor, VS Code / Copilot CLI):      `hooks.<Event>[handler…]`
 * Handlers of other tools and the user's own are never touched; ours are recognised by their command.
 * Every function is text → text and idempotent.
 */
import type { JSONPath } from 'jsonc-parser';
import { isObject, type Json } from '../hooks/payload';
import { isOurCommand } from './hookCommand';
import { appendAt, ConfigParseError, ensureTrailingNewline, parseJsonc, setAt } from './jsoncFile';

export type Layout = 'grouped' | 'flat';

export interface EntrySpec {
  readonly layout: Layout;
  readonly event: string;
  /** The handler object we want (`{type:"command", command, timeout, …}`). */
  readonly handler: Json;
  /** Grouped layout only: the group's matcher (undefined = no matcher key). */
  readonly matcher?: string;
  /** Keys whose string values identify our handler (default `command`; Copilot uses `bash`). */
  readonly commandKeys?: readonly string[];
}

interface Found {
  readonly path: JSONPath;
  /** Path of the group (grouped layout), to drop it when it holds only our handler. */
  readonly groupPath?: JSONPath;
  readonly groupSize?: number;
  readonly handler: Json;
  readonly group?: Json;
}

function root(text: string, file: string): Json {
  const value = text.trim() === '' ? {} : parseJsonc(text, file);
  if (value === undefined) return {};
  if (!isObject(value)) throw new ConfigParseError(`${file}: the top level is not a JSON object; left untouched`);
  return value;
}

function eventArray(doc: Json, event: string, file: string): unknown[] | undefined {
  const hooks = doc['hooks'];
  if (hooks === undefined) return undefined;
  if (!isObject(hooks)) throw new ConfigParseError(`${file}: "hooks" is not an object; left untouched`);
  const arr: unknown = hooks[event];
  if (arr === undefined) return undefined;
  if (!Array.isArray(arr)) throw new ConfigParseError(`${file}: "hooks.${event}" is not an array; left untouched`);
  return arr as unknown[];
}

function ours(handler: unknown, keys: readonly string[]): handler is Json {
  return isObject(handler) && keys.some((k) => isOurCommand(handler[k]));
}

export function findOurs(text: string, file: string, layout: Layout, event: string, commandKeys: readonly string[] = ['command']): Found[] {
  const arr = eventArray(root(text, file), event, file) ?? [];
  const found: Found[] = [];
  arr.forEach((item, i) => {
    if (layout === 'flat') {
      if (ours(item, commandKeys)) found.push({ path: ['hooks', event, i], handler: item });
      return;
    }
    if (!isObject(item) || !Array.isArray(item['hooks'])) return;
    const inner = item['hooks'] as unknown[];
    inner.forEach((h, j) => {
      if (ours(h, commandKeys)) found.push({ path: ['hooks', event, i, 'hooks', j], groupPath: ['hooks', event, i], groupSize: inner.length, handler: h, group: item });
    });
  });
  return found;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Removes empty `hooks.<event>` and an empty `hooks` left behind. */
function pruneEmpty(text: string, file: string, event: string): string {
  let out = text;
  const doc = root(out, file);
  const arr = eventArray(doc, event, file);
  if (arr !== undefined && arr.length === 0) out = setAt(out, ['hooks', event], undefined);
  const hooks = root(out, file)['hooks'];
  if (isObject(hooks) && Object.keys(hooks).length === 0) out = setAt(out, ['hooks'], undefined);
  return out;
}

/** Removes every handler of ours for the event (and groups that held only ours). */
export function removeEntries(text: string, file: string, layout: Layout, event: string, commandKeys: readonly string[] = ['command']): string {
  let out = text;
  // one at a time, last first, re-reading after each edit so paths stay valid
  for (;;) {
    const found = findOurs(out, file, layout, event, commandKeys);
    const last = found[found.length - 1];
    if (!last) break;
    const dropGroup = last.groupPath !== undefined && last.groupSize === 1;
    out = setAt(out, dropGroup && last.groupPath ? last.groupPath : last.path, undefined);
  }
  return out === text ? text : ensureTrailingNewline(pruneEmpty(out, file, event));
}

/** Adds our handler, or brings an existing one up to date; unchanged text when it is already right. */
export function upsertEntry(text: string, file: string, spec: EntrySpec): string {
  const keys = spec.commandKeys ?? ['command'];
  const found = findOurs(text, file, spec.layout, spec.event, keys);
  const only = found.length === 1 ? found[0] : undefined;
  if (only) {
    const groupOk = spec.layout === 'flat' || only.groupSize !== 1 || sameJson(only.group?.['matcher'], spec.matcher);
    if (sameJson(only.handler, spec.handler) && groupOk) return text;
    let out = setAt(text, only.path, spec.handler);
    if (spec.layout === 'grouped' && only.groupSize === 1 && only.groupPath && !groupOk) out = setAt(out, [...only.groupPath, 'matcher'], spec.matcher);
    return ensureTrailingNewline(out);
  }
  let out = found.length > 0 ? removeEntries(text, file, spec.layout, spec.event, keys) : text;
  if (out.trim() === '') out = '{}\n';
  const arr = eventArray(root(out, file), spec.event, file) ?? [];
  const item: Json = spec.layout === 'flat' ? spec.handler : { ...(spec.matcher !== undefined ? { matcher: spec.matcher } : {}), hooks: [spec.handler] };
  return ensureTrailingNewline(appendAt(out, ['hooks', spec.event], arr.length, item));
}

/** Sets a top-level key when it is missing (e.g. `"version": 1`); leaves an existing value alone. */
export function ensureTopLevel(text: string, file: string, key: string, value: unknown): string {
  const doc = root(text.trim() === '' ? '{}' : text, file);
  if (key in doc) return text;
  return ensureTrailingNewline(setAt(text.trim() === '' ? '{}' : text, [key], value));
}

/** Whether the document holds anything besides the given keys with the given values. */
export function onlyHas(text: string, file: string, expected: Json): boolean {
  const doc = root(text, file);
  return Object.keys(doc).every((k) => k in expected && sameJson(doc[k], expected[k]));
}

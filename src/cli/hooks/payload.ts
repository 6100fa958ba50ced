/** Small readers for untrusted JSON payloads: never throw, never trust a type. */

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The first non-empty string among `keys`. */
export function str(o: Json | undefined, ...keys: string[]): string | undefined {
  if (!o) return undefined;
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'string' && v.length > 0) return v;
  }
  return undefined;
}

export function obj(o: Json | undefined, ...keys: string[]): Json | undefined {
  if (!o) return undefined;
  for (const k of keys) {
    const v = o[k];
    if (isObject(v)) return v;
  }
  return undefined;
}

/** An object, or a JSON string holding one (Copilot CLI's `toolArgs`, Cursor's MCP `tool_input`). */
export function objOrJson(o: Json | undefined, ...keys: string[]): Json | undefined {
  if (!o) return undefined;
  for (const k of keys) {
    const v = o[k];
    if (isObject(v)) return v;
    if (typeof v === 'string') {
      try {
        const parsed: unknown = JSON.parse(v);
        if (isObject(parsed)) return parsed;
      } catch {
        /* not JSON */
      }
    }
  }
  return undefined;
}

export function strings(o: Json | undefined, key: string): string[] {
  const v = o?.[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : [];
}

/** A shell command given as a string or as an argv array (quoted back into one line). */
export function commandText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim().length > 0 ? v : undefined;
  if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) {
    return v.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
  }
  return undefined;
}

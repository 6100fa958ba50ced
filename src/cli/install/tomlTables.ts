/**
 * Just enough TOML to read Codex's `config.toml` for the switches that decide whether it runs a hook: table
 * headers (bare and quoted keys) and `key = value` lines with string, boolean or number values. Arrays, inline
 * tables and multi-line strings are skipped, never misread as something else.
 */

export interface TomlTable {
  /** Header segments, e.g. `['projects', '/home/me/app']` for `[projects."/home/me/app"]`. */
  readonly path: readonly string[];
  readonly values: ReadonlyMap<string, string | boolean | number>;
}

function segments(header: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (i < header.length) {
    while (header[i] === ' ' || header[i] === '\t') i++;
    const c = header[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      let s = '';
      for (; j < header.length && header[j] !== c; j++) {
        if (c === '"' && header[j] === '\\' && j + 1 < header.length) s += header[++j] ?? '';
        else s += header[j] ?? '';
      }
      if (j >= header.length) return undefined;
      out.push(s);
      i = j + 1;
    } else {
      const m = /^[A-Za-z0-9_-]+/.exec(header.slice(i));
      if (!m) return undefined;
      out.push(m[0]);
      i += m[0].length;
    }
    while (header[i] === ' ' || header[i] === '\t') i++;
    if (i < header.length && header[i] !== '.') return undefined;
    i++;
  }
  return out;
}

function value(raw: string): string | boolean | number | undefined {
  const t = raw.replace(/\s+#.*$/, '').trim();
  if (t === 'true') return true;
  if (t === 'false') return false;
  if (/^[+-]?\d+(\.\d+)?$/.test(t)) return Number(t);
  const m = /^"((?:[^"\\]|\\.)*)"$/.exec(t) ?? /^'([^']*)'$/.exec(t);
  return m ? (m[1] ?? '').replace(/\\(.)/g, '$1') : undefined;
}

/** Every table with its simple values; the root table has an empty path. */
export function tomlTables(text: string): TomlTable[] {
  const tables: { path: string[]; values: Map<string, string | boolean | number> }[] = [{ path: [], values: new Map() }];
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*\[(?!\[)(.*)\]\s*(#.*)?$/.exec(line);
    if (header) {
      tables.push({ path: segments(header[1] ?? '') ?? ['\u0000unreadable'], values: new Map() });
      continue;
    }
    const kv = /^\s*("(?:[^"\\]|\\.)*"|[A-Za-z0-9_-]+)\s*=\s*(.*)$/.exec(line);
    if (!kv) continue;
    const key = (kv[1] ?? '').startsWith('"') ? (kv[1] ?? '').slice(1, -1) : (kv[1] ?? '');
    const v = value(kv[2] ?? '');
    const table = tables[tables.length - 1];
    if (v !== undefined && table) table.values.set(key, v);
  }
  return tables;
}

export function findTable(tables: readonly TomlTable[], ...path: string[]): TomlTable | undefined {
  return tables.find((t) => t.path.length === path.length && t.path.every((s, i) => s === path[i]));
}

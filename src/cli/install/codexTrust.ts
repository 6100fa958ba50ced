/**
 * Codex runs a hook only after a person trusted it: reviewing it in Codex's `/hooks` records
 * `[hooks.state."<hooks.json path>:pre_tool_use:<group>:<handler>"] trusted_hash = "sha256:…"` in
 * `$CODEX_HOME/config.toml` (key format as `codex app-server` `hooks/list` reports it, Codex 0.171.0). Without that
 * entry Codex skips the hook and says nothing. A workspace `.codex/` folder is read only in a project trusted with
 * `[projects."<dir>"] trust_level = "trusted"`. We cannot recompute Codex's hash, so a recorded trust is taken as
 * trust (Codex asks again when our command line changes; the install note says so).
 */
import { dirname, resolve } from 'node:path';

/** Codex's key for a handler at hooks.<event>[group].hooks[handler] of a hooks.json. */
export function codexHookKey(hooksFile: string, group: number, handler: number): string {
  return `${hooksFile}:pre_tool_use:${group}:${handler}`;
}

function basicString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The `key = value` lines of each table, by header text (`hooks.state."…"`), in a TOML document. */
function tables(toml: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current = '';
  out.set(current, []);
  for (const raw of toml.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const header = /^\[\s*([^[\]]+?)\s*\]\s*(#.*)?$/.exec(line);
    if (header?.[1] !== undefined) {
      current = header[1].replace(/\s*\.\s*/g, '.');
      if (!out.has(current)) out.set(current, []);
      continue;
    }
    out.get(current)?.push(line);
  }
  return out;
}

function quotedForms(s: string): string[] {
  return [basicString(s), `'${s}'`];
}

export type CodexHookTrust = 'trusted' | 'untrusted' | 'disabled';

/** What config.toml records for the hook `key`. */
export function codexHookTrust(configToml: string | undefined, key: string): CodexHookTrust {
  if (configToml === undefined) return 'untrusted';
  const t = tables(configToml);
  let lines: string[] | undefined;
  for (const q of quotedForms(key)) lines ??= t.get(`hooks.state.${q}`);
  if (!lines) {
    // the inline form inside [hooks.state]: "key" = { trusted_hash = "…" }
    for (const l of t.get('hooks.state') ?? []) {
      const q = quotedForms(key).find((form) => l.startsWith(form) && /^\s*=/.test(l.slice(form.length)));
      if (q) lines = [l.slice(q.length)];
    }
  }
  if (!lines) return 'untrusted';
  const text = lines.join('\n');
  if (/\benabled\s*=\s*false\b/.test(text)) return 'disabled';
  return /\btrusted_hash\s*=\s*["']sha256:[0-9a-f]+["']/.test(text) ? 'trusted' : 'untrusted';
}

/** Whether `dir` or a folder above it is a trusted Codex project. */
export function codexProjectTrusted(configToml: string | undefined, dir: string): boolean {
  if (configToml === undefined) return false;
  const t = tables(configToml);
  for (let d = resolve(dir); ; d = dirname(d)) {
    for (const q of quotedForms(d)) {
      const lines = t.get(`projects.${q}`);
      if (lines?.some((l) => /^trust_level\s*=\s*["']trusted["']/.test(l))) return true;
    }
    if (dirname(d) === d) return false;
  }
}

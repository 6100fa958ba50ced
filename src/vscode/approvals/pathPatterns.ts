/**
 * A policy's protected path glob, in the two forms VS Code's approval settings understand:
 * - for `chat.tools.edits.autoApprove`: globs relative to the workspace folder. The policy's own reading is
 *   kept: a glob without `/` matches a name at any depth (`*.tfstate` → `**\/*.tfstate`), and a glob that may
 *   name a folder (its last part has no wildcard and no dot, `docs/adr`) also covers what is inside
 *   (`docs/adr/**`); a file-like glob (`**\/.env`, `*.pem`) stays as it is. Absolute and `~/` globs have no
 *   workspace-relative form (VS Code asks before edits outside the workspace anyway): none.
 * - for `chat.tools.terminal.autoApprove`: a regular expression over the command line that finds the path
 *   mentioned as a word (`rm .env`, `> infra/prod/main.tf`), so VS Code asks before any command naming it.
 */

export function editGlobs(glob: string): string[] {
  let g = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  if (g === '' || g.startsWith('/') || g.startsWith('~')) return [];
  if (!g.includes('/')) g = `**/${g}`;
  const last = g.slice(g.lastIndexOf('/') + 1);
  if (g.endsWith('/**') || /[*?[{.]/.test(last)) return [g];
  return [g, `${g}/**`];
}

const WORD_CHAR = `[^\\s'"\`;|&<>()]`;

function globToRegexBody(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charAt(i);
    if (c === '*') {
      if (glob.charAt(i + 1) === '*') {
        out += `${WORD_CHAR}*`;
        i++;
        if (glob.charAt(i + 1) === '/') i++;
      } else {
        out += `[^\\s'"\`;|&<>()/]*`;
      }
    } else if (c === '?') {
      out += `[^\\s'"\`;|&<>()/]`;
    } else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) {
        out += '\\{';
        continue;
      }
      out += `(?:${glob.slice(i + 1, close).split(',').map(globToRegexBody).join('|')})`;
      i = close;
    } else if (c === '[') {
      const close = glob.indexOf(']', i);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      out += glob.slice(i, close + 1).replace(/^\[!/, '[^').replace(/\//g, '\\/');
      i = close;
    } else {
      out += c.replace(/[.+^$()|\\/]/g, '\\$&');
    }
  }
  return out;
}

/**
 * `/…/` for the terminal setting, or undefined for a glob with nothing specific to look for (`**`, `*`).
 * The path may be preceded by a directory (`./`, `src/`, an absolute prefix) and followed by more of it.
 */
export function commandLineRegex(glob: string): string | undefined {
  let g = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  if (g.startsWith('~/')) g = g.slice(2);
  g = g.replace(/^\/+/, '').replace(/^(\*\*\/)+/, '').replace(/\/\*\*$/, '');
  if (g === '' || /^[*?/]+$/.test(g)) return undefined;
  const before = `(?:^|[\\s'"=:<>(]|\\/)`;
  const after = `(?:$|[\\s'"\`;|&<>)\\/])`;
  return `/${before}${globToRegexBody(g)}${after}/`;
}

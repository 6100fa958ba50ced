/**
 * What runs a file executed by path (`./deploy.sh`, `scripts/x`): the kernel reads its first line. A `#!` line
 * names the interpreter (`/usr/bin/env -S bash -e` → bash); a text file without one is run by the shell; a
 * compiled program is not a script at all.
 */

export type ScriptKind =
  /** POSIX-family shell text the guard can parse (sh, bash, zsh, dash, ksh…). */
  | { readonly kind: 'shell'; readonly interpreter: string }
  /** An interpreter with its own language (python, node, perl, ruby, php, deno, bun); judged by the interpreter rules. */
  | { readonly kind: 'interpreter'; readonly interpreter: string }
  /** A shell whose syntax the guard does not read (fish, csh, pwsh), or an interpreter it does not know. */
  | { readonly kind: 'other'; readonly interpreter: string }
  /** Machine code (ELF, Mach-O) or other binary data. */
  | { readonly kind: 'binary' };

const POSIX_SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'yash', 'posh', 'rbash', 'busybox']);
const INTERPRETERS = /^(python[\d.]*|pypy[\d.]*|node|nodejs|perl[\d.]*|ruby[\d.]*|php[\d.]*|deno|bun|tsx|ts-node)$/;

/** True for content that is not text: NUL bytes or the magic numbers of executables near the start. */
export function isBinary(content: string): boolean {
  const head = content.slice(0, 4096);
  return head.includes('\u0000') || head.startsWith('\u007fELF') || /^(\uFFFD){2,}/.test(head) || head.startsWith('MZ');
}

export function scriptKind(content: string): ScriptKind {
  if (isBinary(content)) return { kind: 'binary' };
  const first = content.startsWith('\uFEFF') ? content.slice(1) : content;
  if (!first.startsWith('#!')) return { kind: 'shell', interpreter: 'sh' };
  const nl = first.indexOf('\n');
  const words = (nl < 0 ? first.slice(2) : first.slice(2, nl)).trim().split(/\s+/).filter((w) => w !== '');
  let i = 0;
  let program = words[i] ?? '';
  const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
  if (base(program) === 'env') {
    // `#!/usr/bin/env -S bash -e`, `#!/usr/bin/env python3`
    i++;
    while (i < words.length && ((words[i] ?? '').startsWith('-') || /^[A-Za-z_]\w*=/.test(words[i] ?? ''))) i++;
    program = words[i] ?? '';
  }
  const name = base(program);
  if (name === '') return { kind: 'shell', interpreter: 'sh' };
  if (POSIX_SHELLS.has(name)) return { kind: 'shell', interpreter: name };
  if (INTERPRETERS.test(name)) return { kind: 'interpreter', interpreter: name };
  return { kind: 'other', interpreter: name };
}

/** Extensions that say "this is a script" even when its text cannot be read. */
export function looksLikeScript(path: string): boolean {
  return /\.(sh|bash|zsh|ksh|command|py|js|mjs|cjs|ts|pl|rb|php)$/i.test(path);
}

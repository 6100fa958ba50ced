/**
 * An scp/rsync operand that names another machine: `[user@]host:path` (a colon before any slash), `scp://host/path`,
 * or an rsync daemon's `host::module/path` / `rsync://host/module/path`. A path that does not start with `/` or
 * `~` is relative to the remote user's home directory; an empty one is that directory itself.
 */
export interface RemoteOperand {
  readonly host: string;
  /** The path on that machine as written ('' for its home directory); undefined for an rsync daemon module. */
  readonly path: string | undefined;
}

export function remoteOperand(value: string): RemoteOperand | undefined {
  const url = /^(scp|rsync):\/\/([^/]*)(\/.*)?$/.exec(value);
  if (url) {
    const host = (url[2] ?? '').replace(/^[^@]*@/, '').replace(/:\d+$/, '');
    return { host, path: url[1] === 'rsync' ? undefined : (url[3] ?? '').replace(/^\/(?!\/)/, '').replace(/^\/\//, '/') };
  }
  const colon = value.indexOf(':');
  if (colon <= 0) return undefined;
  const slash = value.indexOf('/');
  if (slash >= 0 && slash < colon) return undefined;
  const host = value.slice(0, colon).replace(/^[^@]*@/, '');
  if (value[colon + 1] === ':') return { host, path: undefined };
  return { host, path: value.slice(colon + 1) };
}

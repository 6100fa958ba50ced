/**
 * The user's home directory, as `os.homedir()` gives it, without loading `node:os` where the environment already
 * says: on Linux and macOS `os.homedir()` is `$HOME` whenever it is set (libuv's rule), and loading `node:os` costs
 * every hook and `check` process about a quarter of a millisecond. Windows and a missing `$HOME` ask `node:os`.
 */
export function homeDirectory(): string {
  const home = process.platform === 'win32' ? undefined : process.env['HOME'];
  if (home) return home;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('node:os') as typeof import('node:os')).homedir();
}

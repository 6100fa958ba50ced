/**
 * How a hook starts the CLI that ships inside this extension (`dist/cli.js`): with the runtime the extension host
 * runs on. In desktop VS Code that is the Electron binary, which behaves as Node only with ELECTRON_RUN_AS_NODE=1.
 * Used when a hook has to be written again and the program it was installed with no longer exists (an older
 * version of the extension, removed on update).
 */
import * as path from 'node:path';
import { shellQuote } from '../../cli/install/hookCommand';

export function extensionCliPrefix(extensionPath: string): string {
  const cli = path.join(extensionPath, 'dist', 'cli.js');
  const runtime = `${shellQuote(process.execPath)} ${shellQuote(cli)}`;
  return process.versions['electron'] !== undefined && process.platform !== 'win32' ? `ELECTRON_RUN_AS_NODE=1 ${runtime}` : runtime;
}

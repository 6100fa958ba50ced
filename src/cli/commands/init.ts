/**
 * `agent-guard init [--root DIR] [--force] [--stdout]` — writes a commented starter policy to
 * `.vscode/agent-guard.json` in the workspace (default: the current directory). Never overwrites an
 * existing policy unless `--force` is given.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { STARTER_POLICY } from '../../core/policy/starter';
import { WORKSPACE_POLICY } from '../policy/load';

const USAGE = `usage: agent-guard init [--root DIR] [--force] [--stdout]
Writes a commented starter policy to DIR/${WORKSPACE_POLICY} (DIR defaults to the current directory).
  --force   replace an existing policy
  --stdout  print the starter policy instead of writing it
`;

export function run(argv: readonly string[]): Promise<number> {
  let root = '.';
  let force = false;
  let toStdout = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--force' || a === '-f') force = true;
    else if (a === '--stdout') toStdout = true;
    else if (a === '--root' || a.startsWith('--root=')) {
      const v = a.startsWith('--root=') ? a.slice(7) : argv[++i];
      if (v === undefined || v === '') return fail('--root needs a directory');
      root = v;
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      return Promise.resolve(0);
    } else return fail(`unknown argument "${a}"`);
  }
  if (toStdout) {
    process.stdout.write(STARTER_POLICY);
    return Promise.resolve(0);
  }
  const file = resolve(root, WORKSPACE_POLICY);
  if (!force && existsSync(file)) {
    process.stderr.write(`agent-guard init: ${file} already exists; not overwriting it. Use --force to replace it, or --stdout to see the starter.\n`);
    return Promise.resolve(1);
  }
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, STARTER_POLICY, { encoding: 'utf8', flag: force ? 'w' : 'wx' });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'EEXIST' ? 'it already exists (use --force to replace it)' : err.message;
    process.stderr.write(`agent-guard init: cannot write ${file}: ${why}\n`);
    return Promise.resolve(1);
  }
  process.stdout.write(`Wrote ${file}.\nEdit it for your team, then run \`agent-guard test\` to check its examples.\n`);
  return Promise.resolve(0);
}

function fail(message: string): Promise<number> {
  process.stderr.write(`agent-guard init: ${message}\n${USAGE}`);
  return Promise.resolve(1);
}

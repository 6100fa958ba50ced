// Installed package versions, read from node_modules directly (some packages do not export package.json).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const NODE_MODULES = fileURLToPath(new URL('../../node_modules/', import.meta.url));

export function pkgVersion(name) {
  try {
    return JSON.parse(readFileSync(NODE_MODULES + name + '/package.json', 'utf8')).version;
  } catch {
    return 'not installed';
  }
}

export function pkgFile(name, rel) {
  return NODE_MODULES + name + '/' + rel;
}

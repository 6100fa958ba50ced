// Loads the command corpus shared by the benchmarks and the tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CORPUS_PATH = fileURLToPath(new URL('../../test/fixtures/commands/corpus.jsonl', import.meta.url));

/** @returns {{command: string, expect: 'allow'|'flagged', tags: string[]}[]} */
export function loadCorpus(path = CORPUS_PATH) {
  const rows = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const row = JSON.parse(line);
    if (typeof row.command !== 'string' || (row.expect !== 'allow' && row.expect !== 'flagged')) {
      throw new Error(`${path}:${i + 1}: needs "command" and "expect": "allow"|"flagged"`);
    }
    rows.push({ command: row.command, expect: row.expect, tags: Array.isArray(row.tags) ? row.tags : [] });
  });
  return rows;
}

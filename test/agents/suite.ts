/** What run.ts hands the specs: where things are, and the table of what each run showed (printed at the end). */
export interface SuiteConfig {
  readonly cli: string;
  readonly binDir: string;
  readonly scratchParent: string;
  readonly timeoutMs: number;
  readonly keep: boolean;
  readonly record: boolean;
  /** Agent ids to run (`--agent a,b`; default all). */
  readonly agents: readonly string[];
  /** Agents driven at the same time. */
  readonly concurrency: number;
}

let current: SuiteConfig | undefined;

export function configureSuite(c: SuiteConfig): void {
  current = c;
}

export function suiteConfig(): SuiteConfig {
  if (!current) throw new Error('the agents suite runs through test/agents/run.ts');
  return current;
}

/** agent → step title → column (control, hook user, hook workspace, trust) → what happened. */
export const observed = new Map<string, Map<string, Map<string, string>>>();

export function observe(agent: string, row: string, column: string, what: string): void {
  const rows = observed.get(agent) ?? new Map<string, Map<string, string>>();
  observed.set(agent, rows);
  const cols = rows.get(row) ?? new Map<string, string>();
  rows.set(row, cols);
  cols.set(column, what);
}

export function formatObserved(columns: readonly string[]): string {
  const lines: string[] = [];
  for (const [agent, rows] of observed) {
    lines.push(`${agent}`);
    for (const [row, cols] of rows) lines.push(`  ${row.padEnd(44)} ${columns.map((c) => `${c}: ${cols.get(c) ?? '-'}`).join(' | ')}`);
  }
  return lines.join('\n');
}

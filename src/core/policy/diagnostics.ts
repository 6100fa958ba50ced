/**
 * Problems found while loading a policy. Every one names the file, a 1-based line and column and, where it
 * helps, what was expected — so a person can fix the file without guessing.
 */

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

export interface PolicyDiagnostic {
  /** `error` makes the file fail to load (the guard then fails closed); the others are reported only. */
  readonly severity: DiagnosticSeverity;
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units like editors count. */
  readonly column: number;
  /** Zero-based offset and length in the text, for editor ranges. */
  readonly offset: number;
  readonly length: number;
  /** Where in the document: `commands[2].decision`; `''` for the whole file. */
  readonly path: string;
  /** One sentence, including what was expected. */
  readonly message: string;
}

/** `file:line:column: severity: message`, the shape compilers use so terminals and editors link it. */
export function formatDiagnostic(d: PolicyDiagnostic): string {
  // nested places are worth naming (`commands[2].decision`); a top-level key is already in the message
  const where = /[.[]/.test(d.path) ? ` (at ${d.path})` : '';
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}${where}`;
}

export function hasErrors(diagnostics: readonly PolicyDiagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

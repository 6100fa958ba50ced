/**
 * The human explanation of a verdict: what was decided, how risky, and each reason with its rule id.
 */
import type { Verdict } from '../core/verdict';

const COLOURS = { allow: '\x1b[32m', confirm: '\x1b[33m', deny: '\x1b[31m' } as const;
const RESET = '\x1b[0m';
const MARK = { allow: '✓', confirm: '?', deny: '✗' } as const;

export function formatVerdict(v: Verdict, subject: string, colour: boolean): string {
  const head = `${v.decision.toUpperCase()} (risk: ${v.risk})`;
  const lines = [`${colour ? COLOURS[v.decision] + head + RESET : head}  ${subject}`];
  if (v.reasons.length === 0) lines.push('  no rule applies: ordinary work');
  for (const r of v.reasons) {
    const where = r.file !== undefined ? ` [${r.file}${r.line !== undefined ? ':' + String(r.line) : ''}]` : r.line !== undefined ? ` [line ${r.line}]` : '';
    lines.push(`  ${MARK[r.decision]} ${r.rule} (${r.decision}, ${r.risk})${where}: ${r.message}`);
    if (r.command !== subject) lines.push(`      in: ${r.command}`);
  }
  if (v.typedConfirmation !== undefined) lines.push(`  to confirm, a person must type: ${v.typedConfirmation}`);
  return lines.join('\n') + '\n';
}

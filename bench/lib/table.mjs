// Plain-text and Markdown tables for bench reports.

/** @param {string[]} header @param {(string|number)[][]} rows */
export function textTable(header, rows) {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** @param {string[]} header @param {(string|number)[][]} rows */
export function markdownTable(header, rows) {
  const esc = (c) => String(c).replace(/\|/g, '\\|').replace(/\n/g, '⏎');
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? '---' : '--:')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

export function fmt(n, digits = 1) {
  if (typeof n !== 'number' || Number.isNaN(n)) return '–';
  return n.toFixed(digits);
}

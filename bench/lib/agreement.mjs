// How a checker's verdicts compare with the corpus expectations: a confusion matrix over allow/flagged.

/** @param {{expect: string, tags: string[], command: string}[]} corpus @param {boolean[]} flagged */
export function agreement(corpus, flagged) {
  let tp = 0, fn = 0, fp = 0, tn = 0;
  const missed = [];
  const falseAlarms = [];
  corpus.forEach((row, i) => {
    const dangerous = row.expect === 'flagged';
    if (dangerous && flagged[i]) tp++;
    else if (dangerous) { fn++; missed.push(row); }
    else if (flagged[i]) { fp++; falseAlarms.push(row); }
    else tn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : NaN;
  const recall = tp + fn ? tp / (tp + fn) : NaN;
  return { flagged: tp + fp, tp, fn, fp, tn, precision, recall, accuracy: (tp + tn) / corpus.length, missed, falseAlarms };
}

/** Counts rows per tag, most frequent first. */
export function tagCounts(rows) {
  const m = new Map();
  for (const r of rows) for (const t of r.tags) m.set(t, (m.get(t) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1]);
}

/**
 * Team rules may use a regular expression over the normalised command as a last resort. It runs on every
 * command, so it must compile, and a pattern prone to catastrophic backtracking is worth a warning.
 */

/** The engine's complaint when the pattern does not compile, else undefined. */
export function regexProblem(source: string): string | undefined {
  try {
    new RegExp(source);
    return undefined;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    // "Invalid regular expression: /(/: Unterminated group" → "Unterminated group"
    const tail = /: ([^:]+)$/.exec(msg);
    return tail?.[1] ?? msg;
  }
}

/** A quantified group that itself ends in a quantifier, e.g. `(a+)+` or `(.*)*`: exponential on a near miss. */
export function regexWarning(source: string): string | undefined {
  if (/\((?:[^()\\]|\\.)*[+*](?:\?)?\)[+*{]/.test(source)) {
    return `regular expression ${JSON.stringify(source)} repeats a group that already repeats (like "(a+)+"); it can take very long on some commands. Simplify it, or prefer "program"/"subcommand"/"args".`;
  }
  if (source === '' || new RegExp(source).test('')) {
    return `regular expression ${JSON.stringify(source)} also matches an empty command, so it matches every command; anchor it (e.g. "^terraform apply\\b").`;
  }
  return undefined;
}

export function compileRegex(source: string): RegExp {
  return new RegExp(source);
}

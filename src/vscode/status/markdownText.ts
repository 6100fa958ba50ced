/**
 * Text an agent chose (a command line, a path) shown inside a trusted MarkdownString must stay text: no links
 * (our tooltips enable `command:` links), no emphasis, no `$(icon)` syntax, no HTML. Pure.
 */

/** Backslash-escapes every character Markdown or VS Code's theme-icon syntax gives a meaning to. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$&:"']/g, (char) => `\\${char}`);
}

/** One line of at most `max` characters (newlines and tabs become spaces), with `…` when shortened. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * What the policy file's hover says at a given offset: a built-in rule id anywhere (a comment, a reason, a
 * test's expectation) is explained from the rule packs; the file's own entries — a protected path glob, a team
 * rule or allow exception, a production target, a test — are explained from the loaded policy.
 */
import { findNodeAtOffset, getNodePath, parseTree, type Node } from 'jsonc-parser';
import type { PolicyAnalysis } from './analysis';
import { explainBuiltinRule, explainEntry, explainProductionTarget, explainProtectedPath, explainTest } from './ruleExplanations';

export interface HoverContent {
  readonly markdown: string;
  /** The span the hover is about. */
  readonly offset: number;
  readonly length: number;
}

const ID_CHARS = /[A-Za-z0-9._-]/;

/** The rule-id-shaped word around `offset` (letters, digits, `.`, `_`, `-`, with at least one dot). */
export function wordAt(text: string, offset: number): { word: string; offset: number } | undefined {
  let start = offset;
  let end = offset;
  while (start > 0 && ID_CHARS.test(text.charAt(start - 1))) start--;
  while (end < text.length && ID_CHARS.test(text.charAt(end))) end++;
  const word = text.slice(start, end).replace(/\.+$/, '');
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)+$/.test(word)) return undefined;
  return { word, offset: start };
}

function entryPath(path: (string | number)[], depth: number): string {
  return path.slice(0, depth).map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function onString(node: Node | undefined): node is Node {
  return node !== undefined && node.type === 'string';
}

export function policyHoverAt(text: string, offset: number, analysis: PolicyAnalysis, trusted: boolean): HoverContent | undefined {
  const word = wordAt(text, offset);
  if (word !== undefined) {
    const builtin = explainBuiltinRule(word.word);
    if (builtin !== undefined) return { markdown: builtin, offset: word.offset, length: word.word.length };
  }
  const { document, policy } = analysis;
  if (document === undefined || policy === undefined) return undefined;
  const root = parseTree(text, [], { allowTrailingComma: true });
  if (root === undefined) return undefined;
  const node = findNodeAtOffset(root, offset);
  // a key ("glob") is the JSON schema's to explain; ours are the values
  if (!onString(node) || (node.parent?.type === 'property' && node.parent.children?.[0] === node)) return undefined;
  const path = getNodePath(node);
  const span = { offset: node.offset, length: node.length };
  const [section, index, key] = path;
  if (section === 'protectedPaths' && typeof index === 'number' && (key === undefined || key === 'glob')) {
    const md = explainProtectedPath(entryPath(path, 2), document, policy);
    return md === undefined ? undefined : { markdown: md, ...span };
  }
  if ((section === 'commands' || section === 'allow') && typeof index === 'number' && (key === 'id' || key === 'program' || key === 'subcommand' || key === 'regex')) {
    const md = explainEntry(entryPath(path, 2), document, policy, analysis.testResults, trusted);
    return md === undefined ? undefined : { markdown: md, ...span };
  }
  if (section === 'production' && typeof index === 'string' && typeof key === 'number') {
    const md = explainProductionTarget(index, String(node.value), trusted);
    return md === undefined ? undefined : { markdown: md, ...span };
  }
  if (section === 'tests' && typeof index === 'number' && (key === 'command' || key === 'edit')) {
    const result = analysis.testResults.find((r) => r.test.path === entryPath(path, 2));
    return result === undefined ? undefined : { markdown: explainTest(result), ...span };
  }
  return undefined;
}

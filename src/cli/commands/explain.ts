/**
 * `agent-guard explain RULE-ID [--json]` and `agent-guard explain --list` — what a rule does: its
 * decision, risk and message, the programs it looks at, and examples that do and do not trigger it.
 * Knows the built-in rule packs, the structural rules (unparseable commands and the like), the built-in
 * protected paths, and the rules of the policy files found from `--root`/`--cwd`.
 */
import { allPacks } from '../../core/rules/registry';
import { STRUCTURAL_RULES } from '../../core/unwrap/findings';
import { BUILTIN_PROTECTED } from '../../core/policy/builtin';
import { describeSource } from '../../core/policy/compile';
import { closest } from '../../core/policy/suggest';
import type { Decision, Risk } from '../../core/verdict';
import { loadPolicy } from '../policy/load';

/** Everything explain says about one rule. */
export interface RuleExplanation {
  readonly id: string;
  /** `git pack`, `structural`, `built-in protected path`, `.vscode/agent-guard.json line 12`. */
  readonly from: string;
  readonly decision: Decision;
  readonly risk: Risk;
  readonly message: string;
  readonly programs?: readonly string[];
  readonly globs?: readonly string[];
  readonly ops?: readonly string[];
  readonly matches?: readonly string[];
  readonly doesNotMatch?: readonly string[];
}

const USAGE = `usage: agent-guard explain RULE-ID [--json] [--root DIR] [--cwd DIR]
       agent-guard explain --list
Prints what a rule does (decision, risk, message) with examples that do and do not trigger it.
Rule ids appear in every verdict, e.g. "git.force-push-protected-branch".
`;

/** Every rule explain knows about, built-in first, then those of the policy files found from `start`. */
export function allExplanations(options: { cwd?: string | undefined; root?: string | undefined } = {}): RuleExplanation[] {
  const out: RuleExplanation[] = [];
  for (const pack of allPacks()) {
    for (const r of pack.rules) {
      out.push({ id: r.id, from: `${pack.name} pack`, decision: r.decision, risk: r.risk, message: r.message, programs: r.programs, matches: r.examples.match, doesNotMatch: r.examples.notMatch });
    }
  }
  for (const r of STRUCTURAL_RULES) out.push({ id: r.id, from: 'structural rule (how the command is written)', decision: r.decision, risk: r.risk, message: r.message });
  for (const p of BUILTIN_PROTECTED) {
    out.push({ id: p.id, from: 'built-in protected path', decision: p.decision ?? 'confirm', risk: p.risk ?? 'medium', message: p.message, globs: p.globs, ops: p.ops ?? ['write', 'delete', 'rename'] });
  }
  const loaded = loadPolicy({ cwd: options.cwd, root: options.root, report: undefined });
  const policy = loaded.policy;
  const builtinIds = new Set(out.map((e) => e.id));
  for (const p of policy.protectedPaths) {
    if (p.source.layer === 'builtin' || builtinIds.has(p.id)) continue;
    out.push({ id: p.id, from: describeSource(p.source), decision: p.decision, risk: p.risk, message: p.message, globs: [p.glob], ops: p.ops });
  }
  for (const r of policy.commandRules) out.push({ id: r.id, from: describeSource(r.source), decision: r.decision, risk: r.risk, message: r.message });
  for (const r of policy.allowRules) out.push({ id: r.id, from: `${describeSource(r.source)} (allow exception)`, decision: 'allow', risk: 'none', message: r.message });
  return out;
}

export function formatExplanation(e: RuleExplanation): string {
  const lines = [`${e.id}`, `  from:      ${e.from}`, `  decision:  ${e.decision}`, `  risk:      ${e.risk}`];
  if (e.programs !== undefined) lines.push(`  programs:  ${e.programs.join(', ')}`);
  if (e.globs !== undefined) lines.push(`  paths:     ${e.globs.join('  ')}`);
  if (e.ops !== undefined) lines.push(`  on:        ${e.ops.join(', ')}`);
  lines.push('', `  ${e.message}`);
  if (e.matches !== undefined && e.matches.length > 0) lines.push('', '  Triggered by, for example:', ...e.matches.map((m) => `    $ ${m}`));
  if (e.doesNotMatch !== undefined && e.doesNotMatch.length > 0) lines.push('', '  Not triggered by:', ...e.doesNotMatch.map((m) => `    $ ${m}`));
  return lines.join('\n') + '\n';
}

export function run(argv: readonly string[]): Promise<number> {
  let id: string | undefined;
  let json = false;
  let list = false;
  let root: string | undefined;
  let cwd: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--json') json = true;
    else if (a === '--list') list = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      return Promise.resolve(0);
    } else if (a === '--root' || a === '--cwd') {
      const v = argv[++i];
      if (v === undefined) return usage(`${a} needs a directory`);
      if (a === '--root') root = v;
      else cwd = v;
    } else if (a.startsWith('-')) return usage(`unknown option "${a}"`);
    else if (id === undefined) id = a;
    else return usage(`one rule id at a time (got "${id}" and "${a}")`);
  }
  const all = allExplanations({ cwd, root });
  if (list) {
    if (json) process.stdout.write(JSON.stringify(all.map((e) => ({ id: e.id, from: e.from, decision: e.decision, risk: e.risk })), null, 2) + '\n');
    else for (const e of all) process.stdout.write(`${e.id.padEnd(44)} ${e.decision.padEnd(8)} ${e.risk.padEnd(9)} ${e.from}\n`);
    return Promise.resolve(0);
  }
  if (id === undefined) return usage('which rule? Give its id, or --list to see them all');
  const found = all.find((e) => e.id === id);
  if (found === undefined) {
    const near = closest(id, all.map((e) => e.id));
    const prefix = all.filter((e) => e.id.startsWith(id + '.') || e.id.startsWith(id));
    process.stderr.write(
      `agent-guard explain: no rule "${id}".${near === undefined ? '' : ` Did you mean "${near}"?`}` +
        (prefix.length > 0 ? `\nRules starting with "${id}": ${prefix.map((e) => e.id).join(', ')}` : '') +
        '\nRun `agent-guard explain --list` to see every rule id.\n',
    );
    return Promise.resolve(1);
  }
  process.stdout.write(json ? JSON.stringify(found, null, 2) + '\n' : formatExplanation(found));
  return Promise.resolve(0);
}

function usage(problem: string): Promise<number> {
  process.stderr.write(`agent-guard explain: ${problem}\n${USAGE}`);
  return Promise.resolve(1);
}

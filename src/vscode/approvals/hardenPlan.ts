/**
 * What **Harden Built-in Approvals** would write: VS Code's terminal and edit auto-approve objects with
 * Agent Guard's entries merged into the person's own. Their entries are kept; an entry of theirs that would
 * approve what the policy wants asked about is left alone and reported (a conflict), unless they chose to
 * tighten those too. Pure, so the preview and the unit tests see exactly what will be written.
 */
import type { CommandRuleSpec } from '../../core/policy/document';
import { DESTRUCTIVE_PATTERNS } from './destructivePatterns';
import { commandLineRegex, editGlobs } from './pathPatterns';
import { terminalValueAsks, type TerminalRuleValue } from './settingShapes';

/** What an entry stands for, to summarise a long list for a person. */
export type EntryGroup = 'command family' | 'team rule' | 'protected path';

export interface WantedEntry {
  readonly key: string;
  readonly value: TerminalRuleValue;
  /** Why (a rule id, a protected path). */
  readonly why: string;
  readonly group: EntryGroup;
  /** The short name shown in a summary: a rule id or a glob. */
  readonly label: string;
}

export interface ProtectedGlob {
  readonly glob: string;
  /** The rule id of the protected path. */
  readonly id: string;
}

export interface HardenSources {
  readonly protectedPaths: readonly ProtectedGlob[];
  /** The policy files' own command rules. */
  readonly commandRules: readonly Pick<CommandRuleSpec, 'program' | 'subcommand' | 'regex' | 'id' | 'path'>[];
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A team rule as a terminal key: program (and sub-command) at the start, options between skipped. */
export function teamRuleKey(rule: HardenSources['commandRules'][number]): string | undefined {
  if (rule.program !== undefined) {
    const programs = rule.program.map(escapeRegex).join('|');
    const head = `^(?:\\S*\\/)?(?:${programs})\\b`;
    if (rule.subcommand === undefined) return `/${head}/`;
    const subs = rule.subcommand.map((words) => words.map(escapeRegex).join('\\s+')).join('|');
    return `/${head}.*\\s(?:${subs})\\b/`;
  }
  if (rule.regex !== undefined) return `/${rule.regex.replace(/\//g, '\\/')}/`;
  return undefined;
}

export function wantedTerminalEntries(sources: HardenSources): WantedEntry[] {
  const out = new Map<string, WantedEntry>();
  for (const rule of sources.commandRules) {
    const key = teamRuleKey(rule);
    const id = rule.id ?? rule.path;
    if (key !== undefined && !out.has(key)) out.set(key, { key, value: false, why: id, group: 'team rule', label: id });
  }
  for (const p of DESTRUCTIVE_PATTERNS) if (!out.has(p.key)) out.set(p.key, { key: p.key, value: p.value, why: p.rule, group: 'command family', label: p.rule });
  for (const p of sources.protectedPaths) {
    const key = commandLineRegex(p.glob);
    if (key !== undefined && !out.has(key)) out.set(key, { key, value: { approve: false, matchCommandLine: true }, why: `${p.id} (${p.glob})`, group: 'protected path', label: p.glob });
  }
  return [...out.values()];
}

export function wantedEditEntries(sources: HardenSources): WantedEntry[] {
  const out = new Map<string, WantedEntry>();
  for (const p of sources.protectedPaths) {
    for (const key of editGlobs(p.glob)) if (!out.has(key)) out.set(key, { key, value: false, why: `${p.id} (${p.glob})`, group: 'protected path', label: p.glob });
  }
  return [...out.values()];
}

export interface Conflict {
  readonly key: string;
  readonly theirs: unknown;
  readonly ours: TerminalRuleValue;
  readonly why: string;
}

export interface SettingPlan {
  readonly setting: string;
  /** The object to write (their entries first, in their order, then ours). */
  readonly next: Record<string, unknown>;
  readonly added: readonly WantedEntry[];
  /** Their entries that approve what the policy wants asked about. */
  readonly conflicts: readonly Conflict[];
  /** Conflicts replaced because the person chose to tighten them. */
  readonly tightened: readonly Conflict[];
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
}

export function planSetting(setting: string, current: unknown, wanted: readonly WantedEntry[], tightenConflicts: boolean): SettingPlan {
  const next = asObject(current);
  const added: WantedEntry[] = [];
  const conflicts: Conflict[] = [];
  const tightened: Conflict[] = [];
  for (const w of wanted) {
    if (!(w.key in next)) {
      next[w.key] = w.value;
      added.push(w);
      continue;
    }
    const theirs = next[w.key];
    if (terminalValueAsks(theirs)) continue;
    const conflict = { key: w.key, theirs, ours: w.value, why: w.why };
    if (tightenConflicts) {
      // moved to the end: for edits the last matching pattern decides
      delete next[w.key];
      next[w.key] = w.value;
      tightened.push(conflict);
    } else {
      conflicts.push(conflict);
    }
  }
  return { setting, next, added, conflicts, tightened };
}

const GROUP_TITLES: Record<EntryGroup, string> = {
  'team rule': 'your team rules',
  'command family': 'destructive command families',
  'protected path': 'protected paths',
};

/**
 * The confirmation dialog's account of one setting: every entry of theirs that is kept or changed, one line
 * per kind of addition with the first names; the exact entries are in {@link planPreview}.
 */
export function describePlan(plan: SettingPlan, namesShown = 6): string[] {
  const lines: string[] = [];
  for (const c of plan.conflicts) lines.push(`! kept yours: "${c.key}": ${JSON.stringify(c.theirs)} (the policy would ask: ${c.why})`);
  for (const t of plan.tightened) lines.push(`~ "${t.key}": ${JSON.stringify(t.theirs)} → ${JSON.stringify(t.ours)} (${t.why})`);
  for (const group of Object.keys(GROUP_TITLES) as EntryGroup[]) {
    const entries = plan.added.filter((a) => a.group === group);
    if (entries.length === 0) continue;
    const names = [...new Set(entries.map((e) => e.label))];
    const shown = names.slice(0, namesShown).join(', ') + (names.length > namesShown ? `, … (${names.length - namesShown} more)` : '');
    lines.push(`+ ${entries.length} for ${GROUP_TITLES[group]}: ${shown}`);
  }
  if (lines.length === 0) lines.push('  nothing to change');
  return lines;
}

/** Exactly what would be added or changed, as JSON a person can read before applying. */
export function planPreview(plans: readonly SettingPlan[]): string {
  const out: Record<string, Record<string, unknown>> = {};
  for (const p of plans) {
    const changes: Record<string, unknown> = {};
    for (const t of p.tightened) changes[t.key] = t.ours;
    for (const a of p.added) changes[a.key] = a.value;
    out[p.setting] = changes;
  }
  return JSON.stringify(out, null, 2) + '\n';
}

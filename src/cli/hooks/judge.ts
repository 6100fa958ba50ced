/**
 * From a classified tool call to one verdict: each shell command and each file a call touches is judged by the
 * core, strictest wins. Unknown tools become `confirm` (never a silent allow), malformed calls `deny`.
 */
import { readSmallFile } from '../readFile';
import { ALLOW, combineVerdicts, decisionRank, verdictFromReasons, type Reason, type Verdict } from '../../core/verdict';
import type { GuardedAction } from '../../shared/bridgeProtocol';
import type { Classification } from './catalogue';
import type { HookGuard } from './guard';
import { malformedInput, unknownTool, unreadableInput } from './reasons';
import { realDirectory, realTarget } from './realTarget';
import { absoluteTarget, joinedTarget, type Location } from './workspace';

export interface Judgement {
  readonly verdict: Verdict;
  /** What the call does, for the editor's dialog. */
  readonly actions: readonly GuardedAction[];
  /** The workspace root the verdict was reached for (the policy's root when a policy file was found). */
  readonly root: string;
}

export interface JudgeOptions {
  /** Tool-name patterns (exact, or a prefix ending in `*`) the user trusts although Agent Guard does not know them. */
  readonly trustedTools: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly home: string;
}

/**
 * The reasons found for the real file that the path as given did not already bring (the same rule, as strict: a
 * workspace reached through a linked folder is the same workspace), each saying which path leads there.
 */
function throughLink(verdict: Verdict, shown: string, given: Verdict): Verdict {
  const known = (r: Reason): boolean => given.reasons.some((g) => g.rule === r.rule && decisionRank(g.decision) >= decisionRank(r.decision));
  const added = verdict.reasons.filter((r) => !known(r));
  return verdictFromReasons(added.map((r) => ({ ...r, message: `${r.message} (${shown} leads there through a symbolic link.)` })));
}

export function isTrusted(tool: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => (p.endsWith('*') ? tool.startsWith(p.slice(0, -1)) : tool === p));
}

export function judge(tool: string, classification: Classification, loc: Location, guardFor: () => HookGuard, options: JudgeOptions): Judgement {
  switch (classification.kind) {
    case 'read-only':
      return { verdict: ALLOW, actions: [], root: loc.root };
    case 'malformed':
      return { verdict: verdictFromReasons([malformedInput(classification.problem)]), actions: [], root: loc.root };
    case 'unreadable':
      return { verdict: verdictFromReasons([unreadableInput(tool, classification.problem, classification.summary)]), actions: [{ kind: 'tool', tool, summary: classification.summary }], root: loc.root };
    case 'unknown': {
      const actions: GuardedAction[] = [{ kind: 'tool', tool, summary: classification.summary }];
      if (isTrusted(tool, options.trustedTools)) return { verdict: ALLOW, actions, root: loc.root };
      return { verdict: verdictFromReasons([unknownTool(tool, classification.summary)]), actions, root: loc.root };
    }
    case 'actions': {
      const { guard: g, root } = guardFor();
      const verdicts: Verdict[] = [];
      const actions: GuardedAction[] = [];
      let realRoot: string | undefined;
      const realRootOf = (): string => (realRoot ??= realDirectory(root));
      // where a command's write lands through symbolic links, spelt from the root as the command sees it
      const realPath = (abs: string): string | undefined => {
        const real = realTarget(abs);
        if (real === abs) return undefined;
        const base = realRootOf();
        const inRoot = real === base || real.startsWith(base.endsWith('/') ? base : `${base}/`);
        const spelt = inRoot ? root + real.slice(base.length) : real;
        return spelt === abs ? undefined : spelt;
      };
      for (const c of classification.commands) {
        const cwd = c.cwd !== undefined ? absoluteTarget(c.cwd, loc.cwd, options.home) : loc.cwd;
        verdicts.push(g.checkCommand(c.command, { cwd, root, env: options.env, readFile: readSmallFile, realPath }));
        actions.push({ kind: 'command', command: c.command, cwd });
      }
      for (const e of classification.edits) {
        const abs = absoluteTarget(e.path, loc.cwd, options.home);
        const given = g.checkEdit(abs, e.op, e.content !== undefined ? { root, content: e.content } : { root });
        verdicts.push(given);
        actions.push({ kind: 'edit', path: abs, op: e.op });
        // through a symbolic link the edit lands elsewhere: judge where it lands too, against the real root
        const real = realTarget(joinedTarget(e.path, loc.cwd, options.home), e.op === 'write');
        if (real === abs) continue;
        const base = realRootOf();
        verdicts.push(throughLink(g.checkEdit(real, e.op, e.content !== undefined ? { root: base, content: e.content } : { root: base }), abs, given));
      }
      if (verdicts.length === 0) return { verdict: verdictFromReasons([malformedInput(`${tool} call that does nothing Agent Guard can see`)]), actions, root };
      return { verdict: combineVerdicts(verdicts), actions, root };
    }
  }
}

/**
 * A guard that includes the given packs even before they are registered in the registry, so pack tests run
 * through the whole pipeline (parse → unwrap → rules → verdict) either way.
 */
import type { Guard } from '../../../src/core/api';
import { createGuard } from '../../../src/core/index';
import { evaluateCommand, evaluateEdit, staticPrefix, type Engine } from '../../../src/core/evaluate';
import { builtinPolicy } from '../../../src/core/policy/builtin';
import { ALL_PACKS, buildRuleIndex } from '../../../src/core/rules/registry';
import type { RulePack } from '../../../src/core/rules/rule';

export function guardWith(packs: readonly RulePack[], home?: string): Guard {
  const missing = packs.filter((p) => !ALL_PACKS.some((q) => q.name === p.name));
  if (missing.length === 0) return createGuard(home !== undefined ? { home } : {});
  const policy = builtinPolicy();
  const engine: Engine = {
    policy,
    index: buildRuleIndex([...ALL_PACKS, ...missing]),
    home,
    protectedDirs: policy.protectedPaths.map((p) => staticPrefix(p.glob)),
  };
  return {
    policy,
    checkCommand: (command, opts) => evaluateCommand(engine, command, opts),
    checkEdit: (path, op, opts) => evaluateEdit(engine, path, op, opts),
  };
}

/** Workspace used by every pack test (the same as the lead's examples test). */
export const WS = { cwd: '/work/ws', root: '/work/ws' } as const;

/**
 * Agent Guard's decision core: pure, synchronous, no I/O. `dist/core.js` is this module.
 *
 *   const guard = createGuard();
 *   guard.checkCommand('rm -rf /', { cwd: '/work/app' })   // → { decision: 'deny', risk: 'critical', reasons: [...] }
 *   guard.checkEdit('.env', 'write', { root: '/work/app' }) // → { decision: 'confirm', ... }
 */
import type { Guard, GuardOptions } from './api';
import { evaluateCommand, evaluateEdit, staticPrefix, type Engine } from './evaluate';
import { anyDepthDirs } from './paths/globCover';
import { builtinPolicy } from './policy/builtin';
import { lazyRuleIndex } from './rules/registry';

export function createGuard(options: GuardOptions = {}): Guard {
  const policy = options.policy ?? builtinPolicy(options.home === undefined ? {} : { home: options.home });
  const engine: Engine = {
    policy,
    index: lazyRuleIndex(),
    home: options.home,
    protectedDirs: policy.protectedPaths.map((p) => staticPrefix(p.glob)),
    protectedAnyDepthDirs: policy.protectedPaths.map((p) => anyDepthDirs(p.glob)),
  };
  return {
    policy,
    checkCommand: (command, opts) => evaluateCommand(engine, command, opts),
    checkEdit: (path, op, opts) => evaluateEdit(engine, path, op, opts),
  };
}

export type { Guard, GuardOptions, CheckCommandOptions, CheckEditOptions, ReadFile } from './api';
export type { Decision, Risk, Reason, Verdict } from './verdict';
export { DECISIONS, RISKS, combineVerdicts, verdictFromReasons } from './verdict';
export type { EditOp, Policy } from './policy/types';
export { builtinPolicy } from './policy/builtin';
export { allPacks, findRule } from './rules/registry';
export { STRUCTURAL_RULES } from './unwrap/findings';
export { parse as parseShell, ParseError } from './shell/parse';

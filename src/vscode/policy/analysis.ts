/**
 * What the editor shows for one policy file's text — as the person types, before it is saved: the loader's own
 * problems (syntax, unknown keys, bad globs, with offsets) and the results of the file's `tests`, each run against
 * the built-in rules plus this file only, exactly as `agent-guard test` and the hooks' loader would. Pure over the
 * text (no editor API), so the unit tests drive it with tables.
 */
import { createGuard } from '../../core/index';
import type { PolicyDiagnostic } from '../../core/policy/diagnostics';
import type { PolicyDocument } from '../../core/policy/document';
import { buildPolicy } from '../../core/policy/layers';
import type { Policy } from '../../core/policy/types';
import { runPolicyTests, testFailureDiagnostics, type PolicyTestResult } from '../../core/policy/selfTest';

export type PolicyFileLayer = 'user' | 'workspace';

export interface PolicyFileInput {
  readonly text: string;
  /** As shown in messages. */
  readonly file: string;
  readonly layer: PolicyFileLayer;
  /** Absolute workspace root the file's relative globs and tests are taken from. */
  readonly root: string;
  readonly home: string;
  /** VS Code workspace trust (an untrusted workspace policy may only tighten). */
  readonly workspaceTrusted: boolean;
  readonly userPolicyFile?: string | undefined;
}

export interface PolicyAnalysis {
  /** Undefined when the file has errors. */
  readonly document: PolicyDocument | undefined;
  /** Built-in defaults plus this file; undefined when the file has errors. */
  readonly policy: Policy | undefined;
  /** The file's own problems, then one warning per failing test. */
  readonly diagnostics: readonly PolicyDiagnostic[];
  readonly testResults: readonly PolicyTestResult[];
}

export function analysePolicyText(input: PolicyFileInput): PolicyAnalysis {
  const source = { file: input.file, text: input.text };
  const built = buildPolicy({
    ...(input.layer === 'user' ? { user: source } : { workspace: source }),
    workspaceTrusted: input.workspaceTrusted,
    home: input.home,
    root: input.root,
    userPolicyFile: input.userPolicyFile,
  });
  const layer = built.layers[0];
  const document = layer?.document;
  const policy = layer?.policy;
  const testResults = document !== undefined && policy !== undefined
    ? runPolicyTests(policy, document.tests, createGuard, { root: input.root, home: input.home, file: input.file })
    : [];
  return { document, policy, diagnostics: [...(layer?.diagnostics ?? built.diagnostics), ...testFailureDiagnostics(testResults)], testResults };
}

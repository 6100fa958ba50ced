/**
 * Built-in defaults < user policy < workspace policy, with the trust rules:
 * - every layer can add protected paths, team rules and production names;
 * - `allow` exceptions of an untrusted workspace are ignored (it may only tighten), with a notice;
 * - an untrusted workspace's production lists are added to the defaults instead of replacing them;
 * - built-in protected paths and built-in rules cannot be switched off by any file (exceptions never
 *   remove critical or deny findings: that is the evaluator's half of the rule);
 * - a file that fails to load is left out and `loadError` is set, so the guard fails closed and says why.
 */
import type { Policy, ProtectedPath, TeamCommandRule } from './types';
import type { PolicyDocument, ProductionKey } from './document';
import { PRODUCTION_KEYS } from './document';
import { hasErrors, type PolicyDiagnostic } from './diagnostics';
import { builtinPolicy } from './builtin';
import { compileLayer, type CompiledLayer, type PolicyLayer } from './compile';
import { parseJsonc } from './parse';
import { validatePolicy } from './validate';
import { DEFAULT_PRODUCTION, productionMatcher, type ProductionLists } from './production';

export interface PolicyText {
  /** As shown in messages (absolute, or relative to the workspace root). */
  readonly file: string;
  readonly text: string;
}

export interface BuildPolicyInput {
  readonly user?: PolicyText | undefined;
  readonly workspace?: PolicyText | undefined;
  /** VS Code workspace trust: an untrusted workspace policy may only tighten. */
  readonly workspaceTrusted: boolean;
  readonly home?: string | undefined;
  /** Absolute workspace root: relative globs are taken from it. */
  readonly root?: string | undefined;
  /** Where the user policy lives, so it is protected like the workspace one. */
  readonly userPolicyFile?: string | undefined;
  /** Files that exist but could not be read: they fail closed like broken ones. */
  readonly unreadable?: readonly { readonly file: string; readonly message: string; readonly layer?: PolicyLayer }[];
}

export interface LayerReport {
  readonly layer: PolicyLayer;
  readonly file: string;
  /** Undefined when the file has errors. */
  readonly document: PolicyDocument | undefined;
  readonly diagnostics: readonly PolicyDiagnostic[];
  /** Built-in defaults plus this file only: what the file's own `tests` are checked against. */
  readonly policy: Policy | undefined;
}

export interface BuiltPolicy {
  readonly policy: Policy;
  /** Every problem and notice, in file order. */
  readonly diagnostics: readonly PolicyDiagnostic[];
  readonly layers: readonly LayerReport[];
}

interface LoadedLayer {
  readonly layer: PolicyLayer;
  readonly document: PolicyDocument;
  readonly compiled: CompiledLayer;
  /** False for an untrusted workspace. */
  readonly trusted: boolean;
}

function loadLayer(layer: PolicyLayer, source: PolicyText, trusted: boolean, home: string | undefined, root: string | undefined): { report: Omit<LayerReport, 'policy'>; loaded: LoadedLayer | undefined } {
  const parsed = parseJsonc(source.text, source.file);
  const diagnostics: PolicyDiagnostic[] = [...parsed.diagnostics];
  let document: PolicyDocument | undefined;
  if (parsed.root !== undefined && !hasErrors(parsed.diagnostics)) {
    const validated = validatePolicy(parsed.root, source.file, parsed.lines);
    diagnostics.push(...validated.diagnostics);
    document = validated.document;
  }
  if (document !== undefined && !trusted) {
    for (const a of document.allow) {
      diagnostics.push(notice(source.file, a.line, a.path, 'this workspace is not trusted, so its allow exception is ignored (an untrusted workspace policy may only tighten the rules). Trust the workspace to use it.'));
    }
    const narrowed = PRODUCTION_KEYS.filter((k) => document?.production[k] !== undefined);
    if (narrowed.length > 0) {
      diagnostics.push(notice(source.file, 1, 'production', `this workspace is not trusted, so its production lists (${narrowed.join(', ')}) are added to the defaults instead of replacing them.`, 'info'));
    }
  }
  const loaded = document === undefined ? undefined : { layer, document, compiled: compileLayer(document, layer, { home, root: layer === 'workspace' ? root : undefined }), trusted };
  return { report: { layer, file: source.file, document, diagnostics }, loaded };
}

function notice(file: string, line: number, path: string, message: string, severity: 'warning' | 'info' = 'warning'): PolicyDiagnostic {
  return { severity, file, line, column: 1, offset: 0, length: 0, path, message };
}

/** The production lists after layering (see the module comment). */
function productionLists(layers: readonly LoadedLayer[]): ProductionLists {
  const out = {} as { [K in ProductionKey]: readonly string[] };
  for (const key of PRODUCTION_KEYS) {
    let list: string[] | undefined;
    for (const l of layers) {
      const own = l.document.production[key];
      if (own === undefined) continue;
      list = l.trusted ? [...(list ?? []), ...own] : [...(list ?? DEFAULT_PRODUCTION[key]), ...own];
    }
    out[key] = list ?? DEFAULT_PRODUCTION[key];
  }
  return out;
}

function combine(layers: readonly LoadedLayer[], input: BuildPolicyInput, loadError: string | undefined): Policy {
  const base = builtinPolicy({ home: input.home, userPolicyFile: input.userPolicyFile, root: input.root });
  const protectedPaths: ProtectedPath[] = [...base.protectedPaths];
  const commandRules: TeamCommandRule[] = [];
  const allowRules: TeamCommandRule[] = [];
  for (const l of layers) {
    protectedPaths.push(...l.compiled.protectedPaths);
    commandRules.push(...l.compiled.commandRules);
    if (l.trusted) allowRules.push(...l.compiled.allowRules);
  }
  const production = layers.some((l) => PRODUCTION_KEYS.some((k) => l.document.production[k] !== undefined))
    ? productionMatcher(productionLists(layers), { root: input.root, home: input.home })
    : base.production;
  return { protectedPaths, commandRules, allowRules, production, loadError };
}

/**
 * What went wrong, for `Policy.loadError`: the first error of each broken file with its position, e.g.
 * `.vscode/agent-guard.json:3:3: unknown key "protectedPath" … (and 1 more problem)`. The evaluator adds
 * what that means for the verdict.
 */
export function loadErrorMessage(failures: readonly { file: string; diagnostics: readonly PolicyDiagnostic[] }[]): string | undefined {
  if (failures.length === 0) return undefined;
  const parts = failures.map(({ file, diagnostics }) => {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
    return first === undefined ? `${file} could not be loaded` : `${first.file}:${first.line}:${first.column}: ${first.message}${more}`;
  });
  return parts.join('; ');
}

export function buildPolicy(input: BuildPolicyInput): BuiltPolicy {
  const reports: LayerReport[] = [];
  const loaded: LoadedLayer[] = [];
  const failures: { file: string; diagnostics: readonly PolicyDiagnostic[] }[] = [];
  for (const u of input.unreadable ?? []) {
    const d = notice(u.file, 1, '', `cannot read the policy file: ${u.message}.`, 'warning');
    const error: PolicyDiagnostic = { ...d, severity: 'error' };
    failures.push({ file: u.file, diagnostics: [error] });
    reports.push({ layer: u.layer ?? 'workspace', file: u.file, document: undefined, diagnostics: [error], policy: undefined });
  }
  const sources: [PolicyLayer, PolicyText | undefined, boolean][] = [
    ['user', input.user, true],
    ['workspace', input.workspace, input.workspaceTrusted],
  ];
  for (const [layer, source, trusted] of sources) {
    if (source === undefined) continue;
    const { report, loaded: l } = loadLayer(layer, source, trusted, input.home, input.root);
    if (l === undefined) failures.push({ file: source.file, diagnostics: report.diagnostics });
    else loaded.push(l);
    reports.push({ ...report, policy: l === undefined ? undefined : combine([l], input, undefined) });
  }
  const loadError = loadErrorMessage(failures);
  return { policy: combine(loaded, input, loadError), diagnostics: reports.flatMap((r) => r.diagnostics), layers: reports };
}

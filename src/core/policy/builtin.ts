/**
 * The built-in policy: default protected paths and the default meaning of "production". Teams extend it
 * with `.vscode/agent-guard.json`; nothing here can be switched off by a workspace file.
 */
import { Minimatch } from 'minimatch';
import type { Decision, Risk } from '../verdict';
import type { EditOp, Policy, ProductionMatcher, ProtectedPath, RuleSource } from './types';

const BUILTIN: RuleSource = { layer: 'builtin' };
const ALL_OPS: readonly EditOp[] = ['write', 'delete', 'rename'];

interface ProtectedSpec {
  readonly id: string;
  readonly globs: readonly string[];
  readonly message: string;
  readonly decision?: Decision;
  readonly risk?: Risk;
  readonly ops?: readonly EditOp[];
}

/** Default protected paths (relative globs match inside the workspace at any depth where they start with `**`). */
export const BUILTIN_PROTECTED: readonly ProtectedSpec[] = [
  {
    id: 'path.secrets',
    globs: ['**/.env', '**/.env.*', '**/*.pem', '**/*.key', '**/id_rsa*', '**/id_ed25519*', '**/id_ecdsa*', '**/.npmrc', '**/.pypirc', '**/.netrc', '**/credentials', '**/credentials.json', '**/*.p12', '**/*.pfx', '**/.aws/credentials', '**/.docker/config.json', '**/.kube/config'],
    message: 'This file holds secrets or credentials; an agent should not change or remove it without a person looking.',
    risk: 'high',
  },
  {
    id: 'path.git-internals',
    globs: ['.git', '.git/**', '**/.git/**'],
    message: 'Git internals (.git/) hold the whole history; changing them directly can lose work. Use git commands instead.',
    risk: 'high',
  },
  {
    id: 'path.ci-workflows',
    globs: ['.github/workflows/**', '.gitlab-ci.yml', '.circleci/**', 'azure-pipelines.yml', 'Jenkinsfile'],
    message: 'CI workflow files run with the repository\'s secrets on every push; changes need a person\'s review.',
    risk: 'high',
  },
  {
    id: 'path.guard-policy',
    globs: ['.vscode/agent-guard.json'],
    message: 'This is the Agent Guard policy itself; an agent must not loosen its own guard.',
    risk: 'high',
  },
];

function compileProtected(spec: ProtectedSpec, glob: string): ProtectedPath {
  const absolute = glob.startsWith('/');
  const mm = new Minimatch(glob, { dot: true, nocomment: true, nonegate: true });
  return {
    id: spec.id,
    glob,
    ops: spec.ops ?? ALL_OPS,
    decision: spec.decision ?? 'confirm',
    risk: spec.risk ?? 'medium',
    message: spec.message,
    source: BUILTIN,
    matches: absolute ? (_rel, abs) => mm.match(abs) : (rel) => rel !== undefined && mm.match(rel),
  };
}

export function builtinProtectedPaths(): ProtectedPath[] {
  return BUILTIN_PROTECTED.flatMap((spec) => spec.globs.map((g) => compileProtected(spec, g)));
}

/** Until the policy module supplies configured globs, "production" means a name containing `prod`. */
export const NO_PRODUCTION: ProductionMatcher = { target: () => undefined };

export function builtinPolicy(): Policy {
  return {
    protectedPaths: builtinProtectedPaths(),
    commandRules: [],
    allowRules: [],
    production: NO_PRODUCTION,
    loadError: undefined,
  };
}

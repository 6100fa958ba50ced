/**
 * The built-in policy: default protected paths and the default meaning of "production". Teams extend it
 * with `.vscode/agent-guard.json`; nothing here can be switched off by a workspace file.
 */
import type { Decision, Risk } from '../verdict';
import type { EditOp, Policy, ProtectedPath, RuleSource } from './types';
import { compilePathGlob } from './globs';
import { productionMatcher } from './production';
import { AGENT_CONFIG_PATHS } from './agentConfigPaths';

const BUILTIN: RuleSource = { layer: 'builtin' };
const ALL_OPS: readonly EditOp[] = ['write', 'delete', 'rename'];

interface ProtectedSpec {
  readonly id: string;
  readonly globs: readonly string[];
  readonly message: string;
  readonly decision?: Decision;
  readonly risk?: Risk;
  readonly ops?: readonly EditOp[];
  readonly perUser?: boolean;
  /** File names inside the protected place that are not protected (matched against the last path segment). */
  readonly exceptNames?: RegExp;
}

/**
 * `.env.<anything>` except the templates projects commit for others to copy (`.env.example`, `.env.sample`…):
 * they hold no secrets, and agents add a setting to them with every new configuration variable. The same names
 * the exfiltration rule leaves out (supplyChain.ts). `.env.example.local` and `.env.production` stay protected.
 */
const SECRET_DOTENV_GLOB = '**/.env.!(example|sample|template|dist|defaults|schema)';

/** Default protected paths (relative globs match inside the workspace at any depth where they start with `**`). */
export const BUILTIN_PROTECTED: readonly ProtectedSpec[] = [
  {
    id: 'path.secrets',
    globs: ['**/.env', SECRET_DOTENV_GLOB, '**/*.pem', '**/*.key', '**/id_rsa*', '**/id_ed25519*', '**/id_ecdsa*', '**/.npmrc', '**/.pypirc', '**/.netrc', '**/credentials', '**/credentials.json', '**/*.p12', '**/*.pfx', '**/.aws/credentials', '**/.docker/config.json', '**/.kube/config'],
    message: 'This file holds secrets or credentials; an agent should not change or remove it without a person looking.',
    risk: 'high',
  },
  {
    id: 'path.git-internals',
    globs: ['.git', '.git/**', '**/.git/**'],
    message: 'Git internals (.git/) hold the whole history; changing them directly can lose work. Use git commands instead.',
    risk: 'high',
    // a lock a crashed git left behind (`rm -f .git/index.lock` is what git's own error message suggests)
    exceptNames: /^[^/]+\.lock$/,
  },
  {
    id: 'path.ci-workflows',
    globs: ['.github/workflows/**', '.gitlab-ci.yml', '.circleci/**', 'azure-pipelines.yml', 'Jenkinsfile'],
    message: 'CI workflow files run with the repository\'s secrets on every push; changes need a person\'s review.',
    risk: 'high',
  },
  {
    id: 'path.guard-policy',
    // also in nested workspaces of a monorepo, and the user policy in the home directory
    globs: ['**/.vscode/agent-guard.json', '~/.config/agent-guard/**'],
    message: 'This is the Agent Guard policy itself; an agent must not loosen its own guard.',
    risk: 'high',
  },
  {
    id: 'path.login-files',
    // in the home directory only (a dotfiles repository's own copies are ordinary work): they matter when the agent's
    // workspace is the home directory itself, where nothing else marks them as outside the work
    globs: ['~/.bashrc', '~/.bash_profile', '~/.bash_login', '~/.bash_logout', '~/.profile', '~/.zshrc', '~/.zshenv', '~/.zprofile', '~/.zlogin', '~/.config/fish/config.fish', '~/.ssh/authorized_keys', '~/.ssh/authorized_keys2', '~/.ssh/config', '~/.ssh/rc', '~/.ssh/environment'],
    message: 'This file runs code or grants access whenever someone logs in or opens a shell (shell start-up files, SSH authorised keys and settings); an agent should not change it without a person looking.',
  },
  // agents' own configuration and the guard's runtime files (see agentConfigPaths.ts)
  ...AGENT_CONFIG_PATHS.map((g): ProtectedSpec => ({ ...g, risk: 'high' })),
];

export interface BuiltinOptions {
  /** Home directory, for the user policy under `~/.config/agent-guard/`; without it `~/` globs match nothing. */
  readonly home?: string | undefined;
  /** Where the user policy actually is (e.g. under `$XDG_CONFIG_HOME`), also protected. */
  readonly userPolicyFile?: string | undefined;
  /** Workspace root that relative production `paths` are taken from, when the evaluator does not pass one. */
  readonly root?: string | undefined;
}

function compileProtected(spec: ProtectedSpec, glob: string, options: BuiltinOptions): ProtectedPath {
  const compiled = compilePathGlob(glob, { home: options.home });
  const except = spec.exceptNames;
  return {
    id: spec.id,
    glob,
    ops: spec.ops ?? ALL_OPS,
    decision: spec.decision ?? 'confirm',
    risk: spec.risk ?? 'medium',
    message: spec.message,
    source: BUILTIN,
    matches: except === undefined
      ? (rel, abs) => compiled.match(rel, abs) !== undefined
      : (rel, abs) => compiled.match(rel, abs) !== undefined && !exceptedName(except, abs),
    ...(spec.perUser === true ? { perUser: true } : {}),
  };
}

function exceptedName(names: RegExp, abs: string): boolean {
  return names.test(abs.slice(abs.lastIndexOf('/') + 1));
}

export function builtinProtectedPaths(options: BuiltinOptions = {}): ProtectedPath[] {
  const specs = [...BUILTIN_PROTECTED];
  const guard = specs.find((s) => s.id === 'path.guard-policy');
  if (options.userPolicyFile !== undefined && guard !== undefined) specs.push({ ...guard, globs: [options.userPolicyFile.replace(/[*?[\]{}()!\\]/g, '\\$&')] });
  return specs.flatMap((spec) => spec.globs.map((g) => compileProtected(spec, g, options)));
}

/** The default meaning of production: any name containing `prod`, any `prod`/`production` directory. */
export const DEFAULT_PRODUCTION_MATCHER = productionMatcher();

export function builtinPolicy(options: BuiltinOptions = {}): Policy {
  return {
    protectedPaths: builtinProtectedPaths(options),
    commandRules: [],
    allowRules: [],
    production: options.root === undefined && options.home === undefined ? DEFAULT_PRODUCTION_MATCHER : productionMatcher({}, options),
    loadError: undefined,
  };
}

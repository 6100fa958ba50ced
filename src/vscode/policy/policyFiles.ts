/**
 * Which open documents are Agent Guard policies, and the context each one is judged in: a workspace's
 * `.vscode/agent-guard.json` (its folder is the root its globs and tests are taken from) or the user policy
 * (`$XDG_CONFIG_HOME/agent-guard/policy.json`, judged against the first workspace folder).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { rootOfPolicyFile, userPolicyPath } from '../../cli/policy/load';
import type { PolicyFileInput, PolicyFileLayer } from './analysis';

export interface PolicyFileContext {
  readonly layer: PolicyFileLayer;
  readonly root: string;
  /** Short name for messages. */
  readonly file: string;
}

export interface PolicyFileEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly home: string;
  /** Workspace folder roots (first is used for the user policy); empty when none is open. */
  readonly roots: readonly string[];
}

export function defaultEnvironment(roots: readonly string[]): PolicyFileEnvironment {
  return { env: process.env, home: os.homedir(), roots };
}

const WORKSPACE_SUFFIX = `${path.sep}.vscode${path.sep}agent-guard.json`;

/** The policy context of `fsPath`, or undefined when it is not a policy file. */
export function policyFileContext(fsPath: string, environment: PolicyFileEnvironment): PolicyFileContext | undefined {
  const userFile = userPolicyPath(environment.env, environment.home);
  if (path.resolve(fsPath) === path.resolve(userFile)) {
    return { layer: 'user', root: environment.roots[0] ?? environment.home, file: userFile };
  }
  if (!fsPath.endsWith(WORKSPACE_SUFFIX)) return undefined;
  const root = rootOfPolicyFile(fsPath);
  const within = path.relative(root, fsPath);
  return { layer: 'workspace', root, file: within.startsWith('..') ? fsPath : within.split(path.sep).join('/') };
}

/** The analysis input for a document's text in its context. */
export function policyInput(text: string, context: PolicyFileContext, environment: PolicyFileEnvironment, workspaceTrusted: boolean): PolicyFileInput {
  return {
    text,
    file: context.file,
    layer: context.layer,
    root: context.root,
    home: environment.home,
    workspaceTrusted: context.layer === 'user' ? true : workspaceTrusted,
    userPolicyFile: userPolicyPath(environment.env, environment.home),
  };
}

/**
 * A policy file after validation, before compilation: plain data with the line each entry came from.
 * This is the shape of `.vscode/agent-guard.json` (and the user policy), documented for people in
 * `schemas/agent-guard.schema.json`.
 */
import type { Decision, Risk } from '../verdict';
import type { EditOp } from './types';

/** Where in the file an entry was written, for messages and rule sources. */
export interface EntryLocation {
  /** JSON path, e.g. `commands[2]`. */
  readonly path: string;
  /** 1-based line of the entry. */
  readonly line: number;
}

export interface ProtectedPathSpec extends EntryLocation {
  readonly id: string | undefined;
  readonly glob: string;
  readonly ops: readonly EditOp[];
  readonly decision: 'confirm' | 'deny';
  readonly risk: Risk | undefined;
  readonly reason: string | undefined;
}

/**
 * How a team rule recognises a command. Every given part must hold:
 * - `program`: one of these program names (after unwrapping sudo, env, bash -c, …);
 * - `subcommand`: one of these word sequences opens the command's positional arguments
 *   (`"workspace select"`), global options such as `-chdir=x` or `-n prod` skipped;
 * - `args`: each pattern matches some argument (`--force`, `-f` also inside `-rf`, `--force=…`);
 * - `withoutArgs`: no argument matches any of these;
 * - `regex`: matches the normalised command `program arg1 arg2 …`.
 */
export interface CommandMatchSpec {
  readonly program: readonly string[] | undefined;
  readonly subcommand: readonly (readonly string[])[] | undefined;
  readonly args: readonly string[] | undefined;
  readonly withoutArgs: readonly string[] | undefined;
  readonly regex: string | undefined;
}

export interface CommandRuleSpec extends EntryLocation, CommandMatchSpec {
  readonly id: string | undefined;
  readonly decision: 'confirm' | 'deny';
  readonly risk: Risk | undefined;
  readonly reason: string;
}

export interface AllowSpec extends EntryLocation, CommandMatchSpec {
  readonly id: string | undefined;
  readonly reason: string;
}

export const PRODUCTION_KEYS = ['kubeContexts', 'awsProfiles', 'terraformWorkspaces', 'gcloudProjects', 'azureSubscriptions', 'paths', 'databaseUrls'] as const;
export type ProductionKey = (typeof PRODUCTION_KEYS)[number];

/** Each list replaces the default (`*prod*`) for its kind of target when present. */
export type ProductionSpec = { readonly [K in ProductionKey]?: readonly string[] };

export type PolicyTest =
  | {
      readonly kind: 'command';
      readonly command: string;
      /** Directory relative to the workspace root the command runs in. */
      readonly cwd: string | undefined;
      readonly env: Readonly<Record<string, string>> | undefined;
      readonly expect: Decision;
      readonly path: string;
      readonly line: number;
    }
  | {
      readonly kind: 'edit';
      /** Path relative to the workspace root. */
      readonly edit: string;
      readonly op: EditOp;
      readonly expect: Decision;
      readonly path: string;
      readonly line: number;
    };

export interface PolicyDocument {
  readonly file: string;
  readonly version: 1;
  readonly protectedPaths: readonly ProtectedPathSpec[];
  readonly commands: readonly CommandRuleSpec[];
  readonly allow: readonly AllowSpec[];
  readonly production: ProductionSpec;
  readonly tests: readonly PolicyTest[];
}

/**
 * Does this invocation act on production? Reads what each tool reads — its flags, the environment
 * variables it honours (as given in the request), the directory it works in — and compares the names it
 * finds with the team's idea of production (`production` in the policy; `*prod*` by default).
 *
 * The answer is the target's name as a person would type it to confirm (`prod-eu`, `infra/prod`,
 * `db.prod.internal/app`); database passwords are never part of it.
 */
import type { Invocation } from '../invocation';
import { optionValue } from '../rules/args';
import type { ProductionMatcher } from './types';
import { PRODUCTION_KEYS, type ProductionKey } from './document';
import { compileNameGlob, compilePathGlob, type NameGlob, type PathGlob } from './globs';
import { positionalWords } from './commandMatcher';
import { baseName, normalizePosix, relativeTo, resolvePosix, stem } from './posixPath';

/** What "production" means when a policy says nothing about a kind of target. */
export const DEFAULT_PRODUCTION: { readonly [K in ProductionKey]: readonly string[] } = {
  kubeContexts: ['*prod*'],
  awsProfiles: ['*prod*'],
  terraformWorkspaces: ['*prod*'],
  gcloudProjects: ['*prod*'],
  azureSubscriptions: ['*prod*'],
  // a path segment that is, starts or ends with "prod"/"production" (infra/prod, prod.tfvars, env/eu-prod/)
  // but not one that merely contains it (src/products/)
  paths: ['{prod,production}', '{prod,production}[-_.]*', '*[-_.]{prod,production}', '*[-_.]{prod,production}[-_.]*'],
  databaseUrls: ['*prod*'],
};

export type ProductionLists = { readonly [K in ProductionKey]: readonly string[] };

/** Programs that only touch local files or the local repository: cloud credentials in their environment do not make them production. */
const LOCAL_PROGRAMS = new Set([
  'rm', 'rmdir', 'mv', 'cp', 'ln', 'mkdir', 'touch', 'chmod', 'chown', 'chgrp', 'truncate', 'shred', 'unlink', 'dd', 'find', 'sed', 'awk',
  'tar', 'zip', 'unzip', 'git', 'ls', 'cat', 'echo', 'printf', 'tee', 'grep', 'rg', 'head', 'tail', 'wc', 'sort', 'diff', 'patch', 'install', 'rsync',
]);

/** Programs whose positional arguments are all paths. */
const FILE_PROGRAMS = new Set(['rm', 'rmdir', 'mv', 'cp', 'ln', 'mkdir', 'touch', 'chmod', 'chown', 'chgrp', 'truncate', 'shred', 'unlink', 'rsync', 'tee', 'install']);

const KUBE_CONTEXT_FLAG = new Set(['kubectl', 'oc', 'kubecolor', 'k9s', 'stern', 'flux', 'istioctl', 'linkerd', 'velero', 'kubeseal', 'kubectl-argo-rollouts', 'kubent']);
const KUBE_CONTEXT_LONG_FLAG = new Set(['helm', 'helmfile', 'skaffold', 'argocd', 'tilt']);
const AWS_PROFILE_FLAG = new Set(['aws', 'cdk', 'sam', 'eb', 'copilot', 'chalice', 'awslogs', 'cdktf']);
const TERRAFORM_LIKE = new Set(['terraform', 'tofu', 'terragrunt']);
const DB_URL_SCHEMES = ['postgres', 'postgresql', 'mysql', 'mariadb', 'mongodb', 'mongodb+srv', 'redis', 'rediss', 'sqlserver', 'mssql', 'cockroachdb', 'clickhouse', 'oracle', 'snowflake', 'amqp', 'amqps'];
const PG_PROGRAMS = new Set(['psql', 'pg_dump', 'pg_dumpall', 'pg_restore', 'dropdb', 'createdb', 'vacuumdb', 'reindexdb', 'pgcli']);
const MYSQL_PROGRAMS = new Set(['mysql', 'mysqldump', 'mariadb', 'mariadb-dump', 'mysqladmin', 'mycli']);

/** One name found in the invocation, of one kind, with what a person would type to confirm it. */
interface Candidate {
  readonly kind: Exclude<ProductionKey, 'paths'>;
  /** Matched against the globs (for database URLs: several spellings). */
  readonly names: readonly string[];
  readonly target: string;
}

/** Every value of an option, in order (`-var-file a -var-file=b`). */
function allOptionValues(args: readonly string[], names: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') break;
    for (const n of names) {
      if (a === n && args[i + 1] !== undefined) out.push(args[i + 1] ?? '');
      else if (a.startsWith(n + '=')) out.push(a.slice(n.length + 1));
    }
  }
  return out.filter((v) => v !== '');
}

function envValue(inv: Invocation, name: string): string | undefined {
  const v = inv.env[name];
  return v === undefined || v === '' ? undefined : v;
}

function named(kind: Candidate['kind'], name: string | undefined): Candidate[] {
  return name === undefined || name === '' ? [] : [{ kind, names: [name], target: name }];
}

function words(inv: Invocation): string[] {
  return positionalWords(inv.program, inv.args, false);
}

function kubeCandidates(inv: Invocation, usesEnv: boolean): Candidate[] {
  const p = inv.program;
  const out: Candidate[] = [];
  if (KUBE_CONTEXT_FLAG.has(p)) out.push(...named('kubeContexts', optionValue(inv.args, ['--context'])));
  if (KUBE_CONTEXT_LONG_FLAG.has(p)) out.push(...named('kubeContexts', optionValue(inv.args, ['--kube-context']) ?? envValue(inv, 'HELM_KUBECONTEXT')));
  const w = words(inv);
  if ((p === 'kubectl' || p === 'oc') && w[0] === 'config' && ['use-context', 'use', 'delete-context', 'set-context', 'rename-context'].includes(w[1] ?? '')) out.push(...named('kubeContexts', w[2]));
  if (p === 'kubectx' && w[0] !== undefined && w[0] !== '-') out.push(...named('kubeContexts', w[0].split('=').pop()));
  const configs = [...allOptionValues(inv.args, ['--kubeconfig'])];
  if (usesEnv) configs.push(...(envValue(inv, 'KUBECONFIG')?.split(':') ?? []));
  for (const file of configs.filter((f) => f !== '')) out.push({ kind: 'kubeContexts', names: [stem(file), baseName(file)], target: baseName(file) });
  return out;
}

function awsCandidates(inv: Invocation, usesEnv: boolean): Candidate[] {
  const p = inv.program;
  const flag = AWS_PROFILE_FLAG.has(p) ? optionValue(inv.args, ['--profile']) : p === 'serverless' || p === 'sls' ? optionValue(inv.args, ['--aws-profile']) : undefined;
  if (flag !== undefined) return named('awsProfiles', flag);
  if (p === 'aws-vault') {
    const w = words(inv);
    if (['exec', 'login', 'rotate', 'clear'].includes(w[0] ?? '')) return named('awsProfiles', w[1]);
  }
  if (!usesEnv) return [];
  return named('awsProfiles', envValue(inv, 'AWS_PROFILE') ?? envValue(inv, 'AWS_DEFAULT_PROFILE') ?? envValue(inv, 'AWS_VAULT'));
}

function terraformCandidates(inv: Invocation, usesEnv: boolean): Candidate[] {
  const p = inv.program;
  const out: Candidate[] = [];
  if (TERRAFORM_LIKE.has(p)) {
    const w = words(inv);
    if (w[0] === 'workspace' && ['select', 'new', 'delete'].includes(w[1] ?? '')) out.push(...named('terraformWorkspaces', w[2]));
    for (const file of allOptionValues(inv.args, ['-var-file', '--var-file'])) out.push({ kind: 'terraformWorkspaces', names: [stem(file).replace(/\.tfvars$/, '')], target: file });
  }
  if (p === 'pulumi') {
    out.push(...named('terraformWorkspaces', optionValue(inv.args, ['--stack', '-s'])));
    const w = words(inv);
    if (w[0] === 'stack' && ['select', 'init', 'rm'].includes(w[1] ?? '')) out.push(...named('terraformWorkspaces', w[2]));
  }
  if (usesEnv) out.push(...named('terraformWorkspaces', envValue(inv, 'TF_WORKSPACE')));
  return out;
}

function gcloudCandidates(inv: Invocation, usesEnv: boolean): Candidate[] {
  const p = inv.program;
  const out: Candidate[] = [];
  if (p === 'gcloud' || p === 'gsutil') out.push(...named('gcloudProjects', optionValue(inv.args, ['--project'])));
  if (p === 'bq') out.push(...named('gcloudProjects', optionValue(inv.args, ['--project_id', '--project'])));
  if (p === 'gcloud') {
    const w = words(inv);
    if (w[0] === 'config' && w[1] === 'set' && (w[2] === 'project' || w[2] === 'core/project')) out.push(...named('gcloudProjects', w[3]));
  }
  if (out.length === 0 && usesEnv) out.push(...named('gcloudProjects', envValue(inv, 'CLOUDSDK_CORE_PROJECT') ?? envValue(inv, 'GOOGLE_CLOUD_PROJECT') ?? envValue(inv, 'GCLOUD_PROJECT')));
  return out;
}

function azureCandidates(inv: Invocation, usesEnv: boolean): Candidate[] {
  const out: Candidate[] = [];
  if (inv.program === 'az') {
    out.push(...named('azureSubscriptions', optionValue(inv.args, ['--subscription'])));
    const w = words(inv);
    if (w[0] === 'account' && w[1] === 'set') out.push(...named('azureSubscriptions', optionValue(inv.args, ['-s', '--name', '-n'])));
  }
  if (out.length === 0 && usesEnv) out.push(...named('azureSubscriptions', envValue(inv, 'AZURE_SUBSCRIPTION_ID') ?? envValue(inv, 'ARM_SUBSCRIPTION_ID')));
  return out;
}

interface DbUrl {
  readonly scheme: string;
  readonly host: string;
  readonly port: string | undefined;
  readonly database: string | undefined;
}

/** `scheme://user:password@host:port/db?…` without the credentials; undefined when not a database URL. */
export function parseDatabaseUrl(text: string): DbUrl | undefined {
  const m = /^(?:jdbc:)?([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^/?#:,]*)(?::(\d+))?[^/?#]*(?:\/([^?#]*))?/i.exec(text);
  if (m === null) return undefined;
  const scheme = (m[1] ?? '').toLowerCase();
  if (!DB_URL_SCHEMES.includes(scheme)) return undefined;
  const database = m[4] === undefined || m[4] === '' ? undefined : decodeSafe(m[4]);
  return { scheme, host: (m[2] ?? '').toLowerCase(), port: m[3], database };
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function dbCandidate(url: DbUrl): Candidate {
  const where = url.host + (url.database === undefined ? '' : '/' + url.database);
  const full = `${url.scheme}://${url.host}${url.port === undefined ? '' : ':' + url.port}${url.database === undefined ? '' : '/' + url.database}`;
  return { kind: 'databaseUrls', names: [full, where, url.host], target: where === '' ? full : where };
}

function hostCandidate(scheme: string, host: string | undefined, database: string | undefined): Candidate[] {
  if (host === undefined || host === '' || host.startsWith('/')) return database === undefined ? [] : [dbCandidate({ scheme, host: 'localhost', port: undefined, database })];
  return [dbCandidate({ scheme, host: host.toLowerCase(), port: undefined, database })];
}

function databaseCandidates(inv: Invocation, usesEnv: boolean): Candidate[] {
  const out: Candidate[] = [];
  for (const a of inv.args) {
    const value = a.startsWith('-') && a.includes('=') ? a.slice(a.indexOf('=') + 1) : a;
    const url = parseDatabaseUrl(value);
    if (url !== undefined) out.push(dbCandidate(url));
  }
  const p = inv.program;
  if (PG_PROGRAMS.has(p)) {
    const host = optionValue(inv.args, ['-h', '--host']) ?? (usesEnv ? envValue(inv, 'PGHOST') : undefined);
    const db = optionValue(inv.args, ['-d', '--dbname']) ?? (usesEnv ? envValue(inv, 'PGDATABASE') : undefined);
    if (db === undefined || parseDatabaseUrl(db) === undefined) out.push(...hostCandidate('postgres', host, db));
  }
  if (MYSQL_PROGRAMS.has(p)) {
    const host = optionValue(inv.args, ['-h', '--host']) ?? (usesEnv ? envValue(inv, 'MYSQL_HOST') : undefined);
    out.push(...hostCandidate('mysql', host, optionValue(inv.args, ['-D', '--database'])));
  }
  if (p === 'redis-cli') out.push(...hostCandidate('redis', optionValue(inv.args, ['-h']), undefined));
  if (p === 'sqlcmd') out.push(...hostCandidate('sqlserver', optionValue(inv.args, ['-S']), optionValue(inv.args, ['-d'])));
  if (usesEnv) {
    for (const [name, value] of Object.entries(inv.env)) {
      if (!/(^|_)(URL|URI|DSN)$/.test(name) && name !== 'DATABASE_URL') continue;
      const url = parseDatabaseUrl(value);
      if (url !== undefined) out.push(dbCandidate(url));
    }
  }
  return out;
}

/** A path the invocation works in or on, as written, and the directory it is relative to. */
function pathCandidates(inv: Invocation): string[] {
  const out: string[] = [];
  const p = inv.program;
  if (TERRAFORM_LIKE.has(p)) {
    out.push(...allOptionValues(inv.args, ['-chdir', '--terragrunt-working-dir', '--working-dir']));
    out.push(...allOptionValues(inv.args, ['-var-file', '--var-file']));
  }
  if (p === 'make' || p === 'git' || p === 'npm' || p === 'pnpm' || p === 'tar') out.push(...allOptionValues(inv.args, ['-C', '--directory', '--prefix', '--dir']));
  if (p === 'pulumi') out.push(...allOptionValues(inv.args, ['-C', '--cwd']));
  out.push(...allOptionValues(inv.args, ['--kubeconfig']));
  const looksLikePath = (a: string): boolean => a.includes('/') || a.startsWith('.') || a.startsWith('~') || /\.[A-Za-z0-9]+$/.test(a);
  for (const a of inv.args) {
    if (a.startsWith('-') || a.includes('://')) continue;
    if (FILE_PROGRAMS.has(p) || looksLikePath(a)) out.push(a);
  }
  return out;
}

export interface ProductionMatcherOptions {
  /** Workspace root that relative `paths` globs are taken from (when the caller does not pass one). */
  readonly root?: string | undefined;
  readonly home?: string | undefined;
}

type CompiledNames = { readonly [K in Candidate['kind']]: readonly NameGlob[] };

export class ConfiguredProductionMatcher implements ProductionMatcher {
  private compiledNames: CompiledNames | undefined;
  private compiledPaths: readonly PathGlob[] | undefined;

  constructor(
    readonly lists: ProductionLists,
    private readonly options: ProductionMatcherOptions = {},
  ) {}

  /**
   * Globs compile on first use, names and paths apart: only a flagged command asks about production, hooks start
   * often, and a local program (`rm`, `git`) only ever asks about paths.
   */
  private get names(): CompiledNames {
    if (this.compiledNames === undefined) {
      const names = {} as { [K in Candidate['kind']]: NameGlob[] };
      for (const key of PRODUCTION_KEYS) {
        if (key === 'paths') continue;
        names[key] = this.lists[key].map((g) => compileNameGlob(g));
      }
      this.compiledNames = names;
    }
    return this.compiledNames;
  }

  private get paths(): readonly PathGlob[] {
    this.compiledPaths ??= this.lists.paths.map((g) => compilePathGlob(g, { home: this.options.home, nocase: true }));
    return this.compiledPaths;
  }

  target(inv: Invocation, root?: string): string | undefined {
    const usesEnv = !LOCAL_PROGRAMS.has(inv.program);
    const candidates = [
      ...kubeCandidates(inv, usesEnv),
      ...awsCandidates(inv, usesEnv),
      ...terraformCandidates(inv, usesEnv),
      ...gcloudCandidates(inv, usesEnv),
      ...azureCandidates(inv, usesEnv),
      ...databaseCandidates(inv, usesEnv),
    ];
    for (const c of candidates) {
      const globs = this.names[c.kind];
      if (c.names.some((n) => globs.some((g) => g.test(n)))) return c.target;
    }
    return this.pathTarget(inv, root ?? this.options.root);
  }

  private pathTarget(inv: Invocation, root: string | undefined): string | undefined {
    const base = inv.cwd ?? root;
    const places = inv.cwd === undefined ? [] : [inv.cwd];
    for (const p of pathCandidates(inv)) {
      const abs = resolvePosix(p, base, this.options.home);
      places.push(abs ?? p);
    }
    for (const place of places) {
      const abs = place.startsWith('/') ? place : undefined;
      const rel = abs === undefined ? (normalizePosix(place).startsWith('..') ? undefined : normalizePosix(place)) : root === undefined ? undefined : relativeTo(root, abs);
      for (const g of this.paths) {
        const hit = g.match(rel, abs);
        if (hit !== undefined && hit !== '') return hit;
      }
    }
    return undefined;
  }
}

/** The matcher for given lists; kinds left out fall back to `DEFAULT_PRODUCTION`. */
export function productionMatcher(lists: Partial<ProductionLists> = {}, options: ProductionMatcherOptions = {}): ConfiguredProductionMatcher {
  const full = {} as { [K in ProductionKey]: readonly string[] };
  for (const key of PRODUCTION_KEYS) full[key] = lists[key] ?? DEFAULT_PRODUCTION[key];
  return new ConfiguredProductionMatcher(full, options);
}

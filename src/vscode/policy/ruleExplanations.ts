/**
 * Markdown that explains a rule to a person reading the policy file: a built-in rule from the rule packs (its
 * message, decision, risk, the programs it looks at and examples both ways), a structural finding, a built-in
 * protected-path group, or one of the file's own entries. Pure text: the hover provider wraps it.
 */
import type { PolicyDocument } from '../../core/policy/document';
import type { Policy } from '../../core/policy/types';
import type { PolicyTestResult } from '../../core/policy/selfTest';
import { BUILTIN_PROTECTED } from '../../core/policy/builtin';
import { findRule } from '../../core/rules/registry';
import { STRUCTURAL_RULES } from '../../core/unwrap/findings';
import type { Decision, Risk } from '../../core/verdict';

const MAX_EXAMPLES = 3;

function code(s: string): string {
  const fence = s.includes('`') ? '``' : '`';
  return `${fence}${s}${fence}`;
}

function headline(id: string, decision: Decision, risk: Risk, what: string): string {
  return `**${id}** — ${what}: **${decision}**, risk **${risk}**`;
}

/** A built-in rule, structural finding or protected-path group named `id`; undefined when none is. */
export function explainBuiltinRule(id: string): string | undefined {
  const rule = findRule(id);
  if (rule !== undefined) {
    const lines = [headline(rule.id, rule.decision, rule.risk, 'built-in rule'), '', rule.message, ''];
    const programs = rule.programs.includes('*') ? 'every program' : rule.programs.map(code).join(', ');
    lines.push(`Looks at: ${programs}`);
    if (rule.examples.match.length > 0) lines.push('', 'Fires on:', ...rule.examples.match.slice(0, MAX_EXAMPLES).map((e) => `- ${code(e)}`));
    if (rule.examples.notMatch.length > 0) lines.push('', 'Stays quiet on:', ...rule.examples.notMatch.slice(0, MAX_EXAMPLES).map((e) => `- ${code(e)}`));
    lines.push('', 'Built-in rules cannot be switched off by a policy file; an `allow` exception drops only its non-critical findings.');
    return lines.join('\n');
  }
  const structural = STRUCTURAL_RULES.find((r) => r.id === id);
  if (structural !== undefined) {
    return [headline(structural.id, structural.decision, structural.risk, 'built-in check'), '', structural.message].join('\n');
  }
  const group = BUILTIN_PROTECTED.find((g) => g.id === id);
  if (group !== undefined) {
    const globs = group.globs.slice(0, 8).map(code).join(', ') + (group.globs.length > 8 ? `, … (${group.globs.length} in all)` : '');
    return [headline(group.id, group.decision ?? 'confirm', group.risk ?? 'medium', 'built-in protected paths'), '', group.message, '', `Paths: ${globs}`].join('\n');
  }
  return undefined;
}

function testsHitting(ruleId: string, results: readonly PolicyTestResult[]): PolicyTestResult[] {
  return results.filter((r) => r.actual?.reasons.some((reason) => reason.rule === ruleId) === true);
}

function testsLine(ruleId: string, results: readonly PolicyTestResult[]): string {
  const hits = testsHitting(ruleId, results);
  if (hits.length === 0) return 'No entry in `tests` exercises this rule yet: add one, so a change that breaks it is noticed.';
  return `Exercised by ${hits.length} test${hits.length === 1 ? '' : 's'}: ${hits.slice(0, MAX_EXAMPLES).map((h) => code(h.subject)).join(', ')}`;
}

function listOrOne(values: readonly string[] | undefined): string | undefined {
  return values === undefined ? undefined : values.map(code).join(' or ');
}

/** The file's own command rule or allow exception at `path` (`commands[2]`, `allow[0]`). */
export function explainEntry(path: string, document: PolicyDocument, policy: Policy, results: readonly PolicyTestResult[], trusted: boolean): string | undefined {
  const command = document.commands.find((c) => c.path === path);
  const allow = command === undefined ? document.allow.find((a) => a.path === path) : undefined;
  const spec = command ?? allow;
  if (spec === undefined) return undefined;
  const compiled = command !== undefined
    ? policy.commandRules.find((r) => r.source.line === command.line)
    : policy.allowRules.find((r) => r.source.line === spec.line);
  const id = compiled?.id ?? spec.id ?? path;
  const match = [
    spec.program && `program ${listOrOne(spec.program)}`,
    spec.subcommand && `sub-command ${listOrOne(spec.subcommand.map((s) => s.join(' ')))}`,
    spec.args && `with ${spec.args.map(code).join(' and ')}`,
    spec.withoutArgs && `without ${spec.withoutArgs.map(code).join(' or ')}`,
    spec.regex && `matching ${code('/' + spec.regex + '/')}`,
  ].filter((s): s is string => typeof s === 'string');
  const lines: string[] = [];
  if (command !== undefined) {
    lines.push(headline(id, command.decision, compiled?.risk ?? command.risk ?? (command.decision === 'deny' ? 'high' : 'medium'), 'team rule'));
  } else {
    lines.push(`**${id}** — allow exception`);
  }
  lines.push('', `Matches commands: ${match.join(', ')} (after sudo, env, \`bash -c\` and similar wrappers are unwrapped).`, '', `Reason: ${spec.reason}`, '');
  if (allow !== undefined) {
    lines.push(trusted
      ? 'A matching command loses its non-critical findings. It never overrides a critical built-in rule or any deny.'
      : '**Ignored**: this workspace is not trusted, and an untrusted workspace policy may only tighten the rules.', '');
  }
  lines.push(testsLine(id, results));
  return lines.join('\n');
}

const PRODUCTION_WHAT: Record<string, string> = {
  kubeContexts: 'Kubernetes context (`--context`, `--kube-context`, `kubectl config use-context`, `KUBECONFIG`)',
  awsProfiles: 'AWS profile (`--profile`, `AWS_PROFILE`, `aws-vault exec`)',
  terraformWorkspaces: 'Terraform/OpenTofu workspace or Pulumi stack (`TF_WORKSPACE`, `terraform workspace select`, `-var-file=<name>.tfvars`, `pulumi --stack`)',
  gcloudProjects: 'Google Cloud project (`--project`, `CLOUDSDK_CORE_PROJECT`, `gcloud config set project`)',
  azureSubscriptions: 'Azure subscription (`--subscription`, `az account set`, `AZURE_SUBSCRIPTION_ID`)',
  paths: 'directory or file (the working directory, `-chdir`, `-var-file`, `make -C`, path arguments)',
  databaseUrls: 'database (URLs in arguments and `*_URL` variables, `psql -h`, `PGHOST`, `mysql -h`)',
};

/** One entry of `production.<kind>`. */
export function explainProductionTarget(kind: string, pattern: string, trusted: boolean): string | undefined {
  const what = PRODUCTION_WHAT[kind];
  if (what === undefined) return undefined;
  return [
    `**Production target** ${code(pattern)} — ${kind}`,
    '',
    `A ${what} matching ${code(pattern)} counts as production${kind === 'paths' ? ' (a glob relative to the workspace root)' : ' (`*` matches anything, case-insensitive)'}.`,
    '',
    'A risky command aimed at it is raised one risk level, and confirming it needs the target\'s name typed.',
    '',
    trusted
      ? `This list replaces the default for ${kind} (names containing "prod").`
      : `This workspace is not trusted, so this list is added to the default for ${kind} instead of replacing it.`,
  ].join('\n');
}

/** One entry of `protectedPaths`. */
export function explainProtectedPath(path: string, document: PolicyDocument, policy: Policy): string | undefined {
  const spec = document.protectedPaths.find((p) => p.path === path);
  if (spec === undefined) return undefined;
  const compiled = policy.protectedPaths.find((p) => p.source.layer !== 'builtin' && p.source.line === spec.line && p.glob === spec.glob);
  const id = compiled?.id ?? spec.id ?? path;
  const risk = compiled?.risk ?? spec.risk ?? (spec.decision === 'deny' ? 'high' : 'medium');
  const glob = spec.glob;
  const reading = glob.startsWith('/') || glob.startsWith('~')
    ? 'An absolute path glob.'
    : glob.includes('/')
      ? 'Relative to the workspace root; a glob that names a folder covers everything inside it.'
      : 'No `/`: matches this name at any depth of the workspace.';
  return [
    headline(id, spec.decision, risk, 'protected path'),
    '',
    `An agent that wants to **${spec.ops.join(', ')}** a path matching ${code(glob)} is ${spec.decision === 'deny' ? 'stopped' : 'held until a person confirms'}.`,
    reading,
    '',
    compiled?.message ?? spec.reason ?? '',
    '',
    'Commands that would change such a path (`rm`, `mv`, redirections, `sed -i`, …) are judged the same way.',
  ].join('\n');
}

/** The result of one `tests` entry. */
export function explainTest(result: PolicyTestResult): string {
  const v = result.actual;
  const lines = [`**Policy test** ${code(result.subject)} — ${result.passed ? 'passes' : '**fails**'}: ${result.message}`];
  if (v !== undefined) {
    lines.push('', `Verdict: **${v.decision}**, risk **${v.risk}**`);
    if (v.reasons.length > 0) lines.push('', ...v.reasons.slice(0, 5).map((r) => `- \`${r.rule}\` (${r.decision}, ${r.risk}): ${r.message}`));
  }
  return lines.join('\n');
}

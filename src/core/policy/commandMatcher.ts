/**
 * Compiles the structured command patterns of team rules (`commands`) and exceptions (`allow`).
 *
 * Sub-commands are found the way the programs find them: global options are skipped, so
 * `terraform -chdir=infra apply` and `kubectl -n prod delete pod x` still open with `apply` / `delete`.
 * Whether an unknown option takes a value cannot be known, so both readings are computed:
 * a team rule (which only tightens) matches when either reading matches; an allow exception (which
 * loosens) matches only when both do.
 */
import type { Invocation } from '../invocation';
import { hasShort } from '../rules/args';
import { GIT_GLOBAL_VALUE_OPTS } from '../gitGlobalOptions';
import type { CommandMatchSpec } from './document';
import { compileNameGlob, type NameGlob } from './globs';
import { compileRegex } from './regex';

/** Options that take the following word as their value, per program (global ones and common per-command ones). */
const VALUE_OPTIONS_BASE: Readonly<Record<string, readonly string[]>> = {
  git: [...GIT_GLOBAL_VALUE_OPTS, '-m', '-F', '--message', '--file', '-b', '-B', '--branch', '-o', '--origin'],
  kubectl: ['-n', '--namespace', '--context', '--cluster', '--user', '--kubeconfig', '-s', '--server', '--as', '--as-group', '--token', '--request-timeout', '-l', '--selector', '-o', '--output', '-f', '--filename', '-c', '--container', '--field-selector'],
  helm: ['-n', '--namespace', '--kube-context', '--kubeconfig', '-f', '--values', '--set', '--set-string', '--set-file', '--version', '-o', '--output', '--repo'],
  terraform: ['-var', '-var-file', '-target', '-replace', '-out', '-state', '-state-out', '-backup', '-lock-timeout', '-parallelism'],
  aws: ['--profile', '--region', '--output', '--endpoint-url', '--query', '--cli-input-json', '--cli-read-timeout', '--cli-connect-timeout', '--ca-bundle', '--color'],
  gcloud: ['--project', '--account', '--configuration', '--format', '--zone', '--region', '--impersonate-service-account', '--verbosity'],
  az: ['--subscription', '-g', '--resource-group', '-o', '--output', '--query', '-n', '--name'],
  docker: ['-H', '--host', '-c', '--context', '--config', '-l', '--log-level', '-f', '--file', '-p', '--project-name'],
  npm: ['--prefix', '-w', '--workspace', '-C', '--dir', '--filter', '--cwd'],
  pulumi: ['-s', '--stack', '-C', '--cwd'],
};

/** Options known to take no value, so the cautious reading does not swallow the next word. */
const BOOLEAN_OPTIONS_BASE: Readonly<Record<string, readonly string[]>> = {
  git: ['--no-pager', '-p', '--paginate', '--bare', '--no-replace-objects', '--literal-pathspecs', '--no-optional-locks', '-f', '--force', '-v', '--verbose', '-q', '--quiet', '-n', '--dry-run'],
  kubectl: ['-A', '--all-namespaces', '-w', '--watch', '--all', '--dry-run', '--force', '--wait', '--recursive', '-R', '--insecure-skip-tls-verify'],
  helm: ['--debug', '--dry-run', '--wait', '--atomic', '--force', '--install', '--create-namespace', '-a', '--all-namespaces'],
  terraform: ['-no-color', '-auto-approve', '-refresh-only', '-destroy', '-json', '-compact-warnings', '-upgrade', '-reconfigure', '-migrate-state'],
  aws: ['--debug', '--no-paginate', '--no-verify-ssl', '--no-sign-request', '--no-cli-pager', '--dry-run'],
  gcloud: ['--quiet', '-q', '--log-http', '--async'],
  docker: ['-D', '--debug', '--tls', '--tlsverify', '-d', '--detach', '--rm', '-i', '-t', '-it', '--force', '-a', '--all'],
  npm: ['-g', '--global', '-D', '--save-dev', '-y', '--yes', '--silent', '-s', '--if-present', '--force', '--dry-run'],
};

/** Programs that read their options like another one. */
const SAME_OPTIONS_AS: Readonly<Record<string, string>> = {
  oc: 'kubectl', kubecolor: 'kubectl', tofu: 'terraform', terragrunt: 'terraform', podman: 'docker', pnpm: 'npm', yarn: 'npm', bun: 'npm', helmfile: 'helm',
};

function optionsOf(table: Readonly<Record<string, readonly string[]>>, program: string): readonly string[] {
  return table[program] ?? table[SAME_OPTIONS_AS[program] ?? ''] ?? [];
}

/**
 * Positional words of `args` in one reading: `cautious` assumes every unknown option without `=` takes
 * the next word as its value; otherwise unknown options take none.
 */
export function positionalWords(program: string, args: readonly string[], cautious: boolean): string[] {
  const values = optionsOf(VALUE_OPTIONS_BASE, program);
  const booleans = optionsOf(BOOLEAN_OPTIONS_BASE, program);
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') {
      out.push(...args.slice(i + 1));
      break;
    }
    if (a.length > 1 && a.startsWith('-')) {
      if (a.includes('=')) continue;
      if (values.includes(a)) {
        i++;
        continue;
      }
      const next = args[i + 1];
      if (cautious && !booleans.includes(a) && next !== undefined && !next.startsWith('-')) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** `program arg1 arg2 …`: what a team `regex` is matched against. */
export function normalisedCommand(inv: Invocation): string {
  return [inv.program, ...inv.args].join(' ');
}

interface ArgPattern {
  test(args: readonly string[]): boolean;
}

/** `-x` also matches inside combined short flags (`-rf`); `--name` also matches `--name=value`. */
function compileArgPattern(pattern: string): ArgPattern {
  if (/^-[A-Za-z0-9]$/.test(pattern)) {
    const letter = pattern[1] ?? '';
    return { test: (args) => hasShort(args, letter) };
  }
  const glob: NameGlob = compileNameGlob(pattern, { nocase: false });
  const withValue = pattern.startsWith('-') && !/[*?[{]/.test(pattern);
  return { test: (args) => args.some((a) => glob.test(a) || (withValue && a.startsWith(pattern + '='))) };
}

export type MatchMode = 'tighten' | 'loosen';

export function compileCommandMatch(spec: CommandMatchSpec, mode: MatchMode): (inv: Invocation) => boolean {
  const programs = spec.program;
  const subcommands = spec.subcommand;
  const args = (spec.args ?? []).map(compileArgPattern);
  const without = (spec.withoutArgs ?? []).map(compileArgPattern);
  const regex = spec.regex === undefined ? undefined : compileRegex(spec.regex);

  const opensWith = (words: readonly string[]): boolean =>
    subcommands === undefined || subcommands.some((seq) => seq.every((w, i) => words[i] === w));

  return (inv) => {
    if (programs !== undefined && !programs.includes(inv.program)) return false;
    if (programs !== undefined && inv.programDynamic && mode === 'loosen') return false;
    if (subcommands !== undefined) {
      const plain = opensWith(positionalWords(inv.program, inv.args, false));
      const cautious = opensWith(positionalWords(inv.program, inv.args, true));
      if (mode === 'tighten' ? !(plain || cautious) : !(plain && cautious)) return false;
    }
    if (!args.every((p) => p.test(inv.args))) return false;
    if (without.some((p) => p.test(inv.args))) return false;
    if (regex !== undefined && !regex.test(normalisedCommand(inv))) return false;
    // an exception must not let through what it cannot see: unknown words could be anything
    if (mode === 'loosen' && inv.argv.some((a) => a.dynamic)) return false;
    return true;
  };
}

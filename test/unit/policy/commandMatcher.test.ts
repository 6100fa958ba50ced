/**
 * Structured command matching of team rules and allow exceptions: program + sub-command + arguments with
 * global options skipped, tightening rules reading ambiguous options both ways, exceptions only when
 * both readings agree.
 */
import { strict as assert } from 'node:assert';
import { compileCommandMatch, normalisedCommand, positionalWords, type MatchMode } from '../../../src/core/policy/commandMatcher';
import type { CommandMatchSpec } from '../../../src/core/policy/document';
import { invocation } from './invocations';

function spec(s: Partial<CommandMatchSpec>): CommandMatchSpec {
  return { program: undefined, subcommand: undefined, args: undefined, withoutArgs: undefined, regex: undefined, ...s };
}

const TF_APPLY = spec({ program: ['terraform', 'tofu'], subcommand: [['apply'], ['destroy']] });
const KUBE_DELETE = spec({ program: ['kubectl'], subcommand: [['delete']] });
const WS_SELECT = spec({ program: ['terraform'], subcommand: [['workspace', 'select']] });
const PUSH_NO_VERIFY = spec({ program: ['git'], subcommand: [['push']], args: ['--no-verify'] });
const RM_R = spec({ program: ['rm'], args: ['-r'] });
const PLAN_NO_OUT = spec({ program: ['terraform'], subcommand: [['plan']], withoutArgs: ['-out*'] });
const PSQL_DROP = spec({ regex: '^psql .*DROP ' });

const cases: readonly [CommandMatchSpec, MatchMode, string, boolean][] = [
  [TF_APPLY, 'tighten', 'terraform apply', true],
  [TF_APPLY, 'tighten', 'terraform -chdir=infra/prod apply -auto-approve', true],
  [TF_APPLY, 'tighten', 'tofu destroy', true],
  [TF_APPLY, 'tighten', 'sudo -E terraform apply', true],
  [TF_APPLY, 'tighten', 'bash -c "terraform apply"', true],
  [TF_APPLY, 'tighten', '/usr/local/bin/terraform apply', true],
  [TF_APPLY, 'tighten', 'terraform plan', false],
  [TF_APPLY, 'tighten', 'terraform show apply', false],
  [TF_APPLY, 'tighten', 'terragrunt apply', false],
  [KUBE_DELETE, 'tighten', 'kubectl -n prod delete pod api', true],
  [KUBE_DELETE, 'tighten', 'kubectl --namespace=prod delete pod api', true],
  [KUBE_DELETE, 'tighten', 'kubectl --unknown-flag value delete pod api', true], // cautious reading
  [KUBE_DELETE, 'tighten', 'kubectl get pods delete', false],
  [WS_SELECT, 'tighten', 'terraform workspace select prod', true],
  [WS_SELECT, 'tighten', 'terraform workspace new prod', false],
  [PUSH_NO_VERIFY, 'tighten', 'git push --no-verify origin main', true],
  [PUSH_NO_VERIFY, 'tighten', 'git -C app push origin main --no-verify', true],
  [PUSH_NO_VERIFY, 'tighten', 'git push origin main', false],
  [RM_R, 'tighten', 'rm -rf build', true],
  [RM_R, 'tighten', 'rm -fr build', true],
  [RM_R, 'tighten', 'rm -f build', false],
  [PLAN_NO_OUT, 'loosen', 'terraform plan', true],
  [PLAN_NO_OUT, 'loosen', 'terraform plan -out=tfplan', false],
  [PSQL_DROP, 'tighten', 'psql -h db -c "DROP TABLE x"', true],
  [PSQL_DROP, 'tighten', 'psql -h db -c "SELECT 1"', false],
  // allow exceptions need both readings of unknown options to agree
  [KUBE_DELETE, 'loosen', 'kubectl delete pod api', true],
  [KUBE_DELETE, 'loosen', 'kubectl --unknown-flag value delete pod api', false],
  [spec({ program: ['kubectl'], subcommand: [['get']] }), 'loosen', 'kubectl get -A pods', true],
  [spec({ program: ['kubectl'], subcommand: [['get']] }), 'loosen', 'kubectl --weird get pods', false],
  // an exception never lets through what it cannot read
  [spec({ program: ['make'], subcommand: [['test']] }), 'loosen', 'make test', true],
  [spec({ program: ['make'], subcommand: [['test']] }), 'loosen', 'make test $(cat targets)', false],
  [spec({ program: ['make'], subcommand: [['test']] }), 'tighten', 'make test $(cat targets)', true],
];

describe('team command matching', () => {
  for (const [s, mode, command, expected] of cases) {
    it(`${mode} ${JSON.stringify({ ...s })} ${expected ? 'matches' : 'does not match'} ${command}`, () => {
      assert.equal(compileCommandMatch(s, mode)(invocation(command)), expected);
    });
  }

  it('reads positional words with and without the cautious assumption', () => {
    assert.deepEqual(positionalWords('kubectl', ['-n', 'prod', 'delete', 'pod'], false), ['delete', 'pod']);
    assert.deepEqual(positionalWords('kubectl', ['--x', 'v', 'delete'], false), ['v', 'delete']);
    assert.deepEqual(positionalWords('kubectl', ['--x', 'v', 'delete'], true), ['delete']);
    assert.deepEqual(positionalWords('kubectl', ['-A', 'get', 'pods'], true), ['get', 'pods']);
    assert.deepEqual(positionalWords('tofu', ['-var', 'a=b', 'apply'], false), ['apply']);
    assert.deepEqual(positionalWords('git', ['push', '--', '-weird-branch'], false), ['push', '-weird-branch']);
  });

  it('normalises the command for regexes as program and arguments', () => {
    assert.equal(normalisedCommand(invocation('  /usr/bin/psql   -c   "DROP  TABLE x"')), 'psql -c DROP  TABLE x');
  });
});

/**
 * Infrastructure as code (terraform, tofu, terragrunt, pulumi, cdk, CloudFormation, SAM, Serverless):
 * commands that destroy infrastructure, or apply changes without the tool showing a person the plan first.
 * This is where an agent once took production down for 13 hours with one `terraform destroy -auto-approve`.
 * `plan`, `init`, `validate`, `fmt`, `show`, `output` stay silent.
 */
import type { Invocation } from '../../invocation';
import type { CommandRule, RuleHit, RulePack } from '../rule';
import { hasFlag, hasGoBool, hasLong, positionals, subcommand } from '../args';
import { awsOperation } from './cloud';

// ---------------------------------------------------------------------------------------------------------
// Terraform, OpenTofu, Terragrunt

const TERRAFORM = ['terraform', 'tofu', 'terragrunt'];

/** Options before the terraform sub-command that take a value (`-chdir=dir`; the spaced form is accepted too). */
const TF_GLOBAL_VALUE_OPTS = ['-chdir', '--chdir'];

/** Terragrunt's own options that take the next word as their value (old `--terragrunt-*` and new names). */
const TG_VALUE_OPTS = [
  '--terragrunt-working-dir', '--working-dir', '--terragrunt-config', '--config', '--terragrunt-log-level', '--log-level',
  '--terragrunt-source', '--source', '--terragrunt-iam-role', '--iam-assume-role', '--terragrunt-download-dir',
  '--download-dir', '--terragrunt-tfpath', '--tf-path', '--terragrunt-include-dir', '--queue-include-dir',
  '--terragrunt-exclude-dir', '--queue-exclude-dir', '--terragrunt-parallelism', '--parallelism',
  '-chdir', '--chdir',
];

/** Options of `terraform apply`/`destroy` that take the next word as their value (Go flags allow `-var x=y`). */
const TF_APPLY_VALUE_OPTS = [
  '-var', '--var', '-var-file', '--var-file', '-target', '--target', '-replace', '--replace', '-state', '--state',
  '-state-out', '--state-out', '-backup', '--backup', '-lock-timeout', '--lock-timeout', '-parallelism', '--parallelism',
];

interface TfCall {
  /** The terraform sub-command (`destroy`, `apply`, `state`, …). */
  readonly command: string;
  /** Arguments after the sub-command. */
  readonly rest: readonly string[];
  /** Terragrunt over a whole stack of modules (`run-all`, `run --all`, `destroy-all`). */
  readonly stack: boolean;
  /** The tool will not stop to ask a person (`-auto-approve`, `TF_CLI_ARGS`, `yes |`, non-interactive run-all). */
  readonly unattended: boolean;
}

/** `TF_CLI_ARGS` / `TF_CLI_ARGS_apply` add arguments to every call; an agent may hide `-auto-approve` there. */
function envAddsAutoApprove(env: Readonly<Record<string, string>>, command: string): boolean {
  const all = env['TF_CLI_ARGS'];
  const one = env['TF_CLI_ARGS_' + command];
  return (all !== undefined && all.includes('auto-approve')) || (one !== undefined && one.includes('auto-approve'));
}

/** The words `TF_CLI_ARGS` and `TF_CLI_ARGS_<command>` add to a terraform call. */
function envArgs(env: Readonly<Record<string, string>>, command: string): string[] {
  const words = `${env['TF_CLI_ARGS'] ?? ''} ${env['TF_CLI_ARGS_' + command] ?? ''}`.trim();
  return words === '' ? [] : words.split(/\s+/);
}

/** `yes | terraform destroy`, `echo yes | …`, `<<< yes`: the confirmation prompt is answered by a pipe, not a person. */
function stdinAnswersYes(inv: Invocation): boolean {
  const s = inv.stdin;
  if (s === undefined) return false;
  if (s.from === 'yes') return true;
  return s.text !== undefined && s.text.trimStart().startsWith('yes');
}

function isTruthy(v: string | undefined): boolean {
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

function terragruntNonInteractive(inv: Invocation): boolean {
  return (
    hasLong(inv.args, 'terragrunt-non-interactive') ||
    hasLong(inv.args, 'non-interactive') ||
    isTruthy(inv.env['TERRAGRUNT_NON_INTERACTIVE']) ||
    isTruthy(inv.env['TG_NON_INTERACTIVE'])
  );
}

/** `run --all -- destroy -auto-approve` → `--all -auto-approve`: the arguments around the inner command. */
function withoutWord(args: readonly string[], word: string): string[] {
  const out: string[] = [];
  let removed = false;
  for (const a of args) {
    if (a === '--') continue; // what follows `--` is passed on to terraform: its flags count too
    if (!removed && a === word) {
      removed = true;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** Seven rules read the same terraform call: parse it once per invocation (weakly keyed, unobservable). */
const tfCache = new WeakMap<Invocation, TfCall | null>();

function tfCall(inv: Invocation): TfCall | undefined {
  let call = tfCache.get(inv);
  if (call === undefined) {
    call = parseTfCall(inv) ?? null;
    tfCache.set(inv, call);
  }
  return call ?? undefined;
}

function parseTfCall(inv: Invocation): TfCall | undefined {
  const grunt = inv.program === 'terragrunt';
  const sub = subcommand(inv.args, grunt ? TG_VALUE_OPTS : TF_GLOBAL_VALUE_OPTS);
  if (sub === undefined) return undefined;
  let command = sub.name;
  let rest = sub.rest;
  let stack = false;
  if (grunt) {
    if (command === 'run-all' || command === 'run') {
      // `terragrunt run-all destroy`, `terragrunt run --all -- destroy`
      stack = command === 'run-all' || hasLong(rest, 'all');
      const inner = positionals(rest, TG_VALUE_OPTS)[0];
      if (inner === undefined) return undefined;
      command = inner;
      rest = withoutWord(rest, inner);
    } else if (command === 'destroy-all' || command === 'apply-all') {
      stack = true;
      command = command.slice(0, -'-all'.length);
    } else if (hasLong(rest, 'all')) {
      stack = true;
    }
  }
  // terraform adds `TF_CLI_ARGS` and `TF_CLI_ARGS_<command>` after the command: `TF_CLI_ARGS_apply=-destroy terraform apply` destroys
  rest = [...envArgs(inv.env, command), ...rest];
  let unattended = hasGoBool(rest, 'auto-approve') || envAddsAutoApprove(inv.env, command) || stdinAnswersYes(inv);
  // run-all passes -auto-approve to every module itself; non-interactive also answers terragrunt's own prompt
  if (stack && terragruntNonInteractive(inv) && !hasLong(inv.args, 'no-auto-approve') && !hasLong(inv.args, 'terragrunt-no-auto-approve')) unattended = true;
  return { command, rest, stack, unattended };
}

function isDestroy(c: TfCall): boolean {
  return c.command === 'destroy' || (c.command === 'apply' && hasGoBool(c.rest, 'destroy'));
}

/** `terraform apply tfplan`: a saved plan is applied as it is, without a prompt (`-auto-approve` changes nothing). */
function appliesSavedPlan(c: TfCall): boolean {
  return positionals(c.rest, TF_APPLY_VALUE_OPTS).length > 0;
}

const terraformDestroy: CommandRule = {
  id: 'iac.terraform-destroy',
  programs: TERRAFORM,
  decision: 'confirm',
  risk: 'high',
  message: 'This destroys every resource the configuration manages (databases, networks, clusters) and their data. Run `terraform plan -destroy` and let a person apply it.',
  match(inv) {
    const c = tfCall(inv);
    if (c === undefined || !isDestroy(c) || hasGoBool(c.rest, 'help')) return false;
    const tool = inv.program;
    if (c.unattended) {
      return {
        decision: 'deny',
        risk: 'critical',
        message:
          `\`${tool} destroy\` with the approval prompt switched off destroys the infrastructure without anyone seeing what goes. ` +
          `Run \`${tool === 'terragrunt' ? 'terraform' : tool} plan -destroy\` and let a person review and apply it.`,
      };
    }
    if (c.stack) {
      return {
        risk: 'critical',
        message: 'This destroys every module of the Terragrunt stack, one after another, after a single yes. Destroy one module after `terragrunt plan -destroy` and a person\'s review.',
      };
    }
    return { message: `\`${tool} destroy\` deletes every resource the configuration manages, with their data. Run \`${tool === 'terragrunt' ? 'terraform' : tool} plan -destroy\` and let a person apply it.` };
  },
  examples: {
    match: [
      'terraform destroy',
      'terraform destroy -auto-approve',
      'terraform -chdir=infra/prod destroy -auto-approve',
      'terraform destroy -target=aws_db_instance.main',
      'terraform apply -destroy',
      'terraform apply -destroy -auto-approve',
      'terraform destroy --auto-approve -var-file=prod.tfvars',
      'tofu destroy -auto-approve',
      'terragrunt destroy',
      'terragrunt run-all destroy',
      'terragrunt run-all destroy --terragrunt-non-interactive',
      'terragrunt destroy-all',
      'terragrunt run --all -- destroy',
      'terragrunt run --all --non-interactive -- destroy -auto-approve',
      'TF_CLI_ARGS_destroy=-auto-approve terraform destroy',
      'TF_CLI_ARGS_apply=-destroy terraform apply',
      'export TF_CLI_ARGS="-destroy -auto-approve"; terraform apply',
      'yes | terraform destroy',
      'echo yes | terraform destroy',
    ],
    notMatch: [
      'terraform plan -destroy',
      'terraform plan -destroy -out=destroy.tfplan',
      'terraform plan',
      'terraform apply -destroy=false',
      'terraform init',
      'terraform validate',
      'terraform fmt -recursive',
      'terraform show',
      'terraform output -json',
      'terragrunt run-all plan',
      'git commit -m "terraform destroy -auto-approve"',
    ],
  },
};

const terraformApplyAutoApprove: CommandRule = {
  id: 'iac.terraform-apply-auto-approve',
  programs: TERRAFORM,
  decision: 'deny',
  risk: 'high',
  message:
    '`-auto-approve` applies infrastructure changes without showing anyone the plan first; a plan may replace or destroy resources. ' +
    'Run `terraform plan -out=tfplan`, let a person review it and apply it.',
  match(inv) {
    const c = tfCall(inv);
    if (c === undefined || c.command !== 'apply' || isDestroy(c) || appliesSavedPlan(c)) return false;
    if (hasGoBool(c.rest, 'refresh-only')) return false; // only updates the state to match what exists
    if (c.unattended) return true;
    if (c.stack) {
      const hit: RuleHit = {
        decision: 'confirm',
        message: '`terragrunt run-all apply` applies every module of the stack after a single yes, without showing their plans. Run `terragrunt run-all plan` and let a person apply.',
      };
      return hit;
    }
    return false;
  },
  examples: {
    match: [
      'terraform apply -auto-approve',
      'terraform -chdir=infra apply -auto-approve -var env=prod',
      'terraform apply --auto-approve',
      'tofu apply -auto-approve',
      'terragrunt apply -auto-approve',
      'terragrunt run-all apply --terragrunt-non-interactive',
      'terragrunt run-all apply',
      'TF_CLI_ARGS="-auto-approve" terraform apply',
      'yes | terraform apply',
    ],
    notMatch: ['terraform apply', 'terraform apply -auto-approve=false', 'terraform apply -refresh-only -auto-approve', 'terraform plan -out=tfplan', 'terraform apply -destroy -auto-approve', 'terragrunt run-all plan --terragrunt-non-interactive'],
  },
};

const terraformApplySavedPlan: CommandRule = {
  id: 'iac.terraform-apply-saved-plan',
  programs: TERRAFORM,
  decision: 'confirm',
  risk: 'medium',
  message: 'Applying a saved plan file changes the infrastructure without asking again. Make sure a person has reviewed this plan (`terraform show tfplan`) before it is applied.',
  match(inv) {
    const c = tfCall(inv);
    return c !== undefined && c.command === 'apply' && !isDestroy(c) && appliesSavedPlan(c);
  },
  examples: {
    match: ['terraform apply tfplan', 'terraform -chdir=infra apply plan.out', 'tofu apply -input=false tfplan', 'terraform apply -auto-approve tfplan'],
    notMatch: ['terraform apply', 'terraform apply -var env=dev', 'terraform show tfplan', 'terraform plan -out tfplan'],
  },
};

/** `terraform state <action>` → the action, e.g. `rm`. */
function stateAction(c: TfCall | undefined): string | undefined {
  return c !== undefined && c.command === 'state' ? positionals(c.rest)[0] : undefined;
}

const terraformStateRemove: CommandRule = {
  id: 'iac.terraform-state-remove',
  programs: TERRAFORM,
  decision: 'confirm',
  risk: 'medium',
  message: '`state rm` makes Terraform forget resources that still exist: they are no longer managed, and the next apply may create duplicates. Let a person confirm.',
  match(inv) {
    const c = tfCall(inv);
    return stateAction(c) === 'rm' && c !== undefined && !hasGoBool(c.rest, 'dry-run');
  },
  examples: {
    match: ['terraform state rm aws_db_instance.main', 'terraform -chdir=infra state rm module.db', 'tofu state rm aws_s3_bucket.logs'],
    notMatch: ['terraform state list', 'terraform state show aws_db_instance.main', 'terraform state rm -dry-run aws_db_instance.main', 'terraform state mv a b'],
  },
};

const terraformStatePush: CommandRule = {
  id: 'iac.terraform-state-push',
  programs: TERRAFORM,
  decision: 'confirm',
  risk: 'high',
  message: '`state push` overwrites the shared state with a local file; if it is stale, Terraform loses track of real resources. Let a person confirm.',
  match(inv) {
    const c = tfCall(inv);
    if (stateAction(c) !== 'push' || c === undefined) return false;
    if (hasGoBool(c.rest, 'force')) return { risk: 'critical', message: '`state push -force` overwrites the shared state even when it is newer or from another lineage; real resources can be orphaned. Let a person do it.' };
    return true;
  },
  examples: {
    match: ['terraform state push terraform.tfstate', 'terraform state push -force backup.tfstate'],
    notMatch: ['terraform state pull > backup.tfstate', 'terraform state list'],
  },
};

const terraformWorkspaceDelete: CommandRule = {
  id: 'iac.terraform-workspace-delete',
  programs: TERRAFORM,
  decision: 'confirm',
  risk: 'medium',
  message: 'Deleting a workspace deletes its state; with `-force` the resources it still tracks keep running but are no longer managed. Let a person confirm.',
  match(inv) {
    const c = tfCall(inv);
    if (c === undefined || c.command !== 'workspace' || positionals(c.rest)[0] !== 'delete') return false;
    return hasGoBool(c.rest, 'force') ? { risk: 'high' } : true;
  },
  examples: {
    match: ['terraform workspace delete prod', 'terraform workspace delete -force staging', 'tofu workspace delete feature-x'],
    notMatch: ['terraform workspace list', 'terraform workspace select prod', 'terraform workspace new feature-x'],
  },
};

const terraformForceUnlock: CommandRule = {
  id: 'iac.terraform-force-unlock',
  programs: TERRAFORM,
  decision: 'confirm',
  risk: 'medium',
  message: '`force-unlock` removes the state lock; if someone else is applying right now, the state can be corrupted. Make sure no other run is in progress.',
  match(inv) {
    const c = tfCall(inv);
    return c !== undefined && c.command === 'force-unlock';
  },
  examples: {
    match: ['terraform force-unlock 6638ad4e-3d4c-4f6e', 'terraform force-unlock -force 6638ad4e'],
    notMatch: ['terraform plan -lock=false', 'terraform providers lock'],
  },
};

// ---------------------------------------------------------------------------------------------------------
// Pulumi

const PULUMI = ['pulumi'];
/** Pulumi (cobra) options that take the next word as their value; they may appear anywhere. */
const PULUMI_VALUE_OPTS = [
  '-C', '--cwd', '-s', '--stack', '--color', '--tracing', '--profiling', '--config-file', '-m', '--message', '-t', '--target',
  '-p', '--parallel', '-v', '--verbose', '-c', '--config', '-x', '--exclude', '--exec-kind', '--exec-agent',
];
const PULUMI_DESTROY: ReadonlySet<string> = new Set(['destroy', 'down', 'dn']);
const PULUMI_UP: ReadonlySet<string> = new Set(['up', 'update']);

function pulumiSkipsConfirmation(inv: Invocation, rest: readonly string[]): boolean {
  return hasFlag(rest, 'y', 'yes') || isTruthy(inv.env['PULUMI_SKIP_CONFIRMATIONS']);
}

function pulumiSub(inv: Invocation): { name: string; rest: readonly string[] } | undefined {
  return subcommand(inv.args, PULUMI_VALUE_OPTS);
}

const pulumiDestroy: CommandRule = {
  id: 'iac.pulumi-destroy',
  programs: PULUMI,
  decision: 'confirm',
  risk: 'high',
  message: '`pulumi destroy` deletes every resource in the stack, with their data. Run `pulumi destroy --preview-only` and let a person run the destroy.',
  match(inv) {
    const sub = pulumiSub(inv);
    if (sub === undefined || !PULUMI_DESTROY.has(sub.name) || hasLong(sub.rest, 'preview-only')) return false;
    if (pulumiSkipsConfirmation(inv, sub.rest)) {
      return { decision: 'deny', risk: 'critical', message: '`pulumi destroy --yes` deletes every resource in the stack without anyone seeing what goes. Run `pulumi destroy --preview-only` and let a person run the destroy.' };
    }
    return true;
  },
  examples: {
    match: ['pulumi destroy', 'pulumi destroy --yes', 'pulumi destroy -y -s prod', 'pulumi --cwd infra destroy --stack dev', 'pulumi down --yes --skip-preview', 'PULUMI_SKIP_CONFIRMATIONS=true pulumi destroy'],
    notMatch: ['pulumi preview', 'pulumi destroy --preview-only', 'pulumi stack ls', 'pulumi up', 'pulumi stack output'],
  },
};

const pulumiUpAutoApprove: CommandRule = {
  id: 'iac.pulumi-up-auto-approve',
  programs: PULUMI,
  decision: 'deny',
  risk: 'high',
  message: '`pulumi up --yes` applies infrastructure changes without showing anyone the preview first; an update may replace or delete resources. Run `pulumi preview` and let a person run the update.',
  match(inv) {
    const sub = pulumiSub(inv);
    return sub !== undefined && PULUMI_UP.has(sub.name) && pulumiSkipsConfirmation(inv, sub.rest);
  },
  examples: {
    match: ['pulumi up --yes', 'pulumi up -y --stack prod', 'pulumi -C infra up --yes --skip-preview', 'pulumi update -y', 'PULUMI_SKIP_CONFIRMATIONS=1 pulumi up'],
    notMatch: ['pulumi up', 'pulumi preview', 'pulumi up --stack dev', 'pulumi stack select dev'],
  },
};

const pulumiStackRemove: CommandRule = {
  id: 'iac.pulumi-stack-remove',
  programs: PULUMI,
  decision: 'confirm',
  risk: 'medium',
  message: '`pulumi stack rm` deletes the stack with its configuration and history. With `--force` the resources it manages keep running but are no longer tracked. Let a person confirm.',
  match(inv) {
    const sub = pulumiSub(inv);
    if (sub === undefined || sub.name !== 'stack' || positionals(sub.rest, PULUMI_VALUE_OPTS)[0] !== 'rm') return false;
    return hasFlag(sub.rest, 'f', 'force') ? { risk: 'high' } : true;
  },
  examples: {
    match: ['pulumi stack rm dev', 'pulumi stack rm prod --yes', 'pulumi stack rm --force -y staging'],
    notMatch: ['pulumi stack ls', 'pulumi stack select dev', 'pulumi stack init feature-x'],
  },
};

const pulumiStateDelete: CommandRule = {
  id: 'iac.pulumi-state-delete',
  programs: PULUMI,
  decision: 'confirm',
  risk: 'medium',
  message: '`pulumi state delete` makes Pulumi forget a resource that still exists: it is no longer managed. Let a person confirm.',
  match(inv) {
    const sub = pulumiSub(inv);
    return sub !== undefined && sub.name === 'state' && positionals(sub.rest, PULUMI_VALUE_OPTS)[0] === 'delete';
  },
  examples: {
    match: ["pulumi state delete 'urn:pulumi:dev::app::aws:s3/bucket:Bucket::logs'", 'pulumi state delete --all -y'],
    notMatch: ['pulumi state unprotect urn:x', 'pulumi stack export'],
  },
};

// ---------------------------------------------------------------------------------------------------------
// AWS CDK, CloudFormation, SAM, Serverless

const CDK_VALUE_OPTS = ['-a', '--app', '-c', '--context', '--profile', '-o', '--output', '-r', '--role-arn', '--plugin', '-p', '--proxy', '--ca-bundle-path', '--toolkit-stack-name'];

const cdkDestroy: CommandRule = {
  id: 'iac.cdk-destroy',
  // `npx aws-cdk destroy` runs the package's `cdk` binary under the package's name
  programs: ['cdk', 'aws-cdk', 'cdktf'],
  decision: 'confirm',
  risk: 'high',
  message: '`cdk destroy` deletes the CloudFormation stacks and every resource in them that is not retained. Let a person run it.',
  match(inv) {
    const sub = subcommand(inv.args, CDK_VALUE_OPTS);
    if (sub === undefined || sub.name !== 'destroy') return false;
    // `cdktf destroy --auto-approve` is CDK for Terraform's unattended destroy
    if (hasFlag(sub.rest, 'f', 'force') || inv.program === 'cdktf' && hasLong(sub.rest, 'auto-approve')) {
      return { decision: 'deny', risk: 'critical', message: '`cdk destroy --force` deletes the stacks without asking anyone. Let a person run `cdk destroy` and answer its prompt.' };
    }
    return true;
  },
  examples: {
    match: ['cdk destroy', 'cdk destroy ApiStack', 'cdk destroy --all --force', 'cdk --profile prod destroy -f ApiStack', "cdk destroy --app='node bin/main.js' MyStack", 'npx aws-cdk destroy -f', 'cdktf destroy', 'cdktf destroy --auto-approve'],
    notMatch: ['cdk diff', 'cdk synth', 'cdk deploy ApiStack', 'cdk list', 'cdktf synth', 'cdktf diff'],
  },
};

const cloudformationDeleteStack: CommandRule = {
  id: 'iac.cloudformation-delete-stack',
  programs: ['aws'],
  decision: 'confirm',
  risk: 'high',
  message: 'Deleting a CloudFormation stack deletes every resource in it that is not retained, with their data. Let a person run it.',
  match(inv) {
    const op = awsOperation(inv);
    return op !== undefined && op.service === 'cloudformation' && (op.operation === 'delete-stack' || op.operation === 'delete-stack-set' || op.operation === 'delete-stack-instances');
  },
  examples: {
    match: ['aws cloudformation delete-stack --stack-name api-prod', 'aws --profile prod --region us-east-1 cloudformation delete-stack --stack-name web', 'aws cloudformation delete-stack-instances --stack-set-name base --regions us-east-1 --accounts 123 --no-retain-stacks'],
    notMatch: ['aws cloudformation describe-stacks --stack-name dev-api', 'aws cloudformation deploy --template-file t.yaml --stack-name api', 'aws cloudformation delete-change-set --change-set-name cs1'],
  },
};

const samDelete: CommandRule = {
  id: 'iac.sam-delete',
  programs: ['sam'],
  decision: 'confirm',
  risk: 'high',
  message: '`sam delete` deletes the application\'s CloudFormation stack and its deployed artifacts. Let a person run it.',
  match(inv) {
    const sub = subcommand(inv.args);
    if (sub === undefined || sub.name !== 'delete') return false;
    if (hasLong(sub.rest, 'no-prompts')) {
      return { decision: 'deny', risk: 'critical', message: '`sam delete --no-prompts` deletes the stack, its artifacts and ECR repositories without asking anyone. Let a person run `sam delete` and answer its prompts.' };
    }
    return true;
  },
  examples: {
    match: ['sam delete', 'sam delete --stack-name api-prod', 'sam delete --stack-name api --no-prompts --region us-east-1'],
    notMatch: ['sam build', 'sam deploy --guided', 'sam local invoke'],
  },
};

const SERVERLESS_VALUE_OPTS = ['-s', '--stage', '-r', '--region', '-c', '--config', '--aws-profile', '--app', '--org'];

const serverlessRemove: CommandRule = {
  id: 'iac.serverless-remove',
  programs: ['serverless', 'sls'],
  decision: 'confirm',
  risk: 'high',
  message: '`serverless remove` deletes the whole service of this stage (functions, APIs, tables, buckets) without asking. Let a person run it.',
  match(inv) {
    const sub = subcommand(inv.args, SERVERLESS_VALUE_OPTS);
    return sub !== undefined && sub.name === 'remove';
  },
  examples: {
    match: ['serverless remove', 'sls remove --stage prod', 'serverless remove -s dev -r eu-west-1', 'sls --stage staging remove'],
    notMatch: ['serverless deploy', 'sls info --stage prod', 'serverless logs -f api'],
  },
};

export const iacPack: RulePack = {
  name: 'iac',
  description: 'Infrastructure-as-code tools destroying infrastructure, or applying changes without a person seeing the plan.',
  rules: [
    terraformDestroy,
    terraformApplyAutoApprove,
    terraformApplySavedPlan,
    terraformStateRemove,
    terraformStatePush,
    terraformWorkspaceDelete,
    terraformForceUnlock,
    pulumiDestroy,
    pulumiUpAutoApprove,
    pulumiStackRemove,
    pulumiStateDelete,
    cdkDestroy,
    cloudformationDeleteStack,
    samDelete,
    serverlessRemove,
  ],
};

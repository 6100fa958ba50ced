import { strict as assert } from 'node:assert';
import { guardWith, itFlagsOnce, itStaysSilent, type PackCase } from './packGuard';
import { iacPack } from '../../../src/core/rules/packs/iac';

const guard = guardWith([iacPack]);
const OPTS = { cwd: '/work/ws', root: '/work/ws' };


// Names avoid "prod": the production matcher raises risk by one level, which is not what these tests are about.
const flagged: readonly PackCase[] = [
  // terraform destroy: asked about; with the approval prompt switched off, denied
  { command: 'terraform destroy', rule: 'iac.terraform-destroy', decision: 'confirm', risk: 'high' },
  { command: 'terraform destroy -target=aws_db_instance.main', rule: 'iac.terraform-destroy', decision: 'confirm', risk: 'high' },
  { command: 'terraform apply -destroy', rule: 'iac.terraform-destroy', decision: 'confirm', risk: 'high' },
  { command: 'terraform destroy -auto-approve', rule: 'iac.terraform-destroy', decision: 'deny', risk: 'critical' },
  { command: 'terraform destroy -auto-approve=true', rule: 'iac.terraform-destroy', decision: 'deny', risk: 'critical' },
  { command: 'terraform -chdir=infra/staging destroy -auto-approve', rule: 'iac.terraform-destroy', decision: 'deny', risk: 'critical' },
  { command: 'terraform apply -destroy -auto-approve', rule: 'iac.terraform-destroy', decision: 'deny', risk: 'critical' },
  { command: 'tofu destroy --auto-approve', rule: 'iac.terraform-destroy', decision: 'deny', risk: 'critical' },
  { command: 'cd infra/staging && terraform destroy -auto-approve', rule: 'iac.terraform-destroy', decision: 'deny', risk: 'critical' },
  { command: 'sudo terraform destroy -auto-approve', rule: 'iac.terraform-destroy', decision: 'deny', risk: 'critical' },
  { command: 'bash -c "terraform destroy -auto-approve"', rule: 'iac.terraform-destroy', decision: 'deny', risk: 'critical' },
  { command: 'yes | terraform destroy', rule: 'iac.terraform-destroy', decision: 'deny', risk: 'critical' },
  { command: 'echo yes | terraform destroy', rule: 'iac.terraform-destroy', decision: 'deny', risk: 'critical' },
  { command: 'terraform destroy', env: { TF_CLI_ARGS: '-auto-approve' }, rule: 'iac.terraform-destroy', decision: 'deny', risk: 'critical' },
  { command: 'TF_CLI_ARGS_destroy=-auto-approve terraform destroy', rule: 'iac.terraform-destroy', decision: 'deny', risk: 'critical' },
  { command: 'terragrunt destroy', rule: 'iac.terraform-destroy', decision: 'confirm', risk: 'high' },
  { command: 'terragrunt run-all destroy', rule: 'iac.terraform-destroy', decision: 'confirm', risk: 'critical' },
  { command: 'terragrunt destroy-all', rule: 'iac.terraform-destroy', decision: 'confirm', risk: 'critical' },
  { command: 'terragrunt run-all destroy --terragrunt-non-interactive', rule: 'iac.terraform-destroy', decision: 'deny', risk: 'critical' },
  { command: 'terragrunt run --all --non-interactive -- destroy', rule: 'iac.terraform-destroy', decision: 'deny', risk: 'critical' },
  { command: 'terragrunt --terragrunt-working-dir live/dev run-all destroy', rule: 'iac.terraform-destroy', decision: 'confirm', risk: 'critical' },
  // apply without a person seeing the plan
  { command: 'terraform apply -auto-approve', rule: 'iac.terraform-apply-auto-approve', decision: 'deny', risk: 'high' },
  { command: 'terraform -chdir=infra apply -auto-approve -var-file dev.tfvars', rule: 'iac.terraform-apply-auto-approve', decision: 'deny', risk: 'high' },
  { command: 'tofu apply -auto-approve', rule: 'iac.terraform-apply-auto-approve', decision: 'deny', risk: 'high' },
  { command: 'terragrunt run-all apply', rule: 'iac.terraform-apply-auto-approve', decision: 'confirm', risk: 'high' },
  { command: 'terragrunt run-all apply --terragrunt-non-interactive', rule: 'iac.terraform-apply-auto-approve', decision: 'deny', risk: 'high' },
  { command: 'terraform apply tfplan', rule: 'iac.terraform-apply-saved-plan', decision: 'confirm', risk: 'medium' },
  { command: 'terraform apply -auto-approve tfplan', rule: 'iac.terraform-apply-saved-plan', decision: 'confirm', risk: 'medium' },
  // state and workspaces
  { command: 'terraform state rm aws_db_instance.main', rule: 'iac.terraform-state-remove', decision: 'confirm', risk: 'medium' },
  { command: 'terraform state push terraform.tfstate', rule: 'iac.terraform-state-push', decision: 'confirm', risk: 'high' },
  { command: 'terraform state push -force old.tfstate', rule: 'iac.terraform-state-push', decision: 'confirm', risk: 'critical' },
  { command: 'terraform workspace delete feature-x', rule: 'iac.terraform-workspace-delete', decision: 'confirm', risk: 'medium' },
  { command: 'terraform workspace delete -force feature-x', rule: 'iac.terraform-workspace-delete', decision: 'confirm', risk: 'high' },
  { command: 'terraform force-unlock 6638ad4e', rule: 'iac.terraform-force-unlock', decision: 'confirm', risk: 'medium' },
  // pulumi
  { command: 'pulumi destroy', rule: 'iac.pulumi-destroy', decision: 'confirm', risk: 'high' },
  { command: 'pulumi destroy --yes', rule: 'iac.pulumi-destroy', decision: 'deny', risk: 'critical' },
  { command: 'pulumi down -y -s dev', rule: 'iac.pulumi-destroy', decision: 'deny', risk: 'critical' },
  { command: 'pulumi destroy', env: { PULUMI_SKIP_CONFIRMATIONS: 'true' }, rule: 'iac.pulumi-destroy', decision: 'deny', risk: 'critical' },
  { command: 'pulumi up --yes', rule: 'iac.pulumi-up-auto-approve', decision: 'deny', risk: 'high' },
  { command: 'pulumi --cwd infra up -y --stack dev', rule: 'iac.pulumi-up-auto-approve', decision: 'deny', risk: 'high' },
  { command: 'pulumi stack rm dev', rule: 'iac.pulumi-stack-remove', decision: 'confirm', risk: 'medium' },
  { command: 'pulumi stack rm dev --force', rule: 'iac.pulumi-stack-remove', decision: 'confirm', risk: 'high' },
  { command: 'pulumi state delete urn:pulumi:dev::app::aws:s3/bucket:Bucket::logs', rule: 'iac.pulumi-state-delete', decision: 'confirm', risk: 'medium' },
  // AWS stacks
  { command: 'cdk destroy ApiStack', rule: 'iac.cdk-destroy', decision: 'confirm', risk: 'high' },
  { command: 'cdk destroy --all --force', rule: 'iac.cdk-destroy', decision: 'deny', risk: 'critical' },
  { command: 'npx cdk destroy --all', rule: 'iac.cdk-destroy', decision: 'confirm', risk: 'high' },
  { command: 'aws cloudformation delete-stack --stack-name api-dev', rule: 'iac.cloudformation-delete-stack', decision: 'confirm', risk: 'high' },
  { command: 'aws --region eu-west-1 cloudformation delete-stack --stack-name web', rule: 'iac.cloudformation-delete-stack', decision: 'confirm', risk: 'high' },
  { command: 'sam delete --stack-name api-dev', rule: 'iac.sam-delete', decision: 'confirm', risk: 'high' },
  { command: 'sam delete --stack-name api-dev --no-prompts', rule: 'iac.sam-delete', decision: 'deny', risk: 'critical' },
  { command: 'serverless remove --stage dev', rule: 'iac.serverless-remove', decision: 'confirm', risk: 'high' },
  { command: 'sls remove', rule: 'iac.serverless-remove', decision: 'confirm', risk: 'high' },
];

const silent: readonly string[] = [
  'terraform init',
  'terraform init -upgrade',
  'terraform plan',
  'terraform plan -out=tfplan',
  'terraform plan -destroy',
  'terraform -chdir=infra plan -var-file=dev.tfvars',
  'terraform validate',
  'terraform fmt -recursive',
  'terraform fmt -check',
  'terraform show',
  'terraform show -json tfplan',
  'terraform output',
  'terraform output -json',
  'terraform state list',
  'terraform state show aws_s3_bucket.logs',
  'terraform workspace list',
  'terraform workspace select dev',
  'terraform providers',
  'terraform apply',
  'terraform apply -destroy=false',
  'terraform apply -auto-approve=false',
  'terraform apply -refresh-only -auto-approve',
  'terraform destroy -help',
  'tofu plan',
  'terragrunt plan',
  'terragrunt run-all plan',
  'terragrunt run-all validate --terragrunt-non-interactive',
  'pulumi preview',
  'pulumi up',
  'pulumi destroy --preview-only',
  'pulumi stack ls',
  'pulumi stack output',
  'pulumi config set aws:region eu-west-1',
  'cdk synth',
  'cdk diff',
  'cdk deploy ApiStack',
  'aws cloudformation describe-stacks --stack-name api-dev',
  'aws cloudformation validate-template --template-body file://t.yaml',
  'sam build',
  'sam validate',
  'serverless deploy --stage dev',
  'sls info',
  'git commit -m "terraform destroy -auto-approve"',
];

describe('iac pack', () => {
  describe('flags destroying and unreviewed applies with the expected decision and risk', () => {
    itFlagsOnce(guard, 'iac.', flagged, OPTS);
  });

  describe('stays silent on planning, formatting and reading', () => {
    itStaysSilent(guard, silent, OPTS);
  });

  it('suggests the safer path in the destroy message', () => {
    const v = guard.checkCommand('terraform destroy -auto-approve', OPTS);
    assert.ok(v.reasons[0]!.message.includes('terraform plan -destroy'), v.reasons[0]!.message);
  });

});

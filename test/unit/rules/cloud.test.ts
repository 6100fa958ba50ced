import { strict as assert } from 'node:assert';
import { guardWith, itFlagsOnce, itStaysSilent, type PackCase } from './packGuard';
import { cloudPack } from '../../../src/core/rules/packs/cloud';

const guard = guardWith([cloudPack]);
const OPTS = { cwd: '/work/ws', root: '/work/ws' };


// Profiles, projects and names avoid "prod": the production matcher raises risk by one level on its own.
const flagged: readonly PackCase[] = [
  // AWS
  { command: 'aws s3 rm s3://acme-uploads --recursive', rule: 'cloud.aws-s3-recursive-delete', decision: 'confirm', risk: 'high' },
  { command: 'aws --profile dev s3 rm --recursive s3://acme-logs/2024/', rule: 'cloud.aws-s3-recursive-delete', decision: 'confirm', risk: 'high' },
  { command: 'aws s3 rb s3://acme-backups --force', rule: 'cloud.aws-s3-remove-bucket', decision: 'confirm', risk: 'high' },
  { command: 'aws s3 rb s3://empty-bucket', rule: 'cloud.aws-s3-remove-bucket', decision: 'confirm', risk: 'low' },
  { command: 'aws s3 sync dist/ s3://www.example.com --delete', rule: 'cloud.aws-s3-sync-delete', decision: 'confirm', risk: 'medium' },
  { command: 'aws s3api delete-bucket --bucket acme-data', rule: 'cloud.aws-delete-data-store', decision: 'confirm', risk: 'high' },
  { command: 'aws rds delete-db-instance --db-instance-identifier orders-db', rule: 'cloud.aws-delete-data-store', decision: 'confirm', risk: 'high' },
  { command: 'aws rds delete-db-instance --db-instance-identifier orders-db --skip-final-snapshot', rule: 'cloud.aws-delete-data-store', decision: 'confirm', risk: 'critical', target: 'orders-db' },
  { command: 'aws rds delete-db-cluster --db-cluster-identifier main --skip-final-snapshot', rule: 'cloud.aws-delete-data-store', decision: 'confirm', risk: 'critical', target: 'main' },
  { command: 'aws dynamodb delete-table --table-name Orders', rule: 'cloud.aws-delete-data-store', decision: 'confirm', risk: 'high' },
  { command: 'aws ec2 terminate-instances --instance-ids i-0abc123def4567890', rule: 'cloud.aws-delete-infrastructure', decision: 'confirm', risk: 'high' },
  { command: 'aws lambda delete-function --function-name api-handler', rule: 'cloud.aws-delete-infrastructure', decision: 'confirm', risk: 'high' },
  { command: 'aws ecr delete-repository --repository-name api --force', rule: 'cloud.aws-delete-infrastructure', decision: 'confirm', risk: 'high' },
  { command: 'aws route53 delete-hosted-zone --id Z0123456789', rule: 'cloud.aws-delete-infrastructure', decision: 'confirm', risk: 'high' },
  { command: 'aws eks delete-cluster --name main', rule: 'cloud.aws-delete-infrastructure', decision: 'confirm', risk: 'high' },
  { command: 'aws organizations close-account --account-id 123456789012', rule: 'cloud.aws-delete-infrastructure', decision: 'confirm', risk: 'critical' },
  { command: 'aws iam delete-role --role-name ci-deployer', rule: 'cloud.aws-iam-delete', decision: 'confirm', risk: 'high' },
  { command: 'aws kms schedule-key-deletion --key-id 1234abcd --pending-window-in-days 7', rule: 'cloud.aws-kms-key-deletion', decision: 'confirm', risk: 'high' },
  { command: 'aws secretsmanager delete-secret --secret-id app/db --force-delete-without-recovery', rule: 'cloud.aws-secret-force-delete', decision: 'confirm', risk: 'high' },
  { command: 'aws secretsmanager delete-secret --secret-id app/db', rule: 'cloud.aws-delete-resource', decision: 'confirm', risk: 'medium' },
  { command: 'aws ec2 delete-security-group --group-id sg-0123', rule: 'cloud.aws-delete-resource', decision: 'confirm', risk: 'medium' },
  { command: 'sudo aws --region us-east-1 logs delete-log-group --log-group-name /aws/lambda/api', rule: 'cloud.aws-delete-resource', decision: 'confirm', risk: 'medium' },
  // Google Cloud
  { command: 'gcloud projects delete acme-sandbox', rule: 'cloud.gcloud-project-delete', decision: 'deny', risk: 'critical' },
  { command: 'gcloud --quiet projects delete acme-sandbox', rule: 'cloud.gcloud-project-delete', decision: 'deny', risk: 'critical' },
  { command: 'gcloud compute instances delete web-1 --zone us-central1-a --quiet', rule: 'cloud.gcloud-delete', decision: 'confirm', risk: 'high' },
  { command: 'gcloud sql instances delete orders-sql', rule: 'cloud.gcloud-delete', decision: 'confirm', risk: 'high' },
  { command: 'gcloud --project acme-dev container clusters delete main --region europe-west1', rule: 'cloud.gcloud-delete', decision: 'confirm', risk: 'high' },
  { command: 'gcloud run services delete api --region us-east1', rule: 'cloud.gcloud-delete', decision: 'confirm', risk: 'medium' },
  { command: 'gcloud compute firewall-rules delete allow-ssh', rule: 'cloud.gcloud-delete', decision: 'confirm', risk: 'medium' },
  { command: 'gsutil rm -r gs://acme-uploads', rule: 'cloud.gcs-recursive-delete', decision: 'confirm', risk: 'high' },
  { command: 'gsutil -m rm -r gs://acme-assets', rule: 'cloud.gcs-recursive-delete', decision: 'confirm', risk: 'high' },
  { command: 'gcloud storage rm -r gs://acme-uploads', rule: 'cloud.gcs-recursive-delete', decision: 'confirm', risk: 'high' },
  { command: 'gcloud storage rm --recursive gs://acme-tmp/cache', rule: 'cloud.gcs-recursive-delete', decision: 'confirm', risk: 'high' },
  { command: 'gsutil rb gs://acme-old', rule: 'cloud.gcs-bucket-delete', decision: 'confirm', risk: 'high' },
  { command: 'gsutil rsync -d -r dist gs://www.example.com', rule: 'cloud.gcs-sync-delete', decision: 'confirm', risk: 'medium' },
  // Azure
  { command: 'az group delete --name rg-app --yes', rule: 'cloud.azure-group-delete', decision: 'deny', risk: 'critical' },
  { command: 'az group delete -n rg-dev', rule: 'cloud.azure-group-delete', decision: 'deny', risk: 'critical' },
  { command: 'az vm delete -g rg-app -n web-1 --yes', rule: 'cloud.azure-delete', decision: 'confirm', risk: 'high' },
  { command: 'az storage account delete -n acmedata -g rg-app', rule: 'cloud.azure-delete', decision: 'confirm', risk: 'high' },
  { command: 'az storage blob delete-batch --source uploads --account-name acmedata', rule: 'cloud.azure-delete', decision: 'confirm', risk: 'high' },
  { command: 'az storage blob delete --container-name c --name report.csv --account-name acme', rule: 'cloud.azure-delete', decision: 'confirm', risk: 'medium' },
  { command: 'az keyvault purge --name acme-kv', rule: 'cloud.azure-delete', decision: 'confirm', risk: 'high' },
  { command: 'az webapp delete --name acme-api --resource-group rg-web', rule: 'cloud.azure-delete', decision: 'confirm', risk: 'medium' },
  { command: 'az deployment group create -g rg-app --template-file main.bicep --mode Complete', rule: 'cloud.azure-complete-mode-deployment', decision: 'confirm', risk: 'high' },
  // smaller providers
  { command: 'doctl compute droplet delete web-1 --force', rule: 'cloud.provider-delete', decision: 'confirm', risk: 'high' },
  { command: 'hcloud server delete web-1', rule: 'cloud.provider-delete', decision: 'confirm', risk: 'high' },
  { command: 'fly apps destroy acme-api --yes', rule: 'cloud.provider-delete', decision: 'confirm', risk: 'high' },
  { command: 'heroku pg:reset DATABASE_URL -a acme', rule: 'cloud.provider-delete', decision: 'confirm', risk: 'high' },
];

const silent: readonly string[] = [
  'aws s3 ls',
  'aws s3 ls s3://acme-uploads --recursive',
  'aws s3 cp dist/index.html s3://www.example.com/',
  'aws s3 sync dist/ s3://www.example.com',
  'aws s3 rm s3://acme-uploads --recursive --dryrun',
  'aws sts get-caller-identity',
  'aws ec2 describe-instances --filters Name=tag:env,Values=dev',
  'aws ec2 terminate-instances --instance-ids i-0123 --dry-run',
  'aws rds describe-db-instances',
  'aws dynamodb scan --table-name Orders --max-items 5',
  'aws lambda invoke --function-name api-handler out.json',
  'aws logs tail /aws/lambda/api --follow',
  'aws sqs delete-message --queue-url https://sqs.us-east-1.amazonaws.com/1/q --receipt-handle abc',
  'aws ec2 delete-tags --resources i-0123 --tags Key=tmp',
  'aws configure list',
  'aws --endpoint-url http://localhost:4566 s3 rb s3://test-bucket --force',
  'aws dynamodb delete-table --table-name Orders --endpoint-url http://127.0.0.1:8000',
  'AWS_ENDPOINT_URL=http://localstack:4566 aws s3 rm s3://test --recursive',
  'az storage container delete -n uploads --connection-string UseDevelopmentStorage=true',
  'aws --profile dev eks update-kubeconfig --name main',
  'gcloud config list',
  'gcloud config set project acme-dev',
  'gcloud config configurations delete old-profile',
  'gcloud auth login',
  'gcloud compute instances list',
  'gcloud projects list',
  'gcloud projects describe acme-dev',
  'gcloud sql instances describe orders-sql',
  'gcloud logging read "severity>=ERROR" --limit 20',
  'gcloud storage ls -r gs://acme-uploads',
  'gcloud storage rm gs://acme-uploads/one.txt',
  'gsutil ls gs://acme-uploads',
  'gsutil cp -r dist gs://www.example.com',
  'gsutil rm gs://acme-uploads/one.txt',
  'gsutil rsync -r dist gs://www.example.com',
  'az account show',
  'az account list -o table',
  'az group list',
  'az vm list -g rg-app',
  'az storage blob list --container-name c --account-name acme',
  'az deployment group create -g rg-app --template-file main.bicep',
  'az deployment group what-if -g rg-app --template-file main.bicep --mode Complete',
  'doctl compute droplet list',
  'hcloud server list',
  'fly deploy',
  'heroku logs --tail -a acme',
];

describe('cloud pack', () => {
  describe('flags deletions of cloud resources with the expected decision and risk', () => {
    itFlagsOnce(guard, 'cloud.', flagged, OPTS);
  });

  describe('stays silent on listing, describing, copying and local configuration', () => {
    itStaysSilent(guard, silent, OPTS);
  });

  it('asks for no typed name when the database is only known at run time', () => {
    const v = guard.checkCommand('aws rds delete-db-instance --db-instance-identifier "$DB" --skip-final-snapshot', OPTS);
    assert.equal(v.risk, 'critical');
    assert.equal(v.typedConfirmation, undefined);
  });

  it('names the S3 path it would empty', () => {
    const v = guard.checkCommand('aws s3 rm s3://acme-uploads/tmp --recursive', OPTS);
    assert.ok(v.reasons[0]!.message.includes('s3://acme-uploads/tmp'), v.reasons[0]!.message);
  });

});

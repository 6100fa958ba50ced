/** Production detection, per CLI: flags, environment variables, directories, database URLs; defaults and team lists. */
import { strict as assert } from 'node:assert';
import { productionMatcher, parseDatabaseUrl, DEFAULT_PRODUCTION } from '../../../src/core/policy/production';
import type { ProductionLists } from '../../../src/core/policy/production';
import { invocation, WS, HOME } from './invocations';

interface Case {
  readonly command: string;
  readonly env?: Record<string, string>;
  readonly cwd?: string;
  /** Team lists; kinds left out keep the default `*prod*`. */
  readonly lists?: Partial<ProductionLists>;
  /** The name a person must type, or undefined for "not production". */
  readonly target: string | undefined;
}

const cases: readonly Case[] = [
  // Kubernetes
  { command: 'kubectl --context prod-eu delete deployment api', target: 'prod-eu' },
  { command: 'kubectl --context=prod-eu delete deployment api', target: 'prod-eu' },
  { command: 'kubectl delete deployment api --context prod-eu', target: 'prod-eu' },
  { command: 'kubectl --context dev-eu delete deployment api', target: undefined },
  { command: 'kubectl delete deployment api', target: undefined },
  { command: 'oc --context production delete project shop', target: 'production' },
  { command: 'helm --kube-context prod-us uninstall shop', target: 'prod-us' },
  { command: 'helm uninstall shop', env: { HELM_KUBECONTEXT: 'prod-us' }, target: 'prod-us' },
  { command: 'helm uninstall shop --context prod-us', target: undefined }, // helm has no --context
  { command: 'kubectl config use-context prod-eu', target: 'prod-eu' },
  { command: 'kubectx prod-eu', target: 'prod-eu' },
  { command: 'kubectl --kubeconfig ~/.kube/prod.yaml delete ns shop', target: 'prod.yaml' },
  { command: 'kubectl delete ns shop', env: { KUBECONFIG: '/home/dev/.kube/config:/home/dev/.kube/prod-eu.yaml' }, target: 'prod-eu.yaml' },
  { command: 'kubectl --context arn:aws:eks:eu-west-1:123456789012:cluster/prod-main delete ns shop', target: 'arn:aws:eks:eu-west-1:123456789012:cluster/prod-main' },
  { command: 'kubectl --context live-eu delete deployment api', lists: { kubeContexts: ['live-*'] }, target: 'live-eu' },
  { command: 'kubectl --context prod-eu delete deployment api', lists: { kubeContexts: ['live-*'] }, target: undefined },
  { command: 'kubectl --context PROD-EU delete deployment api', target: 'PROD-EU' }, // names compare case-insensitively
  // AWS
  { command: 'aws --profile prod s3 rm s3://bucket --recursive', target: 'prod' },
  { command: 'aws s3 rm s3://bucket --recursive --profile=prod-admin', target: 'prod-admin' },
  { command: 'aws s3 rm s3://bucket --recursive', env: { AWS_PROFILE: 'prod' }, target: 'prod' },
  { command: 'aws s3 rm s3://bucket --recursive', env: { AWS_DEFAULT_PROFILE: 'production' }, target: 'production' },
  { command: 'AWS_PROFILE=prod aws s3 rm s3://bucket --recursive', target: 'prod' },
  { command: 'aws --profile dev s3 rm s3://bucket --recursive', env: { AWS_PROFILE: 'prod' }, target: undefined }, // the flag wins
  { command: 'cdk destroy --profile prod', target: 'prod' },
  { command: 'terraform apply', env: { AWS_PROFILE: 'prod' }, target: 'prod' },
  { command: 'aws-vault exec prod -- aws s3 ls', target: 'prod' },
  { command: 'rm -rf build', env: { AWS_PROFILE: 'prod' }, target: undefined }, // local tools do not use the cloud profile
  { command: 'git push --force', env: { AWS_PROFILE: 'prod' }, target: undefined },
  { command: 'aws --profile corp-admin iam delete-role --role-name x', lists: { awsProfiles: ['corp-admin'] }, target: 'corp-admin' },
  // Terraform / OpenTofu / Pulumi
  { command: 'terraform destroy', env: { TF_WORKSPACE: 'prod' }, target: 'prod' },
  { command: 'TF_WORKSPACE=prod terraform destroy', target: 'prod' },
  { command: 'terraform workspace select prod', target: 'prod' },
  { command: 'tofu workspace delete production', target: 'production' },
  { command: 'terraform workspace select staging', target: undefined },
  { command: 'terraform apply -var-file=prod.tfvars', target: 'prod.tfvars' },
  { command: 'terraform apply -var-file envs/production.tfvars', target: 'envs/production.tfvars' },
  { command: 'terraform apply -var-file=staging.tfvars', target: undefined },
  { command: 'terraform -chdir=infra/prod apply', target: 'infra/prod' },
  { command: 'terraform -chdir=infra/staging apply', target: undefined },
  { command: 'terraform apply', cwd: `${WS}/infra/prod/eu`, target: 'infra/prod' },
  { command: 'cd infra/prod && terraform apply', target: 'infra/prod' },
  { command: 'terraform apply', cwd: `${WS}/infra/live`, lists: { paths: ['infra/live'] }, target: 'infra/live' },
  { command: 'terraform apply', cwd: `${WS}/infra/prod`, lists: { paths: ['infra/live'] }, target: undefined },
  { command: 'pulumi destroy --stack prod', target: 'prod' },
  { command: 'pulumi stack select acme/prod-eu', target: 'acme/prod-eu' },
  { command: 'make -C deploy/prod apply', target: 'deploy/prod' },
  // Google Cloud
  { command: 'gcloud --project acme-prod compute instances delete vm-1', target: 'acme-prod' },
  { command: 'gcloud compute instances delete vm-1 --project=acme-prod', target: 'acme-prod' },
  { command: 'gcloud compute instances delete vm-1', env: { CLOUDSDK_CORE_PROJECT: 'acme-prod' }, target: 'acme-prod' },
  { command: 'gcloud config set project acme-prod', target: 'acme-prod' },
  { command: 'bq rm -f --project_id acme-prod dataset.table', target: 'acme-prod' },
  { command: 'gcloud --project acme-dev compute instances delete vm-1', target: undefined },
  // Azure
  { command: 'az group delete --name shop --subscription Production', target: 'Production' },
  { command: 'az account set -s prod-subscription', target: 'prod-subscription' },
  { command: 'terraform destroy', env: { ARM_SUBSCRIPTION_ID: 'prod-0000' }, target: 'prod-0000' },
  { command: 'az group delete --name shop --subscription 1111-2222', lists: { azureSubscriptions: ['1111-*'] }, target: '1111-2222' },
  // Databases (passwords never part of the target)
  { command: 'psql postgres://admin:s3cret@db.prod.internal:5432/shop -c "DROP TABLE orders"', target: 'db.prod.internal/shop' },
  { command: 'psql "$DATABASE_URL" -c "DROP TABLE orders"', env: { DATABASE_URL: 'postgresql://u:p@prod-db.example.com/app' }, target: 'prod-db.example.com/app' },
  { command: 'psql -h prod-db.internal -d shop -c "DROP TABLE orders"', target: 'prod-db.internal/shop' },
  { command: 'psql -c "DROP TABLE orders"', env: { PGHOST: 'prod-db.internal', PGDATABASE: 'shop' }, target: 'prod-db.internal/shop' },
  { command: 'mysql -h mysql-prod.internal shop -e "DROP TABLE orders"', target: 'mysql-prod.internal' },
  { command: 'npx prisma migrate reset --force', env: { DATABASE_URL: 'postgres://u:p@prod.db.internal/app' }, target: 'prod.db.internal/app' },
  { command: 'psql postgres://localhost/shop -c "DROP TABLE orders"', target: undefined },
  { command: 'psql postgres://u:prodpassword@localhost/shop -c "DROP TABLE x"', target: undefined }, // the password is not a name
  { command: 'migrate -database postgres://db-main.internal/app down', lists: { databaseUrls: ['*db-main*'] }, target: 'db-main.internal/app' },
  // Paths
  { command: 'rm -rf infra/prod', target: 'infra/prod' },
  { command: 'rm -rf src/products', target: undefined }, // "products" merely contains "prod"
  { command: 'rm -rf deploy/eu-prod/state', target: 'deploy/eu-prod' },
  { command: 'cp build.zip /srv/production/app/', target: '/srv/production' },
  { command: 'ls', target: undefined },
];

describe('production matcher', () => {
  for (const c of cases) {
    const label = `${c.command}${c.env ? ' ' + JSON.stringify(c.env) : ''}${c.cwd ? ' in ' + c.cwd : ''}${c.lists ? ' with ' + JSON.stringify(c.lists) : ''} → ${c.target ?? 'not production'}`;
    it(label, () => {
      const matcher = productionMatcher(c.lists ?? {}, { root: WS, home: HOME });
      const opts = { ...(c.cwd === undefined ? {} : { cwd: c.cwd }), ...(c.env === undefined ? {} : { env: c.env }) };
      assert.equal(matcher.target(invocation(c.command, opts)), c.target);
    });
  }

  it('takes the workspace root from the caller when given', () => {
    const matcher = productionMatcher({ paths: ['infra/live'] });
    const inv = invocation('terraform apply', { cwd: `${WS}/infra/live` });
    assert.equal(matcher.target(inv), undefined, 'no root: a root-relative glob cannot be placed');
    assert.equal(matcher.target(inv, WS), 'infra/live');
  });

  it('defaults every kind to names containing prod', () => {
    for (const [key, list] of Object.entries(DEFAULT_PRODUCTION)) if (key !== 'paths') assert.deepEqual(list, ['*prod*']);
  });

  it('parses database URLs without keeping credentials', () => {
    assert.deepEqual(parseDatabaseUrl('postgres://user:pa%40ss@db.example.com:5432/app?sslmode=require'), { scheme: 'postgres', host: 'db.example.com', port: '5432', database: 'app' });
    assert.deepEqual(parseDatabaseUrl('jdbc:mysql://db:3306/shop'), { scheme: 'mysql', host: 'db', port: '3306', database: 'shop' });
    assert.equal(parseDatabaseUrl('https://example.com/prod'), undefined);
    assert.equal(parseDatabaseUrl('prod'), undefined);
  });
});

/**
 * Cloud CLIs (aws, gcloud, gsutil, az, and a few smaller providers): commands that delete cloud resources and
 * the data in them. Reading (`list`, `describe`, `get-*`, `ls`) stays silent.
 */
import type { Invocation } from '../../invocation';
import type { CommandRule, RulePack } from '../rule';
import { hasFlag, hasLong, hasShort, leadingPositionals, optionValue, subcommand } from '../args';

// ---------------------------------------------------------------------------------------------------------
// AWS

const AWS = ['aws'];

/** Global options of the AWS CLI that take the next word as their value (they may come before the service). */
export const AWS_GLOBAL_VALUE_OPTS = [
  '--profile', '--region', '--output', '--endpoint-url', '--query', '--color', '--ca-bundle',
  '--cli-read-timeout', '--cli-connect-timeout', '--cli-binary-format', '--cli-auto-prompt',
];

interface AwsOperation {
  readonly service: string;
  readonly operation: string;
}

/** A dozen rules ask for the same operation: find it once per invocation (weakly keyed, unobservable). */
const awsCache = new WeakMap<Invocation, AwsOperation | null>();

/** Hosts of local emulators (LocalStack, DynamoDB Local, Azurite): deleting there touches nothing real. */
const LOCAL_HOSTS = ['localhost', '127.0.0.1', '0.0.0.0', '[::1]', 'localstack', 'host.docker.internal'];

function isLocalUrl(url: string | undefined): boolean {
  if (url === undefined || url === '') return false;
  for (const h of LOCAL_HOSTS) if (url.includes(h)) return true;
  return false;
}

/** `--endpoint-url http://localhost:4566` or `AWS_ENDPOINT_URL`: the command talks to an emulator. */
function awsTalksToEmulator(inv: Invocation): boolean {
  return isLocalUrl(optionValue(inv.args, ['--endpoint-url'])) || isLocalUrl(inv.env['AWS_ENDPOINT_URL']);
}

/**
 * `aws [globals] <service> <operation> …` → service and operation, e.g. `rds` + `delete-db-instance`.
 * Undefined for calls to a local emulator, so no AWS rule speaks about them.
 */
export function awsOperation(inv: Invocation): AwsOperation | undefined {
  let op = awsCache.get(inv);
  if (op === undefined) {
    const path = leadingPositionals(inv.args, AWS_GLOBAL_VALUE_OPTS, 2);
    const service = path[0];
    const operation = path[1];
    op = service === undefined || operation === undefined || awsTalksToEmulator(inv) ? null : { service, operation };
    awsCache.set(inv, op);
  }
  return op ?? undefined;
}

/** `aws s3 rm s3://bucket/prefix …` → the first `s3://` argument, for messages. */
function s3Url(inv: Invocation): string | undefined {
  for (const a of inv.args) if (a.startsWith('s3://')) return a;
  return undefined;
}

const awsS3RecursiveDelete: CommandRule = {
  id: 'cloud.aws-s3-recursive-delete',
  programs: AWS,
  decision: 'confirm',
  risk: 'high',
  message: 'This deletes every object under the S3 path; without versioning they cannot be recovered. Run it with `--dryrun` first to see what would go.',
  match(inv) {
    const op = awsOperation(inv);
    if (op === undefined || op.service !== 's3' || op.operation !== 'rm') return false;
    if (!hasLong(inv.args, 'recursive') || hasLong(inv.args, 'dryrun')) return false;
    const url = s3Url(inv);
    return url === undefined ? true : { message: `This deletes every object under ${url}; without versioning they cannot be recovered. Run it with \`--dryrun\` first to see what would go.` };
  },
  examples: {
    match: [
      'aws s3 rm s3://acme-prod-uploads --recursive',
      'aws s3 rm --recursive s3://logs/2024/',
      'aws --profile prod s3 rm s3://acme-assets/ --recursive --exclude "*.keep"',
      'aws s3 rm s3://bucket/tmp --recursive --region eu-west-1',
    ],
    notMatch: ['aws s3 rm s3://bucket/file.txt', 'aws s3 rm s3://bucket/tmp --recursive --dryrun', 'aws s3 ls s3://bucket --recursive', 'aws s3 cp dist/ s3://site --recursive'],
  },
};

const awsS3RemoveBucket: CommandRule = {
  id: 'cloud.aws-s3-remove-bucket',
  programs: AWS,
  decision: 'confirm',
  risk: 'high',
  message: '`aws s3 rb --force` deletes every object in the bucket and then the bucket itself. Empty it deliberately first, or let a person do it.',
  match(inv) {
    const op = awsOperation(inv);
    if (op === undefined || op.service !== 's3' || op.operation !== 'rb') return false;
    if (hasLong(inv.args, 'force')) return true;
    return { risk: 'low', message: '`aws s3 rb` deletes the (empty) bucket; its name may be taken by someone else afterwards.' };
  },
  examples: {
    match: ['aws s3 rb s3://acme-prod-backups --force', 'aws s3 rb --force s3://tmp-bucket', 'aws s3 rb s3://empty-bucket'],
    notMatch: ['aws s3 mb s3://new-bucket', 'aws s3 ls', 'aws s3api list-buckets'],
  },
};

const awsS3SyncDelete: CommandRule = {
  id: 'cloud.aws-s3-sync-delete',
  programs: AWS,
  decision: 'confirm',
  risk: 'medium',
  message: '`aws s3 sync --delete` removes every file at the destination that is missing from the source. Run it with `--dryrun` first.',
  match(inv) {
    const op = awsOperation(inv);
    return op !== undefined && op.service === 's3' && op.operation === 'sync' && hasLong(inv.args, 'delete') && !hasLong(inv.args, 'dryrun');
  },
  examples: {
    match: ['aws s3 sync dist/ s3://www.example.com --delete', 'aws s3 sync --delete s3://backups/ ./restore'],
    notMatch: ['aws s3 sync dist/ s3://www.example.com', 'aws s3 sync dist/ s3://site --delete --dryrun'],
  },
};

/** Operations that delete a database, table, bucket, file system or other store together with its data. */
const AWS_DATA_STORE_DELETES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['rds', new Set(['delete-db-instance', 'delete-db-cluster', 'delete-global-cluster', 'delete-db-snapshot', 'delete-db-cluster-snapshot'])],
  ['docdb', new Set(['delete-db-instance', 'delete-db-cluster'])],
  ['neptune', new Set(['delete-db-instance', 'delete-db-cluster'])],
  ['dynamodb', new Set(['delete-table', 'delete-backup'])],
  ['redshift', new Set(['delete-cluster'])],
  ['redshift-serverless', new Set(['delete-namespace', 'delete-workgroup'])],
  ['elasticache', new Set(['delete-cache-cluster', 'delete-replication-group', 'delete-serverless-cache'])],
  ['memorydb', new Set(['delete-cluster'])],
  ['opensearch', new Set(['delete-domain'])],
  ['es', new Set(['delete-elasticsearch-domain'])],
  ['efs', new Set(['delete-file-system'])],
  ['fsx', new Set(['delete-file-system'])],
  ['ec2', new Set(['delete-volume', 'delete-snapshot'])],
  ['s3api', new Set(['delete-bucket', 'delete-objects'])],
  ['backup', new Set(['delete-backup-vault', 'delete-recovery-point'])],
  ['glacier', new Set(['delete-vault'])],
  ['timestream-write', new Set(['delete-database', 'delete-table'])],
  ['keyspaces', new Set(['delete-keyspace', 'delete-table'])],
  ['kinesis', new Set(['delete-stream'])],
  ['cognito-idp', new Set(['delete-user-pool'])],
  ['lightsail', new Set(['delete-relational-database', 'delete-disk'])],
]);

/** Flags that make a database deletion leave no snapshot behind. */
function skipsFinalSnapshot(args: readonly string[]): boolean {
  return hasLong(args, 'skip-final-snapshot') || hasLong(args, 'skip-final-cluster-snapshot') || hasLong(args, 'delete-automated-backups');
}

const awsDeleteDataStore: CommandRule = {
  id: 'cloud.aws-delete-data-store',
  programs: AWS,
  decision: 'confirm',
  risk: 'high',
  message: 'This deletes a database, table, bucket or volume together with the data in it. Take a snapshot or backup first and let a person run it.',
  match(inv) {
    const op = awsOperation(inv);
    if (op === undefined || AWS_DATA_STORE_DELETES.get(op.service)?.has(op.operation) !== true) return false;
    if (hasLong(inv.args, 'dry-run')) return false;
    const what = `\`aws ${op.service} ${op.operation}\``;
    if (skipsFinalSnapshot(inv.args)) {
      const name = optionValue(inv.args, ['--db-instance-identifier', '--db-cluster-identifier', '--cluster-identifier']);
      return {
        risk: 'critical',
        message: `${what} without a final snapshot destroys the database and every backup of it for good. Drop \`--skip-final-snapshot\` so a snapshot is kept, and let a person run it.`,
        ...(name !== undefined && name !== '' ? { target: name } : {}),
      };
    }
    return { message: `${what} deletes the resource together with the data in it. Take a snapshot or backup first and let a person run it.` };
  },
  examples: {
    match: [
      'aws rds delete-db-instance --db-instance-identifier orders-db',
      'aws rds delete-db-instance --db-instance-identifier orders-db --skip-final-snapshot',
      'aws --region us-east-1 rds delete-db-cluster --db-cluster-identifier main --skip-final-snapshot',
      'aws dynamodb delete-table --table-name Sessions',
      'aws s3api delete-bucket --bucket acme-data',
      'aws efs delete-file-system --file-system-id fs-12345678',
      'aws --profile prod ec2 delete-volume --volume-id vol-0abc',
    ],
    notMatch: [
      'aws rds describe-db-instances',
      'aws dynamodb scan --table-name Sessions',
      'aws rds create-db-snapshot --db-instance-identifier orders-db --db-snapshot-identifier pre-change',
      'aws ec2 delete-volume --volume-id vol-0abc --dry-run',
      'aws s3api list-objects-v2 --bucket acme-data',
      'aws dynamodb delete-table --table-name Sessions --endpoint-url http://localhost:8000',
    ],
  },
};

/** Operations that take down compute, clusters, networks, DNS or registries. */
const AWS_INFRA_DELETES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['ec2', new Set(['terminate-instances', 'delete-vpc', 'delete-subnet', 'delete-nat-gateway', 'delete-transit-gateway'])],
  ['eks', new Set(['delete-cluster', 'delete-nodegroup', 'delete-fargate-profile'])],
  ['ecs', new Set(['delete-cluster', 'delete-service'])],
  ['lambda', new Set(['delete-function'])],
  ['ecr', new Set(['delete-repository'])],
  ['route53', new Set(['delete-hosted-zone'])],
  ['autoscaling', new Set(['delete-auto-scaling-group'])],
  ['elbv2', new Set(['delete-load-balancer'])],
  ['elb', new Set(['delete-load-balancer'])],
  ['cloudfront', new Set(['delete-distribution'])],
  ['apigateway', new Set(['delete-rest-api'])],
  ['apigatewayv2', new Set(['delete-api'])],
  ['sqs', new Set(['delete-queue'])],
  ['sns', new Set(['delete-topic'])],
  ['elasticbeanstalk', new Set(['terminate-environment', 'delete-application'])],
  ['apprunner', new Set(['delete-service'])],
  ['lightsail', new Set(['delete-instance'])],
  ['organizations', new Set(['close-account', 'delete-organization'])],
]);

const awsDeleteInfrastructure: CommandRule = {
  id: 'cloud.aws-delete-infrastructure',
  programs: AWS,
  decision: 'confirm',
  risk: 'high',
  message: 'This deletes running infrastructure (instances, clusters, functions, DNS zones, registries); what depends on it goes down. Change it through the infrastructure code and let a person review it.',
  match(inv) {
    const op = awsOperation(inv);
    if (op === undefined || AWS_INFRA_DELETES.get(op.service)?.has(op.operation) !== true) return false;
    if (hasLong(inv.args, 'dry-run')) return false;
    const what = `\`aws ${op.service} ${op.operation}\``;
    if (op.service === 'organizations') return { risk: 'critical', message: `${what} closes an AWS account or the whole organization. Leave this to an account owner.` };
    return { message: `${what} takes down running infrastructure; whatever depends on it stops working. Change it through the infrastructure code and let a person review it.` };
  },
  examples: {
    match: [
      'aws ec2 terminate-instances --instance-ids i-0123456789abcdef0',
      'aws eks delete-cluster --name prod',
      'aws lambda delete-function --function-name api-handler',
      'aws ecr delete-repository --repository-name api --force',
      'aws route53 delete-hosted-zone --id Z123456',
      'aws --profile staging --region eu-west-1 ecs delete-service --cluster web --service api --force',
    ],
    notMatch: [
      'aws ec2 describe-instances',
      'aws ec2 terminate-instances --instance-ids i-0123 --dry-run',
      'aws ec2 stop-instances --instance-ids i-0123',
      'aws lambda invoke --function-name api-handler out.json',
      'aws eks update-kubeconfig --name prod',
    ],
  },
};

const awsIamDelete: CommandRule = {
  id: 'cloud.aws-iam-delete',
  programs: AWS,
  decision: 'confirm',
  risk: 'high',
  message: 'This deletes an IAM user, role, policy or key; services and people relying on it lose access at once. Let a person with the account\'s IAM responsibility do it.',
  match(inv) {
    const op = awsOperation(inv);
    return op !== undefined && op.service === 'iam' && op.operation.startsWith('delete-');
  },
  examples: {
    match: ['aws iam delete-role --role-name ci-deployer', 'aws iam delete-user --user-name alice', 'aws iam delete-access-key --access-key-id AKIAEXAMPLE --user-name bot'],
    notMatch: ['aws iam list-roles', 'aws iam get-role --role-name ci-deployer', 'aws iam create-access-key --user-name bot'],
  },
};

const awsKmsKeyDeletion: CommandRule = {
  id: 'cloud.aws-kms-key-deletion',
  programs: AWS,
  decision: 'confirm',
  risk: 'high',
  message: 'Once a KMS key is deleted, everything encrypted with it can never be decrypted again. Disable the key instead (`aws kms disable-key`) and let a person decide.',
  match(inv) {
    const op = awsOperation(inv);
    return op !== undefined && op.service === 'kms' && (op.operation === 'schedule-key-deletion' || op.operation === 'delete-imported-key-material');
  },
  examples: {
    match: ['aws kms schedule-key-deletion --key-id 1234abcd --pending-window-in-days 7', 'aws --region us-west-2 kms schedule-key-deletion --key-id alias/app'],
    notMatch: ['aws kms cancel-key-deletion --key-id 1234abcd', 'aws kms disable-key --key-id 1234abcd', 'aws kms list-keys'],
  },
};

const awsSecretForceDelete: CommandRule = {
  id: 'cloud.aws-secret-force-delete',
  programs: AWS,
  decision: 'confirm',
  risk: 'high',
  message: 'This deletes the secret immediately, skipping the recovery window in which it could be restored. Leave out `--force-delete-without-recovery`.',
  match(inv) {
    const op = awsOperation(inv);
    return op !== undefined && op.service === 'secretsmanager' && op.operation === 'delete-secret' && hasLong(inv.args, 'force-delete-without-recovery');
  },
  examples: {
    match: [
      'aws secretsmanager delete-secret --secret-id prod/db --force-delete-without-recovery',
      'aws --region eu-west-1 secretsmanager delete-secret --force-delete-without-recovery --secret-id app/api-key',
    ],
    notMatch: [
      'aws secretsmanager get-secret-value --secret-id prod/db',
      'aws secretsmanager restore-secret --secret-id prod/db',
      'aws secretsmanager delete-secret --secret-id app/api-key --recovery-window-in-days 30',
    ],
  },
};

/** Deletes that are routine or trivial: consuming a queue message, removing tags. */
const AWS_ROUTINE_DELETES: ReadonlySet<string> = new Set(['sqs delete-message', 'sqs delete-message-batch']);

/** Said by the stack rules of the IaC pack (CloudFormation), or by a more specific rule above. */
function awsDeleteHandledElsewhere(service: string, operation: string): boolean {
  if (service === 'cloudformation' && (operation === 'delete-stack' || operation === 'delete-stack-set' || operation === 'delete-stack-instances')) return true;
  if (service === 'iam') return true;
  return AWS_DATA_STORE_DELETES.get(service)?.has(operation) === true || AWS_INFRA_DELETES.get(service)?.has(operation) === true;
}

const awsDeleteResource: CommandRule = {
  id: 'cloud.aws-delete-resource',
  programs: AWS,
  decision: 'confirm',
  risk: 'medium',
  message: 'This deletes an AWS resource; most deletions cannot be undone. Check what depends on it and let a person confirm.',
  match(inv) {
    const op = awsOperation(inv);
    if (op === undefined) return false;
    const o = op.operation;
    if (!(o.startsWith('delete-') || o.startsWith('batch-delete-') || o.startsWith('terminate-'))) return false;
    if (o.endsWith('-tags') || o.endsWith('-tagging') || AWS_ROUTINE_DELETES.has(op.service + ' ' + o)) return false;
    if (awsDeleteHandledElsewhere(op.service, o) || hasLong(inv.args, 'dry-run')) return false;
    if (op.service === 'secretsmanager' && hasLong(inv.args, 'force-delete-without-recovery')) return false;
    return { message: `\`aws ${op.service} ${o}\` deletes an AWS resource; most deletions cannot be undone. Check what depends on it and let a person confirm.` };
  },
  examples: {
    match: [
      'aws ec2 delete-security-group --group-id sg-0123',
      'aws s3api delete-object --bucket acme --key reports/q1.csv',
      'aws secretsmanager delete-secret --secret-id staging/api-key',
      'aws logs delete-log-group --log-group-name /aws/lambda/api',
      'aws --profile prod ssm delete-parameter --name /app/db-url',
    ],
    notMatch: [
      'aws sqs delete-message --queue-url https://sqs/q --receipt-handle abc',
      'aws ec2 delete-tags --resources i-0123 --tags Key=tmp',
      'aws sts get-caller-identity',
      'aws s3 ls',
      'aws cloudformation delete-stack --stack-name api',
      'aws ec2 delete-security-group --group-id sg-0123 --dry-run',
      'aws --endpoint-url http://localhost:4566 sqs delete-queue --queue-url http://localhost:4566/000000000000/q',
    ],
  },
};

// ---------------------------------------------------------------------------------------------------------
// Google Cloud

const GCLOUD = ['gcloud'];

/** gcloud options that take the next word as their value; they may appear anywhere. */
const GCLOUD_VALUE_OPTS = [
  '--project', '--account', '--configuration', '--verbosity', '--format', '--flags-file', '--impersonate-service-account',
  '--billing-project', '--trace-token', '--zone', '--region', '--location', '--filter', '--limit', '--sort-by', '--page-size',
];

/** The command path of a gcloud call (`compute instances delete vm-1` → first words), enough to find the verb. */
function gcloudPath(inv: Invocation): string[] {
  return leadingPositionals(inv.args, GCLOUD_VALUE_OPTS, 6);
}

/** Index of `verb` among the command words (never the first: that is a group), or -1. */
function verbIndex(path: readonly string[], verb: string, within: number): number {
  for (let i = 1; i < path.length && i < within; i++) if (path[i] === verb) return i;
  return -1;
}

const gcloudProjectDelete: CommandRule = {
  id: 'cloud.gcloud-project-delete',
  programs: GCLOUD,
  decision: 'deny',
  risk: 'critical',
  message: '`gcloud projects delete` shuts down the whole project: every resource and every piece of data in it. Leave this to a project owner.',
  match(inv) {
    const path = gcloudPath(inv);
    const i = verbIndex(path, 'delete', 3);
    return i > 0 && path[i - 1] === 'projects';
  },
  examples: {
    match: ['gcloud projects delete acme-prod', 'gcloud projects delete acme-staging --quiet', 'gcloud --account ops@acme.com projects delete acme-dev', 'gcloud beta projects delete old-sandbox'],
    notMatch: ['gcloud projects list', 'gcloud projects describe acme-prod', 'gcloud config set project acme-prod'],
  },
};

/** Command groups whose deletions take data with them. */
const GCLOUD_DATA_WORDS: ReadonlySet<string> = new Set([
  'sql', 'spanner', 'bigtable', 'filestore', 'firestore', 'redis', 'alloydb', 'memcache', 'storage', 'buckets', 'disks',
  'snapshots', 'images', 'clusters', 'instances', 'databases', 'backups', 'datasets',
]);

/** Groups whose `delete` only touches local gcloud settings. */
const GCLOUD_LOCAL_GROUPS: ReadonlySet<string> = new Set(['config', 'components']);

const gcloudDelete: CommandRule = {
  id: 'cloud.gcloud-delete',
  programs: GCLOUD,
  decision: 'confirm',
  risk: 'medium',
  message: 'This deletes a Google Cloud resource; most deletions cannot be undone. Check what depends on it and let a person confirm.',
  match(inv) {
    const path = gcloudPath(inv);
    const i = verbIndex(path, 'delete', 5);
    if (i < 0 || GCLOUD_LOCAL_GROUPS.has(path[0] ?? '') || path[i - 1] === 'projects') return false;
    const what = '`gcloud ' + path.slice(0, i + 1).join(' ') + '`';
    for (let j = 0; j < i; j++) {
      if (GCLOUD_DATA_WORDS.has(path[j] ?? '')) {
        return { risk: 'high', message: `${what} deletes the resource together with its data or disks. Take a backup or snapshot first and let a person run it.` };
      }
    }
    return { message: `${what} deletes a Google Cloud resource; most deletions cannot be undone. Check what depends on it and let a person confirm.` };
  },
  examples: {
    match: [
      'gcloud compute instances delete web-1 --zone us-central1-a',
      'gcloud sql instances delete orders-db --quiet',
      'gcloud --project acme-prod container clusters delete main --region europe-west1',
      'gcloud storage buckets delete gs://acme-assets',
      'gcloud run services delete api --region us-east1',
      'gcloud pubsub topics delete events',
    ],
    notMatch: [
      'gcloud compute instances list',
      'gcloud config list',
      'gcloud config configurations delete old-profile',
      'gcloud sql instances describe orders-db',
      'gcloud projects delete acme-prod',
      'gcloud auth login',
    ],
  },
};

/** A `gs://` path whose `**` wildcard matches everything below it. */
function hasRecursiveWildcard(args: readonly string[]): boolean {
  for (const a of args) if (a.startsWith('gs://') && a.includes('**')) return true;
  return false;
}

const GSUTIL = ['gsutil'];
/** gsutil's own options that take a value (`gsutil -u project -o Boto:x=y -m rm …`). */
const GSUTIL_VALUE_OPTS = ['-u', '-o', '-h', '-i'];

const gcsRecursiveDelete: CommandRule = {
  id: 'cloud.gcs-recursive-delete',
  programs: ['gcloud', 'gsutil'],
  decision: 'confirm',
  risk: 'high',
  message: 'This deletes every object under the Cloud Storage path; without object versioning they cannot be recovered. List them first (`gcloud storage ls -r`) and let a person confirm.',
  match(inv) {
    if (inv.program === 'gsutil') {
      const sub = subcommand(inv.args, GSUTIL_VALUE_OPTS);
      if (sub === undefined || (sub.name !== 'rm' && sub.name !== 'del' && sub.name !== 'delete' && sub.name !== 'remove')) return false;
      return hasShort(sub.rest, 'r') || hasShort(sub.rest, 'R') || hasRecursiveWildcard(sub.rest);
    }
    const path = gcloudPath(inv);
    if (path[0] !== 'storage' || path[1] !== 'rm') return false;
    return hasFlag(inv.args, 'r', 'recursive') || hasShort(inv.args, 'R') || hasRecursiveWildcard(inv.args);
  },
  examples: {
    match: ['gsutil rm -r gs://acme-uploads', 'gsutil -m rm -r gs://acme-logs/2024', 'gsutil rm gs://bucket/**', 'gcloud storage rm -r gs://acme-uploads', 'gcloud storage rm --recursive gs://tmp/x', 'gcloud storage rm "gs://b/cache/**"'],
    notMatch: ['gsutil rm gs://bucket/file.txt', 'gsutil ls -r gs://bucket', 'gcloud storage rm gs://bucket/one.txt', 'gcloud storage ls -r gs://bucket', 'gsutil cp -r dist gs://site'],
  },
};

const gcsBucketDelete: CommandRule = {
  id: 'cloud.gcs-bucket-delete',
  programs: GSUTIL,
  decision: 'confirm',
  risk: 'high',
  message: '`gsutil rb` deletes the bucket; its name may be taken by someone else afterwards. Let a person confirm.',
  match(inv) {
    const sub = subcommand(inv.args, GSUTIL_VALUE_OPTS);
    return sub !== undefined && sub.name === 'rb';
  },
  examples: {
    match: ['gsutil rb gs://acme-old', 'gsutil -m rb -f gs://tmp-bucket'],
    notMatch: ['gsutil mb gs://new-bucket', 'gsutil ls'],
  },
};

const gcsSyncDelete: CommandRule = {
  id: 'cloud.gcs-sync-delete',
  programs: ['gcloud', 'gsutil'],
  decision: 'confirm',
  risk: 'medium',
  message: 'This sync deletes every file at the destination that is missing from the source. Run it with `-n` (dry run) first.',
  match(inv) {
    if (inv.program === 'gsutil') {
      const sub = subcommand(inv.args, GSUTIL_VALUE_OPTS);
      return sub !== undefined && sub.name === 'rsync' && hasShort(sub.rest, 'd') && !hasShort(sub.rest, 'n');
    }
    const path = gcloudPath(inv);
    return path[0] === 'storage' && path[1] === 'rsync' && hasLong(inv.args, 'delete-unmatched-destination-objects') && !hasLong(inv.args, 'dry-run');
  },
  examples: {
    match: ['gsutil rsync -d -r dist gs://www.example.com', 'gsutil -m rsync -rd ./site gs://site', 'gcloud storage rsync dist gs://site --recursive --delete-unmatched-destination-objects'],
    notMatch: ['gsutil rsync -r dist gs://site', 'gsutil rsync -n -d -r dist gs://site', 'gcloud storage rsync dist gs://site --recursive'],
  },
};

// ---------------------------------------------------------------------------------------------------------
// Azure

const AZ = ['az'];
/** az options that take a value; they may appear anywhere. */
const AZ_VALUE_OPTS = ['--subscription', '-o', '--output', '--query', '-g', '--resource-group', '-n', '--name', '-l', '--location'];

function azPath(inv: Invocation): string[] {
  return leadingPositionals(inv.args, AZ_VALUE_OPTS, 6);
}

const azureGroupDelete: CommandRule = {
  id: 'cloud.azure-group-delete',
  programs: AZ,
  decision: 'deny',
  risk: 'critical',
  message: '`az group delete` deletes the resource group and every resource and all data in it. Leave this to a subscription owner.',
  match(inv) {
    const path = azPath(inv);
    return path[0] === 'group' && path[1] === 'delete';
  },
  examples: {
    match: ['az group delete --name rg-prod --yes', 'az group delete -n rg-dev', 'az --subscription acme group delete -g rg-test -y --no-wait'],
    notMatch: ['az group list', 'az group show -n rg-prod', 'az group create -n rg-new -l westeurope', 'az account show'],
  },
};

/** Groups whose deletions take data or whole clusters with them. */
const AZ_DATA_GROUPS: ReadonlySet<string> = new Set([
  'storage', 'sql', 'cosmosdb', 'postgres', 'mysql', 'mariadb', 'keyvault', 'redis', 'aks', 'vm', 'vmss', 'disk', 'snapshot',
  'backup', 'acr',
]);

/** Groups whose `delete` touches only local az settings. */
const AZ_LOCAL_GROUPS: ReadonlySet<string> = new Set(['config', 'extension', 'cache']);

/** Azurite: `--connection-string UseDevelopmentStorage=true` or one pointing at 127.0.0.1. */
function azTalksToEmulator(inv: Invocation): boolean {
  const cs = optionValue(inv.args, ['--connection-string']) ?? inv.env['AZURE_STORAGE_CONNECTION_STRING'];
  return cs !== undefined && (cs.includes('UseDevelopmentStorage=true') || isLocalUrl(cs));
}

const AZ_DELETE_VERBS: ReadonlySet<string> = new Set(['delete', 'delete-batch', 'purge']);

const azureDelete: CommandRule = {
  id: 'cloud.azure-delete',
  programs: AZ,
  decision: 'confirm',
  risk: 'medium',
  message: 'This deletes an Azure resource; most deletions cannot be undone. Check what depends on it and let a person confirm.',
  match(inv) {
    const path = azPath(inv);
    let i = -1;
    for (let j = 1; j < path.length && j < 5; j++) {
      if (AZ_DELETE_VERBS.has(path[j] ?? '')) {
        i = j;
        break;
      }
    }
    if (i < 0 || AZ_LOCAL_GROUPS.has(path[0] ?? '') || (path[0] === 'group' && i === 1)) return false;
    if (azTalksToEmulator(inv)) return false;
    const what = '`az ' + path.slice(0, i + 1).join(' ') + '`';
    if (AZ_DATA_GROUPS.has(path[0] ?? '') && !(path[1] === 'blob' && path[i] === 'delete')) {
      return { risk: 'high', message: `${what} deletes the resource together with its data. Take a backup first and let a person run it.` };
    }
    return { message: `${what} deletes an Azure resource; most deletions cannot be undone. Check what depends on it and let a person confirm.` };
  },
  examples: {
    match: [
      'az vm delete -g rg-prod -n web-1 --yes',
      'az storage account delete -n acmedata -g rg-prod',
      'az storage blob delete-batch --source uploads --account-name acmedata',
      'az sql db delete -g rg -s sqlsrv -n orders --yes',
      'az keyvault purge --name acme-kv',
      'az webapp delete --name acme-api --resource-group rg-web',
      'az storage blob delete --container-name c --name report.csv --account-name acme',
    ],
    notMatch: ['az storage container delete -n uploads --connection-string UseDevelopmentStorage=true', 'az vm list', 'az account show', 'az storage blob list --container-name c', 'az config unset defaults.group', 'az group delete -n rg-x', 'az extension remove --name aks-preview'],
  },
};

const azureCompleteModeDeployment: CommandRule = {
  id: 'cloud.azure-complete-mode-deployment',
  programs: AZ,
  decision: 'confirm',
  risk: 'high',
  message: 'A deployment in Complete mode deletes every resource in the resource group that is not in the template. Use the default Incremental mode, or run `az deployment group what-if` first.',
  match(inv) {
    const path = azPath(inv);
    if (!(path[0] === 'deployment' || (path[0] === 'group' && path[1] === 'deployment'))) return false;
    if (!path.includes('create') || hasLong(inv.args, 'what-if')) return false; // `what-if`, `validate`: previews
    const mode = optionValue(inv.args, ['--mode']);
    return mode !== undefined && mode.toLowerCase() === 'complete';
  },
  examples: {
    match: ['az deployment group create -g rg-prod --template-file main.bicep --mode Complete', 'az group deployment create -g rg --template-file t.json --mode complete'],
    notMatch: [
      'az deployment group create -g rg-prod --template-file main.bicep',
      'az deployment group what-if -g rg-prod --template-file main.bicep --mode Complete',
      'az deployment group create -g rg --template-file t.json --mode Complete --what-if',
    ],
  },
};

// ---------------------------------------------------------------------------------------------------------
// Smaller providers

/** Program → command words that delete (`doctl compute droplet delete`, `heroku apps:destroy`). */
const PROVIDER_DELETE_WORDS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['doctl', new Set(['delete', 'rm'])],
  ['hcloud', new Set(['delete'])],
  ['flyctl', new Set(['destroy'])],
  ['fly', new Set(['destroy'])],
  ['heroku', new Set(['apps:destroy', 'addons:destroy', 'pg:reset', 'destroy'])],
  ['eksctl', new Set(['delete'])],
  ['vercel', new Set(['rm', 'remove'])],
  ['netlify', new Set(['sites:delete', 'blobs:delete'])],
  ['firebase', new Set(['firestore:delete', 'database:remove', 'functions:delete', 'hosting:disable'])],
  ['supabase', new Set(['delete'])],
  ['wrangler', new Set(['delete'])],
  ['railway', new Set(['delete', 'down'])],
  ['linode-cli', new Set(['delete', 'rm'])],
  ['scw', new Set(['delete'])],
  ['civo', new Set(['remove', 'delete', 'rm'])],
  ['oci', new Set(['delete'])],
  ['ibmcloud', new Set(['delete', 'rm'])],
]);

/** Value options of these CLIs that may come before the command words. */
const PROVIDER_VALUE_OPTS = ['-t', '--access-token', '--context', '-c', '--config', '-o', '--output', '-a', '--app', '--app-name', '-r', '--remote'];

const providerDelete: CommandRule = {
  id: 'cloud.provider-delete',
  programs: ['doctl', 'hcloud', 'flyctl', 'fly', 'heroku', 'eksctl', 'vercel', 'netlify', 'firebase', 'supabase', 'wrangler', 'railway', 'linode-cli', 'scw', 'civo', 'oci', 'ibmcloud'],
  decision: 'confirm',
  risk: 'high',
  message: 'This deletes a cloud server, app, database or volume and the data on it. Let a person confirm.',
  match(inv) {
    const words = PROVIDER_DELETE_WORDS.get(inv.program);
    if (words === undefined) return false;
    const path = leadingPositionals(inv.args, PROVIDER_VALUE_OPTS, 4);
    for (const w of path) if (words.has(w)) return true;
    // `supabase db reset --linked` wipes the linked (remote) project's database; without it, the local one
    if (inv.program === 'supabase' && path[0] === 'db' && path[1] === 'reset' && (hasLong(inv.args, 'linked') || optionValue(inv.args, ['--db-url']) !== undefined)) return true;
    return false;
  },
  examples: {
    match: ['doctl compute droplet delete web-1 --force', 'doctl databases delete 1234-abcd', 'hcloud server delete web-1', 'fly apps destroy acme-api --yes', 'heroku apps:destroy --app acme --confirm acme', 'heroku pg:reset DATABASE_URL -a acme', 'eksctl delete cluster -n prod', 'vercel rm acme-web --yes', 'netlify sites:delete', 'firebase firestore:delete --all-collections -f', 'supabase projects delete abcd', 'supabase db reset --linked', 'wrangler delete', 'wrangler d1 delete prod-db', 'wrangler r2 bucket delete assets', 'railway down -y', 'linode-cli linodes delete 123', 'oci os bucket delete --name b'],
    notMatch: ['doctl compute droplet list', 'hcloud server list', 'fly deploy', 'heroku logs --tail -a acme', 'fly -t ci destroy-pipeline -p app', 'eksctl get clusters', 'vercel deploy --prod', 'vercel env ls', 'netlify deploy --prod', 'firebase deploy --only hosting', 'supabase db reset', 'supabase start', 'wrangler deploy', 'wrangler dev', 'wrangler d1 list', 'railway up'],
  },
};

export const cloudPack: RulePack = {
  name: 'cloud',
  description: 'Cloud CLIs (aws, gcloud, gsutil, az, doctl, hcloud, fly, heroku, eksctl, vercel, netlify, firebase, supabase, wrangler, railway and a few more) deleting resources and the data in them.',
  rules: [
    awsS3RecursiveDelete,
    awsS3RemoveBucket,
    awsS3SyncDelete,
    awsDeleteDataStore,
    awsDeleteInfrastructure,
    awsIamDelete,
    awsKmsKeyDeletion,
    awsSecretForceDelete,
    awsDeleteResource,
    gcloudProjectDelete,
    gcloudDelete,
    gcsRecursiveDelete,
    gcsBucketDelete,
    gcsSyncDelete,
    azureGroupDelete,
    azureDelete,
    azureCompleteModeDeployment,
    providerDelete,
  ],
};

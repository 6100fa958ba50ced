/**
 * Terminal auto-approve keys that make VS Code's agent ask before the command families Agent Guard's built-in
 * rules confirm or deny. VS Code matches these against the start of each sub-command (a `false` anywhere
 * wins), so they are deliberately broader than the rules themselves: VS Code cannot unwrap `sudo`, read scripts
 * or tell production from staging, so it asks and Agent Guard's hook still judges precisely. Each entry names
 * a rule and an example; a unit test checks that the example trips that rule and that the key matches it.
 */
import type { TerminalRuleValue } from './settingShapes';

export interface DestructivePattern {
  /** The `chat.tools.terminal.autoApprove` key: a command start or `/regex/`. */
  readonly key: string;
  readonly value: TerminalRuleValue;
  /** A built-in rule this stands for. */
  readonly rule: string;
  /** A command the rule confirms or denies and the key matches. */
  readonly example: string;
}

const ASK = false;
/** Match the whole command line (for text that may sit anywhere, such as SQL inside quotes). */
const ASK_LINE = { approve: false, matchCommandLine: true } as const;

export const DESTRUCTIVE_PATTERNS: readonly DestructivePattern[] = [
  // files
  { key: 'rm', value: ASK, rule: 'fs.delete-home', example: 'rm -rf ~' },
  { key: '/^find\\b.*\\s-(delete|exec|execdir)\\b/', value: ASK, rule: 'fs.delete-outside-workspace', example: 'find /var/log -name "*.log" -delete' },
  { key: '/^(shred|wipefs|mkfs(\\.\\w+)?|fdisk|parted)\\b/', value: ASK, rule: 'system.format-disk', example: 'mkfs.ext4 /dev/sda1' },
  { key: '/^dd\\b.*\\bof=/', value: ASK, rule: 'system.write-block-device', example: 'dd if=/dev/zero of=/dev/sda' },
  // git
  { key: '/^git\\b.*\\spush\\b.*\\s(-f|--force|--force-with-lease|--mirror|--delete|-d|--prune)\\b/', value: ASK, rule: 'git.force-push-protected-branch', example: 'git push --force origin main' },
  { key: '/^git\\b.*\\sreset\\b.*\\s--hard\\b/', value: ASK, rule: 'git.reset-hard', example: 'git reset --hard HEAD~3' },
  { key: '/^git\\b.*\\sclean\\b/', value: ASK, rule: 'git.clean-untracked', example: 'git clean -fdx' },
  { key: '/^git\\b.*\\s(checkout\\s+--|restore)\\s/', value: ASK, rule: 'git.discard-working-changes', example: 'git checkout -- .' },
  { key: '/^git\\b.*\\s(branch\\s+-D|stash\\s+(drop|clear)|filter-branch|filter-repo|reflog\\s+expire)\\b/', value: ASK, rule: 'git.branch-force-delete', example: 'git branch -D feature' },
  // infrastructure as code
  { key: '/^(terraform|tofu|terragrunt)\\b.*\\s(destroy|apply|state\\s+(rm|push))\\b/', value: ASK, rule: 'iac.terraform-destroy', example: 'terraform destroy -auto-approve' },
  { key: '/^pulumi\\b.*\\s(destroy|up|stack\\s+rm)\\b/', value: ASK, rule: 'iac.pulumi-destroy', example: 'pulumi destroy --yes' },
  { key: '/^(cdk|sam|serverless|sls)\\b.*\\s(destroy|remove|delete)\\b/', value: ASK, rule: 'iac.cdk-destroy', example: 'cdk destroy --force' },
  // kubernetes
  { key: '/^(kubectl|oc)\\b.*\\s(delete|drain)\\b/', value: ASK, rule: 'kubernetes.delete-namespace', example: 'kubectl delete namespace payments' },
  { key: '/^helm\\b.*\\s(uninstall|delete)\\b/', value: ASK, rule: 'kubernetes.helm-uninstall', example: 'helm uninstall payments' },
  // cloud
  { key: '/^aws\\s+s3\\s+(rm|rb)\\b/', value: ASK, rule: 'cloud.aws-s3-recursive-delete', example: 'aws s3 rm s3://bucket --recursive' },
  { key: '/^aws\\b.*\\s(delete-[a-z-]+|terminate-instances|schedule-key-deletion)\\b/', value: ASK, rule: 'cloud.aws-delete-data-store', example: 'aws rds delete-db-instance --db-instance-identifier main' },
  { key: '/^gcloud\\b.*\\sdelete\\b/', value: ASK, rule: 'cloud.gcloud-project-delete', example: 'gcloud projects delete acme' },
  { key: '/^(gsutil|gcloud\\s+storage)\\b.*\\s(rm|rb)\\b/', value: ASK, rule: 'cloud.gcs-recursive-delete', example: 'gsutil rm -r gs://bucket' },
  { key: '/^az\\b.*\\sdelete\\b/', value: ASK, rule: 'cloud.azure-group-delete', example: 'az group delete --name main --yes' },
  // databases
  { key: '/\\b(drop\\s+(table|database|schema)|truncate\\s+table)\\b/i', value: ASK_LINE, rule: 'db.drop-statement', example: 'psql -c "DROP TABLE users"' },
  { key: '/^redis-cli\\b.*\\bflush(all|db)\\b/i', value: ASK, rule: 'db.redis-flush', example: 'redis-cli FLUSHALL' },
  // containers
  { key: '/^docker\\b.*\\s(system|volume|image|container)\\s+prune\\b/', value: ASK, rule: 'container.system-prune', example: 'docker system prune -af --volumes' },
  { key: '/^docker\\b.*\\scompose\\s+down\\b.*\\s(-v|--volumes)\\b/', value: ASK, rule: 'container.compose-down-volumes', example: 'docker compose down -v' },
  // the machine
  { key: 'sudo', value: ASK, rule: 'system.shutdown', example: 'sudo shutdown -h now' },
  { key: '/^(shutdown|reboot|halt|poweroff)\\b/', value: ASK, rule: 'system.shutdown', example: 'shutdown -h now' },
  // agents switching their own approvals off
  { key: '/^claude\\b.*--dangerously-skip-permissions\\b/', value: ASK, rule: 'agents.claude-skip-permissions', example: 'claude --dangerously-skip-permissions -p "clean up"' },
  { key: '/^codex\\b.*(--dangerously-bypass-approvals-and-sandbox|--yolo)\\b/', value: ASK, rule: 'agents.codex-bypass', example: 'codex --dangerously-bypass-approvals-and-sandbox "fix it"' },
];

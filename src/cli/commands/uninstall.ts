/**
 * `agent-guard uninstall [--agent A…|--all] [--scope user|workspace] [--dry-run]` — removes Agent Guard's hook
 * entries (and only those; files that held nothing else and were ours are deleted), with a backup.
 * Without --agent: every agent.
 */
import { runSetup } from '../install/setup';

export async function run(argv: readonly string[]): Promise<number> {
  return runSetup('uninstall', argv);
}

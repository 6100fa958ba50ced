/**
 * `agent-guard install [--agent A…|--all] [--scope user|workspace] [--dry-run]` — writes or merges each agent's
 * hook configuration (other hooks and comments preserved, idempotent, backup before every write).
 * Without --agent: the agents found on this machine. Default scope: user.
 */
import { runSetup } from '../install/setup';

export async function run(argv: readonly string[]): Promise<number> {
  return runSetup('install', argv);
}

/**
 * `agent-guard doctor [--agent A…] [--scope user|workspace] [--workspace DIR] [--json]` — which agents are
 * installed, whether each hook is wired and really blocks (self-test), whether the editor bridge answers.
 * Exit 0 when every installed agent has a working hook, 1 otherwise.
 */
import { runDoctor } from '../install/doctor';

export async function run(argv: readonly string[]): Promise<number> {
  return runDoctor(argv);
}

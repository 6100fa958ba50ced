/** The full CLI bundle (dist/cli-bundle.js): every command; the loader runs `check` and `hook` from the judging bundle, and calls `main`. */
import { runCli, type CommandTable } from '../dispatch';
import { JUDGE_COMMANDS } from '../judgeCommands';

const COMMANDS: CommandTable = {
  ...JUDGE_COMMANDS,
  install: { load: () => import('../commands/install'), summary: 'wire the hook into agents: install [--agent A…|--all] [--scope user|workspace] [--dry-run]' },
  uninstall: { load: () => import('../commands/uninstall'), summary: 'remove what install wrote: uninstall [--agent A…|--all] [--scope user|workspace]' },
  doctor: { load: () => import('../commands/doctor'), summary: 'which agents are installed, whether each hook is wired and blocks, whether the editor answers' },
  test: { load: () => import('../commands/test'), summary: 'run the policy\'s own examples: test [--policy FILE]' },
  init: { load: () => import('../commands/init'), summary: 'write a commented starter policy to .vscode/agent-guard.json' },
  serve: { load: () => import('../commands/serve'), summary: 'judge hooks in one long-lived process, so each hook starts faster: serve [--idle-minutes N]' },
  explain: { load: () => import('../commands/explain'), summary: 'what a rule does, with examples: explain RULE-ID' },
};

export function main(): void {
  runCli(COMMANDS);
}

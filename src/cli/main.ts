/**
 * `agent-guard` command line: argument dispatch only. Each command lives in commands/<name>.ts and is loaded
 * on demand, so a hook call pays only for what it uses.
 */
import { VERSION } from './version';

type CommandModule = { run(argv: readonly string[]): Promise<number> };

interface Command {
  readonly load: () => Promise<CommandModule>;
  readonly summary: string;
  /**
   * The command writes only through output.ts (synchronous writes on fd 1 and 2) and leaves nothing to finish
   * once it resolves, so the process ends right then: no idle-time garbage collection and no runtime teardown,
   * which an agent would otherwise wait for on every tool call.
   */
  readonly exitsAtOnce?: true;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  check: { exitsAtOnce: true, load: () => import('./commands/check'), summary: 'judge a command or a file edit: check [--json] [--cwd DIR] -- "<command>" | check --edit write|delete|rename PATH | check --jsonl' },
  hook: { exitsAtOnce: true, load: () => import('./commands/hook'), summary: 'answer an agent\'s pre-tool-use hook: hook <vscode|claude|cursor|gemini|codex|copilot-cli|cline>' },
  install: { load: () => import('./commands/install'), summary: 'wire the hook into agents: install [--agent A…|--all] [--scope user|workspace] [--dry-run]' },
  uninstall: { load: () => import('./commands/uninstall'), summary: 'remove what install wrote: uninstall [--agent A…|--all] [--scope user|workspace]' },
  doctor: { load: () => import('./commands/doctor'), summary: 'which agents are installed, whether each hook is wired and blocks, whether the editor answers' },
  test: { load: () => import('./commands/test'), summary: 'run the policy\'s own examples: test [--policy FILE]' },
  init: { load: () => import('./commands/init'), summary: 'write a commented starter policy to .vscode/agent-guard.json' },
  explain: { load: () => import('./commands/explain'), summary: 'what a rule does, with examples: explain RULE-ID' },
};

function usage(): string {
  const lines = [`agent-guard ${VERSION} — stops AI coding agents before destructive commands and edits`, '', 'Usage: agent-guard <command> [options]', ''];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(10)} ${c.summary}`);
  lines.push('', 'Exit status of check: 0 allow, 1 confirm, 2 deny, 3 error.');
  return lines.join('\n') + '\n';
}

async function main(argv: readonly string[]): Promise<{ code: number; exitsAtOnce?: true }> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(usage());
    return { code: name === undefined ? 3 : 0 };
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(VERSION + '\n');
    return { code: 0 };
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`agent-guard: unknown command '${name}'\n\n${usage()}`);
    return { code: 3 };
  }
  const code = await (await command.load()).run(rest);
  return command.exitsAtOnce === true ? { code, exitsAtOnce: true } : { code };
}

main(process.argv.slice(2)).then(
  ({ code, exitsAtOnce }) => {
    if (exitsAtOnce === true) process.exit(code);
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`agent-guard: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 3;
  },
);

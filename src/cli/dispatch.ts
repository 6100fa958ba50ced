/**
 * `agent-guard <command> …`: argument dispatch only. Each command lives in commands/<name>.ts and is loaded on
 * demand, so a run pays only for the command it runs. Both CLI bundles (entries/) dispatch through here.
 */
import { VERSION } from './version';

type CommandModule = { run(argv: readonly string[]): Promise<number> };

export interface Command {
  readonly load: () => Promise<CommandModule>;
  readonly summary: string;
  /**
   * The command writes only through output.ts (synchronous writes on fd 1 and 2) and leaves nothing to finish
   * once it resolves, so the process ends right then: no idle-time garbage collection and no runtime teardown,
   * which an agent would otherwise wait for on every tool call.
   */
  readonly exitsAtOnce?: true;
}

export type CommandTable = Readonly<Record<string, Command>>;

function usage(commands: CommandTable): string {
  const lines = [`agent-guard ${VERSION} — stops AI coding agents before destructive commands and edits`, '', 'Usage: agent-guard <command> [options]', ''];
  for (const [name, c] of Object.entries(commands)) lines.push(`  ${name.padEnd(10)} ${c.summary}`);
  lines.push('', 'Exit status of check: 0 allow, 1 confirm, 2 deny, 3 error.');
  return lines.join('\n') + '\n';
}

async function dispatch(commands: CommandTable, argv: readonly string[]): Promise<{ code: number; exitsAtOnce?: true }> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(usage(commands));
    return { code: name === undefined ? 3 : 0 };
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(VERSION + '\n');
    return { code: 0 };
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`agent-guard: unknown command '${name}'\n\n${usage(commands)}`);
    return { code: 3 };
  }
  const code = await (await command.load()).run(rest);
  return command.exitsAtOnce === true ? { code, exitsAtOnce: true } : { code };
}

/** Runs the command named in `process.argv` and sets the exit status (0 allow … 3 error for `check`). */
export function runCli(commands: CommandTable): void {
  dispatch(commands, process.argv.slice(2)).then(
    ({ code, exitsAtOnce }) => {
      if (exitsAtOnce === true) process.exit(code);
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`agent-guard: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
      process.exitCode = 3;
    },
  );
}

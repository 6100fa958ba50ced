/**
 * The judging bundle (dist/cli-judge.js): `agent-guard check` and `agent-guard hook` only. The loader calls `main`,
 * or `hookWithInput` when it has already read a hook's payload for the judge service and then had to judge itself.
 */
import { runCli } from '../dispatch';
import { JUDGE_COMMANDS } from '../judgeCommands';
import { writeStderr } from '../output';

export function main(): void {
  runCli(JUDGE_COMMANDS);
}

/** `agent-guard hook <argv…>` with stdin already taken (`input`: the payload, read or being read); exits with its status. */
export function hookWithInput(argv: readonly string[], input: Promise<string>, startedAt: number): void {
  void Promise.all([import('../commands/hook'), import('../hooks/run')])
    .then(([{ runWithIo }, { processIo }]) =>
      runWithIo(argv, {
        ...processIo,
        // it may still be arriving: the watchdog runs from the start
        readInput: (onWait) => {
          onWait();
          return input;
        },
        release: () => {},
        startedAt,
      }),
    )
    .then(
      (code) => process.exit(code),
      (e: unknown) => {
        writeStderr(`agent-guard: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
        // exit 2 blocks the call for most agents
        process.exit(2);
      },
    );
}

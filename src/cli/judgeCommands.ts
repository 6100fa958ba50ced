/**
 * The two commands that judge, `check` and `hook`: an agent runs one of them on every tool call, so they have a
 * bundle of their own (entries/judge.ts) without the code of install, doctor and the rest.
 */
import type { Command } from './dispatch';
import type { JUDGE_COMMAND_NAMES } from './judgeCommandNames';

/** One entry per name the loader sends to the judging bundle (the type keeps the two in step). */
export const JUDGE_COMMANDS = {
  check: { exitsAtOnce: true, load: () => import('./commands/check'), summary: 'judge a command or a file edit: check [--json] [--cwd DIR] -- "<command>" | check --edit write|delete|rename PATH | check --jsonl' },
  hook: { exitsAtOnce: true, load: () => import('./commands/hook'), summary: 'answer an agent\'s pre-tool-use hook: hook <vscode|claude|cursor|gemini|codex|copilot-cli|cline>' },
} satisfies Record<(typeof JUDGE_COMMAND_NAMES)[number], Command>;

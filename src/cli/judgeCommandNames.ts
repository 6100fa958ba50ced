/**
 * The commands the judging bundle runs (entries/judge.ts): the loader sends these names to it, every other one to
 * the full bundle. A file of its own so the loader does not pull in the command table.
 */
export const JUDGE_COMMAND_NAMES = ['check', 'hook'] as const;

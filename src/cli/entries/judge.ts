/** The judging bundle (dist/cli-judge.js): `agent-guard check` and `agent-guard hook` only. */
import { runCli } from '../dispatch';
import { JUDGE_COMMANDS } from '../judgeCommands';

runCli(JUDGE_COMMANDS);

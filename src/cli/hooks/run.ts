/**
 * One hook run: read the payload, judge it, maybe ask a person, answer in the agent's shape — always, and
 * always before the agent's own timeout. Agents let a tool call through when a hook crashes, hangs or prints
 * something they do not understand, so every path here ends in an explicit answer: errors become deny, the
 * watchdog answers by itself when time runs out, and the output is written synchronously before returning.
 * After answering, a decision made without the person is reported to a running editor (best effort, bounded).
 */
import { homeDirectory } from '../homeDirectory';
import type { BridgeOutcome } from '../../shared/bridgeProtocol';
import { writeStderr, writeStdout } from '../output';
import { verdictFromReasons, type Verdict } from '../../core/verdict';
import { classifyTool } from './catalogue';
import { decide, fallbackForConfirm, outcomeDetail } from './decide';
import type { HookGuard } from './guard';
import { isTrusted, judge, type Judgement } from './judge';
import { denyMessage } from './messages';
import { readFd0, readStream } from './stdin';
import { answerBudgetMs, parseHookOptions } from './options';
import { hookTimeout, internalError, malformedInput } from './reasons';
import { runtimeDir } from '../bridge/runtimeDir';
import { reportFor, sendReport, type PendingReport } from './report';
import type { AgentAdapter, HookAnswer, HookOutput, ParsedCall } from './types';
import { resolveLocation, type Location } from './workspace';

export interface HookIo {
  /** The whole payload (stdin); `onWait` is called before it first waits for input that has not arrived. */
  readonly readInput: (onWait: () => void) => Promise<string>;
  /** Lets go of stdin once answered, so an agent that never closes it cannot keep the process alive. */
  readonly release: () => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly write: (text: string) => void;
  readonly warn: (text: string) => void;
  /** The hook process's own working directory (calls without a cwd of their own run there). */
  readonly processCwd: string;
  /** The user's home directory, for `~/` paths and the user policy. */
  readonly home: string;
  /** When the hook process started (ms since the epoch), if before this run: the agent's timeout counts from it. */
  readonly startedAt?: number;
  /** Told the time by which the answer will be given (the watchdog's deadline), before any waiting. */
  readonly onDeadline?: (deadline: number) => void;
}

let stdinOpened = false;

/** The hook process's own I/O: stdin, fd 1 and 2, its environment, folder and home. */
export const processIo: HookIo = {
  readInput: (onWait) => {
    const direct = readFd0(onWait);
    if (direct) return direct;
    stdinOpened = true;
    onWait();
    return readStream(process.stdin);
  },
  release: () => {
    // only if it was opened: touching process.stdin creates it
    if (stdinOpened) process.stdin.destroy();
  },
  env: process.env,
  write: writeStdout,
  warn: writeStderr,
  processCwd: process.cwd(),
  home: homeDirectory(),
};

function envStrings(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (typeof v === 'string') out[k] = v;
  return out;
}

function safeRender(adapter: AgentAdapter, answer: HookAnswer, call: ParsedCall | undefined): HookOutput {
  try {
    return adapter.render(answer, call);
  } catch {
    // an adapter bug must not turn into "no answer": a deny in the most common envelope, exit 2 with stderr
    return { stdout: '', exitCode: 2 };
  }
}

/** Runs the hook for one agent; returns the exit code after the answer has been written. */
export async function runHook(adapter: AgentAdapter, argv: readonly string[], io: HookIo = processIo): Promise<number> {
  const started = io.startedAt ?? Date.now();
  const options = parseHookOptions(argv, io.env);
  const timeoutSeconds = options.timeoutSeconds ?? adapter.defaultTimeoutSeconds;
  const deadline = started + answerBudgetMs(timeoutSeconds);
  io.onDeadline?.(deadline);

  let call: ParsedCall | undefined;
  let pendingConfirm: Verdict | undefined;

  return new Promise<number>((resolve) => {
    let answered = false;
    /** Writes the answer once and returns the exit code; undefined when it had already been given (the watchdog won). */
    const writeAnswer = (answer: HookAnswer): number | undefined => {
      if (answered) return undefined;
      answered = true;
      if (watchdog !== undefined) clearTimeout(watchdog);
      const out = safeRender(adapter, answer, call);
      if (out.stdout) io.write(out.stdout.endsWith('\n') ? out.stdout : out.stdout + '\n');
      try {
        io.release();
      } catch {
        /* ignore */
      }
      if (out.exitCode === 2) io.warn(answer.kind === 'deny' || answer.kind === 'ask' ? answer.reason + '\n' : 'Blocked by Agent Guard.\n');
      return out.exitCode;
    };
    const respond = (a: HookAnswer): void => {
      const code = writeAnswer(a);
      if (code !== undefined) resolve(code);
    };
    const deny = (v: Verdict): HookAnswer => ({ kind: 'deny', reason: denyMessage(v) });

    // answers by itself shortly before the agent would give up on the hook (and let the call through). Started
    // only when the run first waits on something outside itself (stdin that has not arrived, the editor): a timer
    // cannot interrupt synchronous work anyway, and the first timer of a process costs a hook about 0.4 ms, which
    // the usual run (payload already there, no one to ask) need not pay.
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const startWatchdog = (): void => {
      if (watchdog !== undefined || answered) return;
      watchdog = setTimeout(() => {
        if (pendingConfirm) respond(fallbackForConfirm(pendingConfirm, call?.askHonoured ?? false, 'nobody answered the Agent Guard dialog in the editor in time'));
        else respond(deny(verdictFromReasons([hookTimeout(timeoutSeconds)])));
      }, Math.max(0, deadline - Date.now()));
    };

    const main = async (): Promise<{ readonly answer: HookAnswer; readonly report?: PendingReport }> => {
      let text: string;
      try {
        text = await io.readInput(startWatchdog);
      } catch (e) {
        return { answer: deny(verdictFromReasons([malformedInput(e instanceof Error ? e.message : 'unreadable stdin')])) };
      }
      let payload: unknown;
      try {
        payload = JSON.parse(text);
      } catch {
        return { answer: deny(verdictFromReasons([malformedInput(text.trim() === '' ? 'stdin was empty' : 'stdin is not JSON')])) };
      }
      const parsed = adapter.parse(payload);
      if (!parsed.ok) return { answer: deny(verdictFromReasons([malformedInput(parsed.problem)])) };
      call = parsed.call;
      if (isTrusted(call.tool, options.skipTools)) return { answer: { kind: 'defer' } };
      const envRoot = adapter.projectDirEnv?.map((k) => io.env[k]).find((v) => typeof v === 'string' && v.length > 0);
      let loc: Location = resolveLocation(call.cwd, call.roots, envRoot, io.processCwd, io.home);
      const classification = classifyTool(call.tool, call.input);
      if (call.cwd === undefined && call.roots.length === 0 && envRoot === undefined && classification.kind !== 'read-only') {
        const { rootFromEditors } = await import('./editorRoots.js');
        const root = rootFromEditors(classification, runtimeDir(io.env));
        if (root !== undefined) loc = { cwd: root, root };
      }
      // the core and the policy loader are loaded only for calls that need judging (not reads, not unknown tools)
      let guardFor: () => HookGuard = () => {
        throw new Error('guard not loaded');
      };
      if (classification.kind === 'actions') {
        const { hookGuard } = await import('./guard.js');
        guardFor = () => hookGuard(loc.cwd, loc.root, io);
      }
      const judgement: Judgement = judge(call.tool, classification, loc, guardFor, {
        trustedTools: options.trustedTools,
        env: envStrings(io.env),
        home: io.home,
      });
      const verdict = judgement.verdict;
      if (verdict.decision === 'confirm') pendingConfirm = verdict;
      const current = call;
      let editorOutcome: BridgeOutcome | undefined;
      const final = await decide(verdict, {
        autoApprove: options.autoApprove,
        askHonoured: current.askHonoured,
        askEditor: async (): Promise<BridgeOutcome> => {
          startWatchdog();
          // no editor has made its runtime folder for this user (agents run in a terminal without VS Code): say so
          // without loading the client's sockets and hashing (about a tenth of a hook run), in the client's words
          const { checkDir } = await import('../bridge/runtimeLookup.js');
          const noEditor = checkDir(runtimeDir(io.env));
          if (noEditor !== undefined) return (editorOutcome = { kind: 'absent', detail: noEditor });
          // loaded only when a person must be asked: sockets and hashing stay off the common path
          const { askEditor } = await import('../bridge/client.js');
          editorOutcome = await askEditor({ root: judgement.root, agent: adapter.id, tool: current.tool, actions: judgement.actions, verdict, deadline: deadline - 100 });
          return editorOutcome;
        },
      });
      const report = reportFor(adapter.id, current.tool, judgement, final, editorOutcome);
      return report ? { answer: final, report } : { answer: final };
    };

    main().then(
      async ({ answer: final, report }) => {
        const code = writeAnswer(final);
        if (code === undefined) return;
        // the agent has its answer; the editor's ledger hears about it within the report budget
        if (report) await sendReport(report, io.env);
        resolve(code);
      },
      (e: unknown) => {
      // a failure after a confirm verdict was reached still may not let the call through
        if (pendingConfirm) respond(fallbackForConfirm(pendingConfirm, false, outcomeDetail({ kind: 'absent', detail: `the editor bridge failed (${String(e)})` })));
        else respond(deny(verdictFromReasons([internalError(e)])));
      },
    );
  });
}

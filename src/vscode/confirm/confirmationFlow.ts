/**
 * What happens to a confirmation request from a hook, from arrival to answer: the circuit breaker first (paused
 * agents are refused at once), then the person's session allowances, then the queue (one dialog at a time), the
 * dialog, and — for critical actions and production targets — the typed confirmation. No answer before the
 * deadline (the request's own, or the `confirmation.timeoutSeconds` setting if sooner) is a denial. Every
 * answer, and every decision a hook reports making by itself, is recorded in the ledger with who settled it.
 *
 * No `vscode` import: the dialogs are behind {@link Prompter}, so the whole flow is unit-tested with a scripted
 * person; the real dialogs are in modal.ts and tested end to end.
 */
import type { ConfirmAnswer } from '../../cli/bridge/server';
import type { ConfirmRequest, GuardedAction, ReportRequest, Verdict } from '../../shared/bridgeProtocol';
import type { DecisionOutcome, DecisionRecord } from '../session/decisionRecord';
import type { ProtectionState } from '../session/ledger';
import { CircuitBreaker, type BreakerSettings, type TripInfo } from './circuitBreaker';
import { DialogQueue } from './dialogQueue';
import { malformedRequest } from './requestShape';
import { dialogText, subjectOf, type Choice, type DialogText } from './dialogText';
import { SessionAllowances } from './sessionAllowances';

/** The person, as the flow sees them. */
export interface Prompter {
  /** Shows the modal; resolves with the button chosen, undefined when dismissed. A modal cannot be closed from outside. */
  choose(text: DialogText): Promise<Choice | undefined>;
  /** Asks for `target` to be typed; true only for that text; closes itself and resolves false when `signal` fires. */
  typeToConfirm(target: string, text: DialogText, signal: AbortSignal): Promise<boolean>;
  /** Tells the person agents are paused, and how to resume. */
  paused(trip: TripInfo): void;
  /** The person allowed in a dialog whose request had already been denied (timeout): say so. */
  tooLate(text: DialogText): void;
}

/** The part of the session ledger the flow uses. */
export interface FlowLedger {
  record(entry: DecisionRecord): void;
  setProtection(state: ProtectionState): void;
  snapshot(): { readonly protection: ProtectionState };
}

export interface FlowSettings {
  readonly timeoutSeconds: number;
  readonly breaker: BreakerSettings;
}

export interface FlowDeps {
  readonly prompter: Prompter;
  readonly ledger: FlowLedger;
  /** Read on every request, so setting changes apply to the next one. */
  readonly settings: () => FlowSettings;
  readonly now?: () => number;
  readonly log?: (line: string) => void;
  /** Called when agents are paused (true) or resumed (false), e.g. to set a context key. */
  readonly onPausedChange?: (paused: boolean) => void;
}

/** Who or what settled a request (DecisionRecord.confirmedBy). */
export type SettledBy = 'person: allow once' | 'person: allow for session' | 'session allowance' | 'person: deny' | 'timeout' | 'circuit breaker';

export const DEFAULT_TIMEOUT_SECONDS = 110;

export const RESUME_COMMAND_TITLE = 'Agent Guard: Resume Agents';

export function pausedMessage(trip: TripInfo): string {
  return `The person paused agents: Agent Guard's circuit breaker tripped after ${trip.count} risky requests within ${trip.windowSeconds} s, ` +
    `and denies every risky action until the person runs "${RESUME_COMMAND_TITLE}" in VS Code. Stop and tell the user.`;
}

type Raced<T> = { readonly aborted: true } | { readonly aborted: false; readonly value: T };

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<Raced<T>> {
  if (signal.aborted) return Promise.resolve({ aborted: true });
  return new Promise((resolve) => {
    const onAbort = (): void => resolve({ aborted: true });
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve({ aborted: false, value });
      },
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve({ aborted: false, value: undefined as T });
      },
    );
  });
}

function isRisky(verdict: Verdict): boolean {
  return verdict.decision !== 'allow';
}

function firstCwd(actions: readonly GuardedAction[]): string | undefined {
  for (const a of actions) if (a.kind === 'command') return a.cwd;
  return undefined;
}

export class ConfirmationFlow {
  readonly breaker: CircuitBreaker;
  readonly allowances = new SessionAllowances();
  readonly queue: DialogQueue;
  private readonly now: () => number;
  private beforePause: ProtectionState | undefined;

  constructor(private readonly deps: FlowDeps) {
    this.now = deps.now ?? Date.now;
    this.breaker = new CircuitBreaker(() => deps.settings().breaker);
    this.queue = new DialogQueue(this.now);
  }

  /** Answers one confirm request from a hook; `signal` fires when the hook stops waiting. Never rejects. */
  async confirm(request: ConfirmRequest, signal: AbortSignal): Promise<ConfirmAnswer> {
    const problem = malformedRequest(request);
    if (problem !== undefined) {
      this.deps.log?.(`confirmation request refused (${problem}): denied without a dialog`);
      return { answer: 'deny', message: `Agent Guard could not show this request (${problem})` };
    }
    try {
      return await this.answer(request, signal);
    } catch (e) {
      // a request this flow cannot handle (a malformed verdict from the wire, a broken dialog) is never an allow
      this.deps.log?.(`confirmation failed, denied: ${e instanceof Error ? e.message : String(e)}`);
      return { answer: 'deny', message: 'the Agent Guard dialog failed' };
    }
  }

  private async answer(request: ConfirmRequest, signal: AbortSignal): Promise<ConfirmAnswer> {
    const trip = this.breaker.tripped;
    if (trip) return this.settle(request, 'deny', 'circuit breaker', pausedMessage(trip));
    if (this.allowances.covers(request)) return this.settle(request, 'allow', 'session allowance');
    const tripped = this.breaker.count(this.now());
    if (tripped) {
      // the request that completes the burst is refused too: it is part of it
      this.pause(tripped);
      return this.settle(request, 'deny', 'circuit breaker', pausedMessage(tripped));
    }

    const timeoutMs = this.timeoutSeconds() * 1000;
    const deadline = Math.min(request.deadline, this.now() + timeoutMs);
    const stop = new AbortController();
    const hungUp = (): void => stop.abort();
    signal.addEventListener('abort', hungUp, { once: true });
    if (signal.aborted) stop.abort();
    const timer = setTimeout(() => stop.abort(), Math.max(0, deadline - this.now()));
    try {
      return await this.queue.push({
        deadline,
        signal: stop.signal,
        expired: () => this.settle(request, 'deny', 'timeout', 'nobody answered the Agent Guard dialog in time'),
        show: () => this.show(request, deadline, stop.signal),
      });
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', hungUp);
    }
  }

  /** Records a decision a hook made without a dialog; risky ones count towards the circuit breaker. */
  report(request: ReportRequest): void {
    const problem = malformedRequest(request);
    if (problem !== undefined) return this.deps.log?.(`hook report ignored (${problem})`);
    const outcome: DecisionOutcome = request.answer === 'deny' ? 'denied' : request.answer === 'ask' ? 'held' : 'allowed';
    const by = request.answer === 'allow' ? 'auto-approve' : request.verdict.decision !== 'confirm' ? undefined : request.answer === 'ask' ? 'agent prompt' : 'no editor answer';
    this.record(request, outcome, by);
    this.deps.log?.(`hook ${request.agent} ${request.tool}: ${oneLine(subjectOf(request.actions))} → ${request.answer} (${request.verdict.decision}${rulesSuffix(request.verdict)})${request.detail ? `; ${request.detail}` : ''}`);
    if (!isRisky(request.verdict) || this.breaker.tripped) return;
    const trip = this.breaker.count(this.now());
    if (trip) this.pause(trip);
  }

  /** The person resumed agents (Resume Agents): the breaker closes and counts from zero. False when it was not tripped. */
  resume(): boolean {
    if (!this.breaker.tripped) return false;
    this.breaker.reset();
    if (this.deps.ledger.snapshot().protection.kind === 'paused') this.deps.ledger.setProtection(this.beforePause ?? { kind: 'protected' });
    this.beforePause = undefined;
    this.deps.onPausedChange?.(false);
    this.deps.log?.('circuit breaker reset: agents resumed by the person');
    return true;
  }

  private async show(request: ConfirmRequest, deadline: number, signal: AbortSignal): Promise<ConfirmAnswer> {
    // things may have changed while it waited in the queue
    const trip = this.breaker.tripped;
    if (trip) return this.settle(request, 'deny', 'circuit breaker', pausedMessage(trip));
    if (this.allowances.covers(request)) return this.settle(request, 'allow', 'session allowance');

    const text = dialogText(request, (deadline - this.now()) / 1000);
    const chosen = this.deps.prompter.choose(text);
    const raced = await untilAborted(chosen, signal);
    if (raced.aborted) {
      // the modal stays open (no API closes it); a late click must do nothing but say it came too late
      void chosen.then((late) => {
        if (late === 'allow-once' || late === 'allow-session') this.deps.prompter.tooLate(text);
      }, () => undefined);
      return this.settle(request, 'deny', 'timeout', 'nobody answered the Agent Guard dialog in time');
    }
    const choice = raced.value;
    if (choice !== 'allow-once' && choice !== 'allow-session') return this.settle(request, 'deny', 'person: deny');
    if (text.typedTarget !== undefined) {
      const typed = await untilAborted(this.deps.prompter.typeToConfirm(text.typedTarget, text, signal), signal);
      if (typed.aborted) return this.settle(request, 'deny', 'timeout', 'nobody finished typing the confirmation in time');
      if (typed.value !== true) return this.settle(request, 'deny', 'person: deny', `the person did not type "${text.typedTarget}" to confirm`);
      return this.settle(request, 'allow', 'person: allow once');
    }
    if (choice === 'allow-session' && this.allowances.add(request)) return this.settle(request, 'allow', 'person: allow for session');
    return this.settle(request, 'allow', 'person: allow once');
  }

  private settle(request: ConfirmRequest, answer: 'allow' | 'deny', by: SettledBy, message?: string): ConfirmAnswer {
    this.record(request, answer === 'allow' ? 'allowed' : 'denied', by);
    this.deps.log?.(`confirm ${request.agent} ${request.tool}: ${oneLine(subjectOf(request.actions))} → ${answer === 'allow' ? 'allowed' : 'denied'} (${by}${rulesSuffix(request.verdict)})`);
    return message !== undefined ? { answer, message } : { answer };
  }

  private record(request: ConfirmRequest | ReportRequest, outcome: DecisionOutcome, confirmedBy: string | undefined): void {
    const cwd = firstCwd(request.actions);
    this.deps.ledger.record({
      time: new Date(this.now()).toISOString(),
      source: 'hook',
      agent: request.agent,
      tool: request.tool,
      subject: subjectOf(request.actions),
      ...(cwd !== undefined ? { cwd } : {}),
      decision: request.verdict.decision,
      risk: request.verdict.risk,
      rules: [...new Set(request.verdict.reasons.map((r) => r.rule))],
      outcome,
      ...(confirmedBy !== undefined ? { confirmedBy } : {}),
      root: request.root,
    });
  }

  private pause(trip: TripInfo): void {
    const current = this.deps.ledger.snapshot().protection;
    if (current.kind !== 'paused') this.beforePause = current;
    this.deps.ledger.setProtection({ kind: 'paused', detail: `${trip.count} risky requests within ${trip.windowSeconds} s; risky actions are denied until you run ${RESUME_COMMAND_TITLE}` });
    this.deps.onPausedChange?.(true);
    this.deps.log?.(`circuit breaker tripped: ${trip.count} risky requests within ${trip.windowSeconds} s; agents paused`);
    this.deps.prompter.paused(trip);
  }

  private timeoutSeconds(): number {
    const t = this.deps.settings().timeoutSeconds;
    return Number.isFinite(t) && t > 0 ? t : DEFAULT_TIMEOUT_SECONDS;
  }
}

function oneLine(s: string): string {
  const flat = s.replace(/\s*\n\s*/g, ' ; ');
  return flat.length > 200 ? flat.slice(0, 199) + '…' : flat;
}

function rulesSuffix(v: Verdict): string {
  const rules = [...new Set(v.reasons.map((r) => r.rule))];
  return rules.length > 0 ? `; ${rules.join(', ')}` : '';
}

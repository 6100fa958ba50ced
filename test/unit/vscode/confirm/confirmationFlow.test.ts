import * as assert from 'node:assert/strict';
import type { TripInfo } from '../../../../src/vscode/confirm/circuitBreaker';
import { ConfirmationFlow, type FlowSettings, type Prompter } from '../../../../src/vscode/confirm/confirmationFlow';
import type { Choice, DialogText } from '../../../../src/vscode/confirm/dialogText';
import type { DecisionRecord } from '../../../../src/vscode/session/decisionRecord';
import { Ledger } from '../../../../src/vscode/session/ledger';
import type { ConfirmRequest, ReportRequest } from '../../../../src/shared/bridgeProtocol';
import { ALLOWED, command, confirmRequest, CRITICAL, DENIED, PRODUCTION, reportRequest } from './fixtures';

/** What the scripted person does with a dialog: click a button (or dismiss), and type in the typed-confirmation box. */
interface Script {
  readonly choose?: Choice | undefined;
  /** Never answer the modal (a person away from the keyboard). */
  readonly away?: boolean;
}

/** A person who follows a script, one entry per dialog, and remembers what they saw. */
class ScriptedPerson implements Prompter {
  readonly seen: DialogText[] = [];
  readonly typedTargets: string[] = [];
  readonly pausedNotices: TripInfo[] = [];
  readonly tooLateNotices: string[] = [];
  open = 0;
  maxOpen = 0;
  /** Answers the dialog that is waiting (for `away` dialogs). */
  pending: Array<(c: Choice | undefined) => void> = [];

  constructor(private readonly script: Script[]) {}

  choose(text: DialogText): Promise<Choice | undefined> {
    this.seen.push(text);
    const step = this.script.shift() ?? {};
    this.open++;
    this.maxOpen = Math.max(this.maxOpen, this.open);
    const close = <T>(v: T): T => {
      this.open--;
      return v;
    };
    if (step.away) return new Promise((resolve) => this.pending.push((c) => resolve(close(c))));
    // answered on a later turn of the event loop, as a person would
    return new Promise((resolve) => setImmediate(() => resolve(close(step.choose))));
  }

  typeToConfirm(target: string, _text: DialogText, signal: AbortSignal): Promise<boolean> {
    this.typedTargets.push(target);
    if (signal.aborted) return Promise.resolve(false);
    return Promise.resolve(this.typing === 'right');
  }

  paused(trip: TripInfo): void {
    this.pausedNotices.push(trip);
  }

  tooLate(text: DialogText): void {
    this.tooLateNotices.push(text.message);
  }

  /** What the person types in the typed-confirmation box: the target's name, or something else. */
  typing: 'right' | 'wrong' | undefined;
}

function harness(script: Script[], settings: Partial<FlowSettings> = {}, typing?: 'right' | 'wrong') {
  const person = new ScriptedPerson(script);
  person.typing = typing;
  const ledger = new Ledger();
  const records: DecisionRecord[] = [];
  ledger.onDidRecord((r) => records.push(r));
  const paused: boolean[] = [];
  const log: string[] = [];
  const flow = new ConfirmationFlow({
    prompter: person,
    ledger,
    settings: () => ({ timeoutSeconds: 110, breaker: { maxRiskyRequests: 100, windowSeconds: 60 }, ...settings }),
    log: (line) => log.push(line),
    onPausedChange: (p) => paused.push(p),
  });
  return { person, ledger, records, paused, log, flow };
}

const live = (): AbortSignal => new AbortController().signal;

describe('confirmation flow: one request', () => {
  const cases: Array<{ name: string; request?: Partial<ConfirmRequest>; script: Script[]; typing?: 'right' | 'wrong'; answer: 'allow' | 'deny'; by: string; typed?: string[] }> = [
    { name: 'Allow Once', script: [{ choose: 'allow-once' }], answer: 'allow', by: 'person: allow once' },
    { name: 'Allow for This Session', script: [{ choose: 'allow-session' }], answer: 'allow', by: 'person: allow for session' },
    { name: 'Deny', script: [{ choose: 'deny' }], answer: 'deny', by: 'person: deny' },
    { name: 'the dialog dismissed (Escape)', script: [{ choose: undefined }], answer: 'deny', by: 'person: deny' },
    { name: 'a production target, the right name typed', request: { verdict: PRODUCTION }, script: [{ choose: 'allow-once' }], typing: 'right', answer: 'allow', by: 'person: allow once', typed: ['prod-eu'] },
    { name: 'a production target, the wrong name typed', request: { verdict: PRODUCTION }, script: [{ choose: 'allow-once' }], typing: 'wrong', answer: 'deny', by: 'person: deny', typed: ['prod-eu'] },
    { name: 'a production target denied in the modal: nothing to type', request: { verdict: PRODUCTION }, script: [{ choose: 'deny' }], answer: 'deny', by: 'person: deny', typed: [] },
    { name: 'a critical action: the folder name typed', request: { verdict: CRITICAL }, script: [{ choose: 'allow-once' }], typing: 'right', answer: 'allow', by: 'person: allow once', typed: ['app'] },
    { name: 'a production target with a (forged) session click: still typed, still only once', request: { verdict: PRODUCTION }, script: [{ choose: 'allow-session' }], typing: 'right', answer: 'allow', by: 'person: allow once', typed: ['prod-eu'] },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.answer}, recorded as "${c.by}"`, async () => {
      const h = harness(c.script, {}, c.typing);
      const request = confirmRequest(c.request);
      const answer = await h.flow.confirm(request, live());
      assert.equal(answer.answer, c.answer);
      assert.equal(h.records.length, 1);
      const r = h.records[0]!;
      assert.equal(r.confirmedBy, c.by);
      assert.equal(r.outcome, c.answer === 'allow' ? 'allowed' : 'denied');
      assert.equal(r.source, 'hook');
      assert.equal(r.agent, 'claude');
      assert.equal(r.tool, 'Bash');
      assert.equal(r.subject, 'rm -rf victim');
      assert.equal(r.root, request.root);
      assert.equal(r.decision, 'confirm');
      assert.deepEqual(r.rules, request.verdict.reasons.map((x) => x.rule));
      if (c.typed) assert.deepEqual(h.person.typedTargets, c.typed);
      assert.match(h.log.join('\n'), new RegExp(`confirm claude Bash: rm -rf victim → ${c.answer === 'allow' ? 'allowed' : 'denied'} \\(${c.by}`));
    });
  }

  it('a request already past its deadline is denied without a dialog', async () => {
    const h = harness([{ choose: 'allow-once' }]);
    const answer = await h.flow.confirm(confirmRequest({ deadline: Date.now() - 1 }), live());
    assert.equal(answer.answer, 'deny');
    assert.equal(h.person.seen.length, 0);
    assert.equal(h.records[0]?.confirmedBy, 'timeout');
  });

  it('the hook hangs up while the modal is open → deny (timeout); a late Allow click only says it came too late', async () => {
    const h = harness([{ away: true }]);
    const hook = new AbortController();
    const answering = h.flow.confirm(confirmRequest(), hook.signal);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(h.person.seen.length, 1);
    hook.abort();
    const answer = await answering;
    assert.equal(answer.answer, 'deny');
    assert.match(answer.message ?? '', /nobody answered/);
    assert.equal(h.records[0]?.confirmedBy, 'timeout');
    h.person.pending[0]!('allow-once');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(h.records.length, 1, 'the late click recorded nothing');
    assert.deepEqual(h.person.tooLateNotices, ['Claude Code wants to run `rm -rf victim` in app']);
  });

  it('the timeout setting ends the wait when it is sooner than the hook\'s deadline', async () => {
    const h = harness([{ away: true }], { timeoutSeconds: 0.05 });
    const answer = await h.flow.confirm(confirmRequest(), live());
    assert.equal(answer.answer, 'deny');
    assert.equal(h.records[0]?.confirmedBy, 'timeout');
  });

  it('the dialog tells the person how long they have', async () => {
    const h = harness([{ choose: 'deny' }], { timeoutSeconds: 30 });
    await h.flow.confirm(confirmRequest(), live());
    assert.match(h.person.seen[0]?.detail ?? '', /No answer within (29|30) s denies it\./);
  });
});

describe('confirmation flow: session allowances', () => {
  it('after Allow for This Session the same request is allowed without a dialog; another one still asks', async () => {
    const h = harness([{ choose: 'allow-session' }, { choose: 'deny' }]);
    assert.equal((await h.flow.confirm(confirmRequest(), live())).answer, 'allow');
    assert.equal((await h.flow.confirm(confirmRequest({ id: 'again' }), live())).answer, 'allow');
    assert.equal(h.person.seen.length, 1);
    assert.equal((await h.flow.confirm(confirmRequest({ actions: [command('rm -rf other')] }), live())).answer, 'deny');
    assert.equal(h.person.seen.length, 2);
    assert.deepEqual(h.records.map((r) => r.confirmedBy), ['person: allow for session', 'session allowance', 'person: deny']);
  });

  it('a request queued behind the one the person allows for the session is settled by that allowance', async () => {
    const h = harness([{ choose: 'allow-session' }]);
    const first = h.flow.confirm(confirmRequest({ id: 'a' }), live());
    const second = h.flow.confirm(confirmRequest({ id: 'b' }), live());
    assert.deepEqual([(await first).answer, (await second).answer], ['allow', 'allow']);
    assert.equal(h.person.seen.length, 1);
    assert.deepEqual(h.records.map((r) => r.confirmedBy), ['person: allow for session', 'session allowance']);
  });
});

describe('confirmation flow: several agents at once', () => {
  it('one dialog at a time, in arrival order', async () => {
    const h = harness([{ choose: 'deny' }, { choose: 'allow-once' }, { choose: 'deny' }]);
    const answers = await Promise.all([
      h.flow.confirm(confirmRequest({ agent: 'claude' }), live()),
      h.flow.confirm(confirmRequest({ agent: 'codex' }), live()),
      h.flow.confirm(confirmRequest({ agent: 'gemini' }), live()),
    ]);
    assert.deepEqual(answers.map((a) => a.answer), ['deny', 'allow', 'deny']);
    assert.equal(h.person.maxOpen, 1);
    assert.deepEqual(h.person.seen.map((t) => t.message.split(' ')[0]), ['Claude', 'Codex', 'Gemini']);
  });

  it('a queued request whose hook gave up meanwhile is denied without being shown', async () => {
    const h = harness([{ away: true }, { choose: 'allow-once' }]);
    const gaveUp = new AbortController();
    const first = h.flow.confirm(confirmRequest({ agent: 'claude' }), live());
    const second = h.flow.confirm(confirmRequest({ agent: 'codex' }), gaveUp.signal);
    const third = h.flow.confirm(confirmRequest({ agent: 'gemini' }), live());
    await new Promise((resolve) => setImmediate(resolve));
    gaveUp.abort();
    assert.equal((await second).answer, 'deny');
    h.person.pending[0]!('deny');
    assert.equal((await first).answer, 'deny');
    assert.equal((await third).answer, 'allow');
    assert.deepEqual(h.person.seen.map((t) => t.message.split(' ')[0]), ['Claude', 'Gemini']);
    assert.deepEqual(h.records.map((r) => `${r.agent}: ${r.confirmedBy}`), ['codex: timeout', 'claude: person: deny', 'gemini: person: allow once']);
  });
});

describe('confirmation flow: circuit breaker', () => {
  it('the Nth risky request trips it: it and every later one are denied at once, saying how to resume; Resume Agents restores', async () => {
    const h = harness([{ choose: 'allow-once' }, { choose: 'allow-once' }, { choose: 'allow-once' }], { breaker: { maxRiskyRequests: 3, windowSeconds: 60 } });
    assert.equal((await h.flow.confirm(confirmRequest(), live())).answer, 'allow');
    assert.equal((await h.flow.confirm(confirmRequest(), live())).answer, 'allow');
    const third = await h.flow.confirm(confirmRequest(), live());
    assert.equal(third.answer, 'deny');
    assert.match(third.message ?? '', /paused agents.*3 risky requests within 60 s.*Agent Guard: Resume Agents/);
    const fourth = await h.flow.confirm(confirmRequest({ verdict: PRODUCTION }), live());
    assert.equal(fourth.answer, 'deny');
    assert.equal(h.person.seen.length, 2, 'no dialog once tripped');
    assert.equal(h.ledger.snapshot().protection.kind, 'paused');
    assert.deepEqual(h.paused, [true]);
    assert.equal(h.person.pausedNotices.length, 1);
    assert.deepEqual(h.records.map((r) => r.confirmedBy), ['person: allow once', 'person: allow once', 'circuit breaker', 'circuit breaker']);

    assert.equal(h.flow.resume(), true);
    assert.equal(h.ledger.snapshot().protection.kind, 'protected');
    assert.deepEqual(h.paused, [true, false]);
    assert.equal((await h.flow.confirm(confirmRequest(), live())).answer, 'allow', 'asks again after resuming');
    assert.equal(h.flow.resume(), false, 'nothing to resume');
  });

  it('a session allowance does not bypass a tripped breaker', async () => {
    const h = harness([{ choose: 'allow-session' }], { breaker: { maxRiskyRequests: 2, windowSeconds: 60 } });
    await h.flow.confirm(confirmRequest(), live());
    h.flow.report(reportRequest());
    assert.ok(h.flow.breaker.tripped);
    assert.equal((await h.flow.confirm(confirmRequest(), live())).answer, 'deny');
    assert.equal(h.records.at(-1)?.confirmedBy, 'circuit breaker');
  });

  it('requests queued when it trips are denied when their turn comes', async () => {
    const h = harness([{ away: true }], { breaker: { maxRiskyRequests: 3, windowSeconds: 60 } });
    const first = h.flow.confirm(confirmRequest({ agent: 'claude' }), live());
    const second = h.flow.confirm(confirmRequest({ agent: 'codex' }), live());
    await new Promise((resolve) => setImmediate(resolve));
    h.flow.report(reportRequest());
    h.person.pending[0]!('allow-once');
    assert.equal((await first).answer, 'allow', 'the dialog in front of the person stands');
    assert.equal((await second).answer, 'deny');
    assert.equal(h.records.at(-1)?.confirmedBy, 'circuit breaker');
  });

  it('resuming restores an "unprotected" state that was there before the pause', () => {
    const h = harness([], { breaker: { maxRiskyRequests: 1, windowSeconds: 60 } });
    h.ledger.setProtection({ kind: 'unprotected', detail: 'claude hook removed' });
    h.flow.report(reportRequest());
    assert.equal(h.ledger.snapshot().protection.kind, 'paused');
    h.flow.resume();
    assert.deepEqual(h.ledger.snapshot().protection, { kind: 'unprotected', detail: 'claude hook removed' });
  });
});

describe('confirmation flow: decisions hooks made by themselves', () => {
  const cases: Array<{ name: string; report: Partial<ReportRequest>; outcome: string; by: string | undefined; risky: boolean }> = [
    { name: 'a policy deny', report: { answer: 'deny', verdict: DENIED }, outcome: 'denied', by: undefined, risky: true },
    { name: 'an allow deferred to the agent', report: { answer: 'defer', verdict: ALLOWED, actions: [command('git status')] }, outcome: 'allowed', by: undefined, risky: false },
    { name: 'an auto-approved allow', report: { answer: 'allow', verdict: ALLOWED, actions: [command('git status')] }, outcome: 'allowed', by: 'auto-approve', risky: false },
    { name: 'a confirm handed to the agent\'s prompt', report: { answer: 'ask', verdict: CRITICAL, detail: 'the editor refused' }, outcome: 'held', by: 'agent prompt', risky: true },
    { name: 'a confirm denied for want of an editor answer', report: { answer: 'deny', verdict: CRITICAL }, outcome: 'denied', by: 'no editor answer', risky: true },
  ];
  for (const c of cases) {
    it(`${c.name} is recorded as ${c.outcome}${c.by ? ` (${c.by})` : ''} and ${c.risky ? 'counts' : 'does not count'} towards the breaker`, () => {
      const h = harness([], { breaker: { maxRiskyRequests: 1, windowSeconds: 60 } });
      const report = reportRequest(c.report);
      h.flow.report(report);
      assert.equal(h.records.length, 1);
      const r = h.records[0]!;
      assert.equal(r.outcome, c.outcome);
      assert.equal(r.confirmedBy, c.by);
      assert.equal(r.decision, report.verdict.decision);
      assert.equal(r.subject, report.actions.map((a) => (a.kind === 'command' ? a.command : '')).join('\n'));
      assert.equal(Boolean(h.flow.breaker.tripped), c.risky);
      assert.match(h.log[0] ?? '', new RegExp(`^hook claude Bash: .* → ${c.report.answer}`));
    });
  }
});

describe('confirmation flow: what it cannot handle is denied', () => {
  const broken: Array<{ name: string; request: () => ConfirmRequest }> = [
    { name: 'a verdict without reasons', request: () => ({ ...confirmRequest(), verdict: { decision: 'confirm', risk: 'high' } as unknown as ConfirmRequest['verdict'] }) },
    { name: 'reasons that are not objects', request: () => ({ ...confirmRequest(), verdict: { ...confirmRequest().verdict, reasons: [null] } as unknown as ConfirmRequest['verdict'] }) },
    { name: 'actions that are not objects', request: () => ({ ...confirmRequest(), actions: [42] as unknown as ConfirmRequest['actions'] }) },
  ];
  for (const c of broken) {
    it(`${c.name} → deny, never an allow`, async () => {
      const h = harness([{ choose: 'allow-once' }]);
      const answer = await h.flow.confirm(c.request(), live());
      assert.equal(answer.answer, 'deny');
    });
  }

  it('a dialog that throws → deny', async () => {
    const h = harness([]);
    h.person.choose = () => Promise.reject(new Error('no UI'));
    const answer = await h.flow.confirm(confirmRequest(), live());
    assert.equal(answer.answer, 'deny');
  });
});

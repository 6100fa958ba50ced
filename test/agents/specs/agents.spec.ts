/**
 * Every real agent, driven by the scripted model: a control run without our hook (each action really happens),
 * then runs with our hook installed by `agent-guard install` in user and workspace scope (dangerous actions are
 * stopped and the model is told our rule; the safe command runs) after the trust a person gives where the agent
 * asks for it (then `agent-guard doctor` sees no problem), and a run without that trust (the hook either still
 * runs, or doctor reported as a problem that the agent would skip it).
 */
import { strict as assert } from 'node:assert';
import { DRIVERS, type AgentDriver, type Scope } from '../harness/agents';
import { checkOrRecord, namePayloads } from '../harness/fixtures';
import { runSession, type SessionResult, type StepOutcome } from '../harness/session';
import { STEPS, WORKSPACE_STEPS, type Step } from '../harness/steps';
import { observe, suiteConfig } from '../suite';

interface Outcome extends StepOutcome {
  readonly session: SessionResult;
}

/** Whether our hook's answer to this step ends the agent's turn (see AgentDriver.endsTurn). */
function endsTurn(d: AgentDriver, step: Step): boolean {
  return (d.endsTurn === 'ask' && step.decision === 'confirm') || (d.endsTurn === 'block' && step.rule !== undefined);
}

/** One session for all steps, except those whose answer ends the agent's turn: each of them alone. */
function sessionGroups(d: AgentDriver, steps: readonly Step[], hook: Scope | undefined): Step[][] {
  if (!hook) return [[...steps]];
  const ending = steps.filter((s) => endsTurn(d, s));
  const rest = steps.filter((s) => !endsTurn(d, s));
  return [...ending.map((s) => [s]), ...(rest.length > 0 ? [rest] : [])];
}

/** At most `concurrency` agent sessions run at once, first come first served (they share nothing but the CPU). */
let running = 0;
const waiting: (() => void)[] = [];
async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  while (running >= suiteConfig().concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

async function runSteps(d: AgentDriver, steps: readonly Step[], hook: Scope | undefined, trusted = true, service = false): Promise<{ sessions: SessionResult[]; outcomes: Map<string, Outcome> }> {
  const c = suiteConfig();
  const sessions = await Promise.all(sessionGroups(d, steps, hook).map((group) =>
    inSlot(() => runSession({ driver: d, hook, trusted, steps: group, cli: c.cli, binDir: c.binDir, scratchParent: c.scratchParent, timeoutMs: c.timeoutMs, keep: c.keep, service }))));
  const outcomes = new Map<string, Outcome>();
  for (const session of sessions) for (const o of session.outcomes) outcomes.set(o.step.id, { ...o, session });
  return { sessions, outcomes };
}

function describeRun(o: Outcome): string {
  return `agent exit ${String(o.session.agentExit)}${o.session.timedOut ? ' (timed out)' : ''}; model was told: ${o.result === undefined ? '(nothing)' : JSON.stringify(o.result.slice(0, 400))}\nagent output: ${o.session.agentOutput.slice(-800)}`;
}

interface DoctorScope {
  readonly scope: Scope;
  readonly wired: boolean;
  readonly problems: readonly string[];
  readonly notes: readonly string[];
  readonly selfTest?: { readonly ok: boolean; readonly detail: string };
}

function doctorScope(s: SessionResult, scope: Scope): DoctorScope {
  assert.ok(s.doctor, 'doctor ran');
  const report = JSON.parse(s.doctor.stdout) as { agents: { scopes: DoctorScope[] }[] };
  const found = report.agents[0]?.scopes.find((x) => x.scope === scope);
  assert.ok(found, `doctor reports the ${scope} scope: ${s.doctor.stdout}`);
  return found;
}

/** Checks a hook-run outcome; returns what to show in the table. */
function assertStopped(d: AgentDriver, o: Outcome): string {
  const step = o.step;
  assert.equal(o.session.timedOut, false, `the agent hung; ${describeRun(o)}`);
  assert.equal(o.happened, false, `${step.title} happened although the hook was installed; ${describeRun(o)}`);
  const rule = step.rule ?? '';
  if (endsTurn(d, step)) {
    // Gemini -p cancels the turn on an ask, Cline stops the task on any block: the model hears nothing
    assert.equal(o.result, undefined, `${d.name} reported a result for a call its hook stopped: ${describeRun(o)}`);
    assert.ok(o.session.shownToPerson.includes(rule), `the person is shown ${rule}; ${describeRun(o)}`);
    assert.ok(o.session.payloads.length > 0, 'the hook ran');
    const where = o.session.agentOutput.includes(rule) ? 'shown' : "only in the agent's log";
    return `${d.endsTurn === 'ask' ? 'asked → turn cancelled' : 'blocked → task stopped'} (${rule} ${where})`;
  }
  assert.ok(o.result !== undefined, `the model was never told what happened to the call; ${describeRun(o)}`);
  assert.ok(o.result.includes(rule), `the reason the model got names ${rule}; ${describeRun(o)}`);
  return `blocked (${rule})`;
}

function assertRan(o: Outcome): string {
  assert.equal(o.session.timedOut, false, `the agent hung; ${describeRun(o)}`);
  assert.equal(o.happened, true, `${o.step.title} did not happen; ${describeRun(o)}`);
  assert.ok(o.result !== undefined && !o.result.includes('Agent Guard'), `the safe step reached the model untouched; ${describeRun(o)}`);
  return 'ran';
}

type Runs = { sessions: SessionResult[]; outcomes: Map<string, Outcome> };

interface AgentRuns {
  readonly control: Map<string, Outcome>;
  readonly hooked: Map<Scope, Runs>;
  readonly untrusted: Map<Scope, SessionResult>;
  /** The user-scope hook with the judge service (`agent-guard serve`) running beside the agent. */
  readonly served: Runs;
}

const SCOPES: readonly Scope[] = ['user', 'workspace'];

/** Every session of one agent — control, hook per scope, and without the trust switch — queued at once. */
async function runAgent(d: AgentDriver): Promise<AgentRuns> {
  const withTrust = SCOPES.filter((scope) => d.trust(scope) !== undefined);
  const [controlRuns, user, workspace, served, ...skipped] = await Promise.all([
    runSteps(d, STEPS, undefined),
    runSteps(d, STEPS, 'user'),
    runSteps(d, WORKSPACE_STEPS, 'workspace'),
    runSteps(d, STEPS, 'user', true, true),
    ...withTrust.map((scope) => runSteps(d, STEPS.filter((s) => s.id === 'delete-plain'), scope, false)),
  ]);
  const control = controlRuns.outcomes;
  const hooked = new Map<Scope, Runs>([['user', user], ['workspace', workspace]]);
  const untrusted = new Map<Scope, SessionResult>(withTrust.map((scope, i) => [scope, skipped[i]!.sessions[0]!]));
  const secs = (ss: readonly SessionResult[]): string => ss.map((x) => x.seconds.toFixed(1)).join('+');
  const sessionsOf = (m: Map<string, Outcome>): SessionResult[] => [...new Set([...m.values()].map((o) => o.session))];
  process.stdout.write(`  [${d.name}: sessions took control ${secs(sessionsOf(control))}s, ${SCOPES.map((sc) => `${sc} ${secs(hooked.get(sc)?.sessions ?? [])}s`).join(', ')}, untrusted ${secs([...untrusted.values()])}s]\n`);
  return { control, hooked, untrusted, served };
}

/**
 * Every selected agent's sessions are queued when the first agent's tests begin, slowest agent first (Gemini CLI
 * and Cline need one session per stopped step), so the suite waits for the busiest core rather than for the sum.
 */
let scheduled: Map<string, Promise<AgentRuns>> | undefined;
function runsOf(d: AgentDriver): Promise<AgentRuns> {
  if (!scheduled) {
    const selected = DRIVERS.filter((x) => suiteConfig().agents.includes(x.id));
    const slowestFirst = [...selected].sort((a, b) => Number(b.endsTurn !== 'none') - Number(a.endsTurn !== 'none'));
    scheduled = new Map(slowestFirst.map((x) => {
      const p = runAgent(x);
      p.catch(() => undefined); // awaited, and reported, by the agent's own tests
      return [x.id, p] as const;
    }));
  }
  const p = scheduled.get(d.id);
  if (!p) throw new Error(`${d.id} was not selected`);
  return p;
}

for (const d of DRIVERS.filter((x) => suiteConfig().agents.includes(x.id))) {
  describe(`${d.name} ${d.version}`, function () {
    this.timeout(10 * 60_000);
    let control: Map<string, Outcome>;
    let hooked: Map<Scope, Runs>;
    let untrusted: Map<Scope, SessionResult>;
    let served: Runs;
    const scopes = SCOPES;

    before(async function () {
      ({ control, hooked, untrusted, served } = await runsOf(d));
    });

    describe('hook installed in user scope, with the judge service (`agent-guard serve`) running', () => {
      for (const step of STEPS) {
        it(step.rule ? `${step.title}: stopped, naming ${step.rule}` : `${step.title}: runs untouched`, () => {
          const o = served.outcomes.get(step.id)!;
          observe(d.name, step.title, 'service', step.rule ? assertStopped(d, o) : assertRan(o));
        });
      }
      it('the hooks handed their calls to the service', () => {
        for (const s of served.sessions) {
          const calls = (s.serviceLog ?? '').split('\n').filter((l) => l.startsWith(`agent-guard serve: hook ${d.id}`));
          assert.ok(calls.length >= s.outcomes.length, `the service answered ${calls.length} calls for ${s.outcomes.length} steps:\n${s.serviceLog ?? '(no log)'}`);
        }
      });
    });

    describe('control run: no hook', () => {
      for (const step of STEPS) {
        it(`${step.title} really happens`, () => {
          const o = control.get(step.id)!;
          observe(d.name, step.title, 'control', o.happened ? 'happened' : 'did NOT happen');
          assert.equal(o.happened, true, `without our hook the action must happen, or the hook runs prove nothing; ${describeRun(o)}`);
          assert.ok(o.result !== undefined, `the agent reported the call back; ${describeRun(o)}`);
        });
      }
    });

    for (const scope of scopes) {
      const steps = scope === 'user' ? STEPS : WORKSPACE_STEPS;
      describe(`hook installed with \`agent-guard install --agent ${d.id} --scope ${scope}\``, () => {
        it('install succeeds; after the trust a person gives, doctor finds the hook wired, answering and without problems', () => {
          for (const s of hooked.get(scope)!.sessions) {
            assert.equal(s.install?.status, 0, s.install?.stdout);
            const ds = doctorScope(s, scope);
            assert.ok(ds.wired, `doctor: wired in ${scope}`);
            assert.equal(ds.selfTest?.ok, true, `doctor self-test: ${JSON.stringify(ds.selfTest)}`);
            assert.deepEqual(ds.problems, [], 'doctor sees no problem once the agent trusts the hook');
          }
        });
        for (const step of steps) {
          it(step.rule ? `${step.title}: stopped, naming ${step.rule}` : `${step.title}: runs untouched`, () => {
            const o = hooked.get(scope)!.outcomes.get(step.id)!;
            observe(d.name, step.title, scope, o.happened ? 'HAPPENED' : 'stopped');
            observe(d.name, step.title, scope, step.rule ? assertStopped(d, o) : assertRan(o));
          });
        }
        it(`hook stdin was recorded for every step and matches test/fixtures/hooks/${d.id}`, () => {
          const c = suiteConfig();
          const problems: string[] = [];
          for (const s of hooked.get(scope)!.sessions) {
            const { named, unnamed } = namePayloads(s.payloads);
            assert.deepEqual(unnamed, [], 'every hook payload belongs to a step');
            const seen = new Set(named.map((p) => p.name.split('.')[1]));
            for (const o of s.outcomes) assert.ok(seen.has(o.step.id), `no hook payload for ${o.step.id}: did the agent run the hook?`);
            // the workspace runs are compared with (never recorded over) the user-scope fixtures
            for (const p of named) {
              const problem = checkOrRecord(d.id, p, s.dirs, c.record && scope === 'user');
              if (problem) problems.push(problem);
            }
          }
          assert.deepEqual(problems, []);
        });
      });
    }

    for (const scope of scopes) {
      const trust = d.trust(scope);
      if (!trust) continue;
      it(`${scope} scope without ${trust.description}: the hook still runs, or doctor says it will be skipped`, () => {
        const s = untrusted.get(scope)!;
        const o = s.outcomes[0]!;
        const ran = s.payloads.length > 0 && !o.happened;
        const ds = doctorScope(s, scope);
        const said = ds.problems.filter((m) => /trust/i.test(m));
        observe(d.name, `without ${trust.description}`, scope, ran ? 'hook ran anyway' : `hook skipped by the agent; doctor: ${said.length > 0 ? 'problem reported' : 'SILENT'}`);
        if (!ran) assert.ok(said.length > 0, `the agent skipped our hook and doctor did not report it as a problem: ${JSON.stringify(ds)}`);
      });
    }
  });
}

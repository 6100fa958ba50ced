/**
 * The circuit breaker: a burst of risky requests (confirm or deny verdicts) from agents in a short window is
 * what a runaway agent looks like, and a person clicking through dialogs under that pressure is what goes wrong.
 * `maxRiskyRequests` within `windowSeconds` trips it; while tripped every further risky request is denied at once,
 * until the person resumes. No `vscode` import: unit-tested directly with an explicit clock.
 */

export interface BreakerSettings {
  readonly maxRiskyRequests: number;
  readonly windowSeconds: number;
}

export interface TripInfo {
  /** Epoch ms the breaker tripped. */
  readonly at: number;
  /** Risky requests seen in the window when it tripped. */
  readonly count: number;
  readonly windowSeconds: number;
}

export class CircuitBreaker {
  private times: number[] = [];
  private trip: TripInfo | undefined;

  /** Settings are read on every request, so a change applies to the next one. */
  constructor(private readonly settings: () => BreakerSettings) {}

  get tripped(): TripInfo | undefined {
    return this.trip;
  }

  /**
   * Counts one risky request at `now`. Returns the trip when this request is the one that trips the breaker;
   * undefined otherwise, also when the breaker was already tripped (callers refuse those before counting).
   */
  count(now: number): TripInfo | undefined {
    if (this.trip) return undefined;
    const { maxRiskyRequests, windowSeconds } = sane(this.settings());
    const since = now - windowSeconds * 1000;
    this.times = [...this.times.filter((t) => t > since), now];
    if (this.times.length < maxRiskyRequests) return undefined;
    this.trip = { at: now, count: this.times.length, windowSeconds };
    return this.trip;
  }

  /** The person resumed agents: closed again, counting from zero. */
  reset(): void {
    this.trip = undefined;
    this.times = [];
  }
}

/** Settings come from the user; never let a bad value switch the breaker off or make it trip on everything. */
function sane(s: BreakerSettings): BreakerSettings {
  const max = Number.isFinite(s.maxRiskyRequests) && s.maxRiskyRequests >= 1 ? Math.floor(s.maxRiskyRequests) : 5;
  const window = Number.isFinite(s.windowSeconds) && s.windowSeconds > 0 ? s.windowSeconds : 60;
  return { maxRiskyRequests: max, windowSeconds: window };
}

import * as assert from 'node:assert/strict';
import { CircuitBreaker, type BreakerSettings } from '../../../../src/vscode/confirm/circuitBreaker';

/** Counts risky requests at the given seconds; returns the 1-based index of the request that tripped, or 0. */
function tripIndex(settings: BreakerSettings, seconds: readonly number[]): number {
  const breaker = new CircuitBreaker(() => settings);
  for (const [i, s] of seconds.entries()) {
    if (breaker.tripped) return -1; // callers refuse before counting; a test that gets here is wrong
    if (breaker.count(s * 1000)) return i + 1;
  }
  return 0;
}

describe('circuit breaker', () => {
  const cases: Array<{ name: string; settings: BreakerSettings; seconds: number[]; trips: number }> = [
    { name: 'N requests inside the window trip it on the Nth', settings: { maxRiskyRequests: 3, windowSeconds: 60 }, seconds: [0, 1, 2], trips: 3 },
    { name: 'fewer than N never trip it', settings: { maxRiskyRequests: 3, windowSeconds: 60 }, seconds: [0, 1], trips: 0 },
    { name: 'requests spread wider than the window never trip it', settings: { maxRiskyRequests: 3, windowSeconds: 10 }, seconds: [0, 6, 12, 18, 24, 30], trips: 0 },
    { name: 'old requests leave the window', settings: { maxRiskyRequests: 3, windowSeconds: 10 }, seconds: [0, 5, 11, 12], trips: 4 },
    { name: 'a request exactly one window later no longer counts the first', settings: { maxRiskyRequests: 2, windowSeconds: 10 }, seconds: [0, 10], trips: 0 },
    { name: 'max 1: the first risky request trips it', settings: { maxRiskyRequests: 1, windowSeconds: 60 }, seconds: [5], trips: 1 },
    { name: 'a nonsense max falls back to 5, never to off', settings: { maxRiskyRequests: Number.NaN, windowSeconds: 60 }, seconds: [0, 1, 2, 3, 4], trips: 5 },
    { name: 'a zero max falls back to 5, not to "trip on everything"', settings: { maxRiskyRequests: 0, windowSeconds: 60 }, seconds: [0, 1, 2, 3, 4], trips: 5 },
    { name: 'a fractional max is rounded down', settings: { maxRiskyRequests: 2.7, windowSeconds: 60 }, seconds: [0, 1], trips: 2 },
    { name: 'a nonsense window falls back to 60 s', settings: { maxRiskyRequests: 2, windowSeconds: -1 }, seconds: [0, 59], trips: 2 },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(tripIndex(c.settings, c.seconds), c.trips));
  }

  it('says when and how many when it trips, and ignores requests while tripped', () => {
    const breaker = new CircuitBreaker(() => ({ maxRiskyRequests: 2, windowSeconds: 30 }));
    assert.equal(breaker.count(1000), undefined);
    assert.deepEqual(breaker.count(2000), { at: 2000, count: 2, windowSeconds: 30 });
    assert.deepEqual(breaker.tripped, { at: 2000, count: 2, windowSeconds: 30 });
    assert.equal(breaker.count(3000), undefined, 'already tripped: nothing new to report');
  });

  it('reset closes it and counts from zero', () => {
    const breaker = new CircuitBreaker(() => ({ maxRiskyRequests: 2, windowSeconds: 60 }));
    breaker.count(0);
    breaker.count(1000);
    breaker.reset();
    assert.equal(breaker.tripped, undefined);
    assert.equal(breaker.count(2000), undefined, 'the requests before the reset no longer count');
    assert.ok(breaker.count(3000));
  });

  it('reads the settings on every request', () => {
    let max = 10;
    const breaker = new CircuitBreaker(() => ({ maxRiskyRequests: max, windowSeconds: 60 }));
    breaker.count(0);
    breaker.count(1);
    max = 3;
    assert.ok(breaker.count(2), 'the lowered threshold applies to the next request');
  });
});

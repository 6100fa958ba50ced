/**
 * The watch's bookkeeping, kept free of timers and `vscode` so it is tested as a table:
 * - {@link ChangeBatcher}: file events arrive in bursts (a save is often delete+create, a `git checkout` touches
 *   many files); they are collected until the burst has been quiet for a moment (or has lasted too long), then
 *   handled together, so the person sees one notification per burst;
 * - {@link ExpectedWrites}: writes the editor or Agent Guard itself is about to make (an editor save, a restore),
 *   so their file events are not reported back as "changed outside the editor";
 * - {@link classifyChange}: what a settled change means, given the newest snapshot.
 */

export type ChangeKind = 'changed' | 'created' | 'deleted';

export interface PendingChange {
  readonly path: string;
  readonly kind: ChangeKind;
}

/** Folds two events on one path into what happened overall. */
export function mergeKinds(earlier: ChangeKind, later: ChangeKind): ChangeKind {
  if (later === 'deleted') return 'deleted';
  if (earlier === 'deleted') return 'changed'; // deleted then created again: replaced
  if (earlier === 'created') return 'created';
  return later === 'created' ? 'changed' : later;
}

export class ChangeBatcher {
  private readonly pending = new Map<string, ChangeKind>();
  private first: number | undefined;
  private last: number | undefined;

  /** @param quietMs how long a burst must be quiet; @param maxWaitMs the longest a burst is held back. */
  constructor(
    readonly quietMs: number,
    readonly maxWaitMs: number,
  ) {}

  note(path: string, kind: ChangeKind, now: number): void {
    const before = this.pending.get(path);
    this.pending.set(path, before === undefined ? kind : mergeKinds(before, kind));
    this.first ??= now;
    this.last = now;
  }

  /** When the current burst is due, or undefined when nothing is pending. */
  dueAt(): number | undefined {
    if (this.first === undefined || this.last === undefined) return undefined;
    return Math.min(this.last + this.quietMs, this.first + this.maxWaitMs);
  }

  /** The burst's changes when it is due at `now` (and forgets them), else nothing. */
  take(now: number): PendingChange[] {
    const due = this.dueAt();
    if (due === undefined || now < due) return [];
    const changes = [...this.pending].map(([path, kind]) => ({ path, kind }));
    this.pending.clear();
    this.first = undefined;
    this.last = undefined;
    return changes;
  }
}

/** A file's state as compared here: its content's sha256, or {@link ABSENT}. */
export type ContentState = string;
export const ABSENT = 'absent';
/** Any content (but not a removal): for a write whose result is not known in advance (an editor save). */
export const ANY = 'any';
/** A {@link ContentState}, or {@link ANY}. */
export type ExpectedState = string;

interface Expectation {
  readonly state: ExpectedState;
  readonly until: number;
}

export class ExpectedWrites {
  private readonly expected = new Map<string, Expectation[]>();

  expect(path: string, state: ExpectedState, now: number, ttlMs: number): void {
    const live = (this.expected.get(path) ?? []).filter((e) => e.until >= now);
    this.expected.set(path, [...live, { state, until: now + ttlMs }]);
  }

  /**
   * Whether the path's current state (`hash` or `absent`) is one that was expected (and not expired); a
   * matching expectation is used up.
   */
  consume(path: string, current: ContentState, now: number): boolean {
    const list = (this.expected.get(path) ?? []).filter((e) => e.until >= now);
    const index = list.findIndex((e) => (e.state === ANY && current !== ABSENT) || e.state === current);
    if (index >= 0) list.splice(index, 1);
    if (list.length === 0) this.expected.delete(path);
    else this.expected.set(path, list);
    return index >= 0;
  }

  /** Whether anything is still expected for `path` (a save is in flight). */
  pendingFor(path: string, now: number): boolean {
    return (this.expected.get(path) ?? []).some((e) => e.until >= now);
  }
}

/**
 * What to do with a settled change:
 * - `ignore`: the file is as the newest snapshot says (nothing changed, or our own restore);
 * - `baseline`: snapshot the new content without asking (an expected write, or nothing earlier to go back to);
 * - `notify`: tell the person, offering Restore / Show Diff / Keep (the earlier state can be restored).
 */
export type ChangeAction = 'ignore' | 'baseline' | 'notify';

export interface ChangeFacts {
  /** The newest snapshot's content hash, `absent` when it recorded an absence, undefined when there is none. */
  readonly latest: ContentState | undefined;
  /** The file now: its hash, or `absent`. */
  readonly current: ContentState;
  /** The change was expected (an editor save, Agent Guard's own write). */
  readonly expected: boolean;
  readonly kind: ChangeKind;
}

export function classifyChange(facts: ChangeFacts): ChangeAction {
  if (facts.latest === facts.current) return 'ignore';
  if (facts.expected) return 'baseline';
  if (facts.latest === undefined) {
    // never seen before: a new protected file can be undone (by removing it, keeping a copy); anything else has
    // no earlier state to go back to
    return facts.kind === 'created' && facts.current !== ABSENT ? 'notify' : 'baseline';
  }
  return 'notify';
}

/** How the change is described to the person. */
export function describeKind(facts: Pick<ChangeFacts, 'latest' | 'current'>): 'deleted' | 'created' | 'changed' {
  if (facts.current === ABSENT) return 'deleted';
  if (facts.latest === undefined || facts.latest === ABSENT) return 'created';
  return 'changed';
}

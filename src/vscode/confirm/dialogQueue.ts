/**
 * Requests from several agents arrive at once, but a person answers one dialog at a time: first come, first
 * shown. A request whose time ran out while it waited (its deadline passed, or its hook hung up) is settled
 * without being shown, so the person never answers a question nobody is waiting for. No `vscode` import.
 */

export interface QueuedDialog<T> {
  /** Epoch ms after which showing it is pointless. */
  readonly deadline: number;
  /** Fires when the hook stops waiting. */
  readonly signal: AbortSignal;
  /** Shows the dialog and resolves with the answer. */
  show(): Promise<T>;
  /** The answer when it is not shown (expired while waiting). */
  expired(): T;
}

export class DialogQueue {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Dialogs queued and not yet finished (including the one showing). */
  get length(): number {
    return this.waiting;
  }

  push<T>(dialog: QueuedDialog<T>): Promise<T> {
    this.waiting++;
    let started = false;
    let settled = false;
    return new Promise<T>((resolve, reject) => {
      const finish = (settle: () => void): void => {
        if (settled) return;
        settled = true;
        this.waiting--;
        dialog.signal.removeEventListener('abort', onAbort);
        settle();
      };
      const expire = (): void => {
        try {
          const value = dialog.expired();
          finish(() => resolve(value));
        } catch (e) {
          finish(() => reject(e instanceof Error ? e : new Error(String(e))));
        }
      };
      // a hook that stops waiting is answered at once, not when its turn comes
      const onAbort = (): void => {
        if (!started) expire();
      };
      dialog.signal.addEventListener('abort', onAbort, { once: true });
      const run = async (): Promise<void> => {
        if (settled) return;
        started = true;
        if (dialog.signal.aborted || this.now() >= dialog.deadline) return expire();
        try {
          const value = await dialog.show();
          finish(() => resolve(value));
        } catch (e) {
          finish(() => reject(e instanceof Error ? e : new Error(String(e))));
        }
      };
      // the next dialog waits for this one to finish (or to be skipped), whatever its outcome
      this.tail = this.tail.then(run, run);
    });
  }
}

/**
 * Runs `task` for a key at most twice at a time: the one running, and one more that starts after it and
 * serves every caller who came meanwhile. A flood of callbacks for the same account and steps thus costs two
 * queue writes, not one per callback, and no caller is answered before a write that began after it arrived
 * has finished, so no notification is lost between "job already running" and "job queued".
 *
 * With `gatherMs`, a write for an idle key waits that long first, so notifications that come together share it:
 * Kaufland announces a new order twice (`order_new`, then `order_unit_new` per unit) within milliseconds. Without
 * the wait the first queues the step, the worker starts it at once, and the second finds the job running and
 * queues another run that finds nothing new but holds up the account's next step.
 */
export class Coalescer {
  private readonly running = new Map<string, Promise<void>>();
  private readonly waiting = new Map<string, Promise<void>>();

  constructor(private readonly gatherMs = 0) {}

  run(key: string, task: () => Promise<void>): Promise<void> {
    const waiting = this.waiting.get(key);
    if (waiting) return waiting;
    const running = this.running.get(key);
    const before = running
      ? running.catch(() => undefined)
      : this.gatherMs > 0
        ? new Promise<void>((resolve) => setTimeout(resolve, this.gatherMs))
        : undefined;
    if (before) {
      const next = before.then(() => {
        this.waiting.delete(key);
        return this.start(key, task);
      });
      this.waiting.set(key, next);
      return next;
    }
    return this.start(key, task);
  }

  private start(key: string, task: () => Promise<void>): Promise<void> {
    const running = this.running.get(key);
    // Another write for the key began meanwhile (after a gather): queue behind it like any latecomer.
    if (running) return this.run(key, task);
    const started = task().finally(() => {
      if (this.running.get(key) === started) this.running.delete(key);
    });
    this.running.set(key, started);
    return started;
  }
}

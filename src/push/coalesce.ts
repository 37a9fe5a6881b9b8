/**
 * Runs `task` for a key at most twice at a time: the one running, and one more that starts after it and
 * serves every caller who came meanwhile. A flood of callbacks for the same account and steps thus costs two
 * queue writes, not one per callback, and no caller is answered before a write that began after it arrived
 * has finished, so no notification is lost between "job already running" and "job queued".
 */
export class Coalescer {
  private readonly running = new Map<string, Promise<void>>();
  private readonly waiting = new Map<string, Promise<void>>();

  run(key: string, task: () => Promise<void>): Promise<void> {
    const waiting = this.waiting.get(key);
    if (waiting) return waiting;
    const running = this.running.get(key);
    if (running) {
      const next = running
        .catch(() => undefined)
        .then(() => {
          this.waiting.delete(key);
          return this.run(key, task);
        });
      this.waiting.set(key, next);
      return next;
    }
    const started = task().finally(() => {
      if (this.running.get(key) === started) this.running.delete(key);
    });
    this.running.set(key, started);
    return started;
  }
}

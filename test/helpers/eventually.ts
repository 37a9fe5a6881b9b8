/**
 * Polls `probe` every 100 ms until `ok` accepts its value or `timeoutMs` passes, and returns the last value:
 * the caller's assertion on it then says what was wrong (the sync and the worker move on their own; no fixed
 * sleeps).
 */
export async function eventually<T>(
  probe: () => T | Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

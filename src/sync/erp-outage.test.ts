import { afterEach, describe, expect, it } from 'vitest';
import { useTimeScale } from '../core/clock.ts';
import { FIRST_WAIT_MS, MAX_WAIT_MS, nextTryAt } from './erp-outage.ts';

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);
const T0 = at(0).getTime();

describe('the ERP outage backoff', () => {
  afterEach(() => useTimeScale(1));

  it('waits as long as the outage has lasted, from the first wait up to the longest', () => {
    expect(nextTryAt({ since: at(0), lastFailureAt: at(0) }) - T0).toBe(FIRST_WAIT_MS);
    expect(nextTryAt({ since: at(0), lastFailureAt: at(10_000) }) - T0).toBe(20_000);
    expect(nextTryAt({ since: at(0), lastFailureAt: at(3_600_000) }) - T0).toBe(3_600_000 + MAX_WAIT_MS);
  });

  it('counts from a later probe when one was sent after the last failure', () => {
    expect(nextTryAt({ since: at(0), lastFailureAt: at(10_000) }, T0 + 15_000) - T0).toBe(25_000);
  });

  it('runs the same waits faster under a time scale (tests only)', () => {
    useTimeScale(10);
    expect(nextTryAt({ since: at(0), lastFailureAt: at(0) }) - T0).toBe(FIRST_WAIT_MS / 10);
    expect(nextTryAt({ since: at(0), lastFailureAt: at(3_600_000) }) - T0).toBe(3_600_000 + MAX_WAIT_MS / 10);
  });
});

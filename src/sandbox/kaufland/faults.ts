import { z } from 'zod';
import { validateBody } from './body.ts';

export const FAULT_KINDS = ['429', '500', 'timeout', 'malformed'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** A real gateway gives up after about 30 s; tests shorten the hold with `timeout_ms`. */
export const DEFAULT_TIMEOUT_MS = 30_000;

export const faultConfigSchema = z.strictObject({
  rate: z.number().min(0).max(1),
  kinds: z.array(z.enum(FAULT_KINDS)).default([...FAULT_KINDS]),
  timeout_ms: z.int().min(0).max(600_000).default(DEFAULT_TIMEOUT_MS),
});
export type FaultConfig = z.output<typeof faultConfigSchema>;
export type FaultInput = z.input<typeof faultConfigSchema>;

/**
 * Chaos for /v2 calls only. '429' and '500' answer before the request is looked at (nothing changes), while
 * 'timeout' and 'malformed' let the request take effect and then withhold or garble the answer: the cases where a
 * client cannot know whether its write happened, which is what makes retries need to be harmless.
 */
export class FaultInjector {
  private config: FaultConfig = { rate: 0, kinds: [...FAULT_KINDS], timeout_ms: DEFAULT_TIMEOUT_MS };

  constructor(private readonly random: () => number = Math.random) {}

  set(input: FaultInput): FaultConfig {
    this.config = validateBody(faultConfigSchema, input);
    return this.current();
  }

  current(): FaultConfig {
    return { ...this.config, kinds: [...this.config.kinds] };
  }

  /** The fault for this request, if any. */
  pick(): FaultKind | undefined {
    const { rate, kinds } = this.config;
    if (rate <= 0 || kinds.length === 0 || this.random() >= rate) return undefined;
    return kinds[Math.floor(this.random() * kinds.length)];
  }
}

/** A body cut in half: valid JSON up to a point, then nothing, as when a proxy drops the connection mid-stream. */
export function garble(payload: string): string {
  const json = payload === '' ? '{"data":{"message":"Never tell me the odds"}}' : payload;
  return json.slice(0, Math.max(1, Math.floor(json.length / 2)));
}

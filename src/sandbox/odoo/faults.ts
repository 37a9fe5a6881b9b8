import { z } from 'zod';

/**
 * Injected failures for retry tests: `http500`/`http502`/`http503` answer with that status, `timeout` never
 * answers (the client's timeout fires), `reset` drops the connection. Applied before the call runs, so nothing
 * is committed, like a proxy failing in front of Odoo.
 */
export const FAULT_KINDS = ['http500', 'http502', 'http503', 'timeout', 'reset'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultsSchema = z.object({
  rate: z.number().min(0).max(1),
  kinds: z.array(z.enum(FAULT_KINDS)).min(1).default(['http503']),
  /** Stop after this many injected faults (deterministic tests: rate 1, count 2). */
  count: z.number().int().positive().optional(),
});
export type FaultsInput = z.input<typeof faultsSchema>;

export class FaultInjector {
  private config: z.infer<typeof faultsSchema> = { rate: 0, kinds: ['http503'] };
  private injected = 0;

  set(input: FaultsInput): void {
    this.config = faultsSchema.parse(input);
    this.injected = 0;
  }

  /** The fault to apply to this request, if any. */
  next(): FaultKind | undefined {
    const { rate, kinds, count } = this.config;
    if (rate <= 0 || (count !== undefined && this.injected >= count)) return undefined;
    if (rate < 1 && Math.random() >= rate) return undefined;
    this.injected += 1;
    return kinds[Math.floor(Math.random() * kinds.length)];
  }

  get status() {
    return { ...this.config, injected: this.injected };
  }
}

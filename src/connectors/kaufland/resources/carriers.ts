import { z } from 'zod';
import type { components } from '../generated/openapi.d.ts';
import type { KauflandApi } from '../kaufland.api.ts';
import { dataOf } from '../schemas/common.ts';

const carrierSchema = z.looseObject({
  name: z.string().min(1),
  isHauler: z.boolean(),
}) satisfies z.ZodType<components['schemas']['Carrier']>;

const carriersSchema = dataOf(z.looseObject({ carriers: z.array(carrierSchema) }));

/** `name` is the carrier code for order-unit send, with Kaufland's exact spelling ("DHL", "Deutsche Post", …). */
export type Carrier = z.infer<typeof carrierSchema>;

export interface CarriersResource {
  /** GET /carriers: every carrier code Kaufland accepts; `isHauler` marks freight forwarders. */
  list(): Promise<Carrier[]>;
}

export function createCarriersResource(api: KauflandApi): CarriersResource {
  return {
    async list() {
      const body = await api.json({ method: 'GET', path: '/carriers' }, carriersSchema);
      return body.data.carriers;
    },
  };
}

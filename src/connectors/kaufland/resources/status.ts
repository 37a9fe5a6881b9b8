import { z } from 'zod';
import type { components } from '../generated/openapi.d.ts';
import type { KauflandApi } from '../kaufland.api.ts';
import { dataOf } from '../schemas/common.ts';

const pingSchema = dataOf(
  z.looseObject({ message: z.string() }) satisfies z.ZodType<components['schemas']['PingMessage']>,
);

export interface StatusResource {
  /** GET /status/ping: Kaufland's constant "pong" message while the API is up. Signed like every call. */
  ping(): Promise<string>;
}

export function createStatusResource(api: KauflandApi): StatusResource {
  return {
    async ping() {
      const body = await api.json({ method: 'GET', path: '/status/ping' }, pingSchema);
      return body.data.message;
    },
  };
}

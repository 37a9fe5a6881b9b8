import { z } from 'zod';
import { uuidId } from '../../core/ids.ts';

/**
 * Action routes ("verify", "retry", "start the demo") take no body: nothing (Fastify reads that as null), or
 * `{}` as the web app sends.
 * Anything else is refused, so a stray body never passes as if it had been understood.
 */
export const noBody = z
  .strictObject({}, { error: 'This request takes no body: send nothing or {}.' })
  .nullish();

export const accountIdParams = z.object({ id: uuidId('an account') });

/** Pages of a list: 1-based; the cap keeps OFFSET far from PostgreSQL's bigint range. */
export const paging = {
  page: z.coerce
    .number({ error: 'Use a page number from 1.' })
    .int('Use a whole page number.')
    .min(1, 'Use a page number from 1.')
    .max(100_000, 'Use a page number up to 100,000.')
    .default(1),
  pageSize: z.coerce
    .number({ error: 'Use a page size from 1 to 200.' })
    .int('Use a whole page size.')
    .min(1, 'Use a page size from 1 to 200.')
    .max(200, 'Use a page size from 1 to 200.')
    .default(50),
};

import { z } from 'zod';
import { uuidId } from '../../core/ids.ts';
import { RETURN_STATUSES } from '../../views/after-sale.queries.ts';
import { paging } from './common.schemas.ts';

/** The Returns page's query string (after-sale.routes.ts). */
export const returnsQuery = z.object({
  status: z.enum(RETURN_STATUSES, { error: `Use one of ${RETURN_STATUSES.join(', ')}.` }).optional(),
  account: uuidId('an account').optional(),
  ...paging,
});
export type ReturnsQuery = z.output<typeof returnsQuery>;

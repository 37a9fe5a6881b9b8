import { z } from 'zod';
import { uuidId } from '../../core/ids.ts';
import { text } from '../../core/text.ts';
import { paging } from './common.schemas.ts';

/** The query strings of the dashboard's lists (views.routes.ts); the web app builds its links from these types. */
const search = text().trim().max(100, 'Search for at most 100 characters.').optional();

export const ORDER_STATES = ['open', 'received', 'held', 'in_erp', 'shipped', 'cancelled'] as const;
export const OFFER_FILTERS = ['all', 'out_of_sync', 'no_ean', 'not_on_marketplace'] as const;

export const ordersQuery = z.object({
  q: search,
  state: z.enum(ORDER_STATES, { error: `Use one of ${ORDER_STATES.join(', ')}.` }).optional(),
  account: uuidId('an account').optional(),
  ...paging,
});
/** After defaults: what the web app sends (numbers are written into the query string). */
export type OrdersQuery = z.output<typeof ordersQuery>;

export const offersQuery = z.object({
  account: uuidId('an account'),
  channel: z
    .string({ error: 'Choose a storefront such as de.' })
    .regex(/^[a-z]{2}$/, 'Use a two-letter storefront code such as de.'),
  filter: z.enum(OFFER_FILTERS, { error: `Use one of ${OFFER_FILTERS.join(', ')}.` }).default('all'),
  q: search,
  ...paging,
});
export type OffersQuery = z.output<typeof offersQuery>;

export const accountQuery = z.object({ account: uuidId('an account') });

export const orderIdParams = z.object({ id: uuidId('an order') });

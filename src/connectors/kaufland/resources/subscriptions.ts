import { z } from 'zod';
import type { components } from '../generated/openapi.d.ts';
import type { KauflandApi } from '../kaufland.api.ts';
import { paginate, collect } from '../paging.ts';
import { dataOf, enumOf, pageOf, storefrontSchema } from '../schemas/common.ts';

type Schemas = components['schemas'];
export type SubscriptionEvent = Schemas['SubscriptionEventName'];
type Storefront = Schemas['Storefront'];

export const subscriptionEventSchema = enumOf<SubscriptionEvent>()([
  'order_new',
  'order_unit_new',
  'order_unit_status_changed',
  'item_changed',
  'category_changed',
  'return_new',
  'return_status_changed',
  'return_unit_status_changed',
  'item_unit_new',
  'item_unit_changed',
  'item_unit_deleted',
  'item_unit_out_of_stock',
  'item_unit_not_available',
  'item_unit_available',
]);

// The spec types the id as a double; ids are whole numbers in every example.
const subscriptionSchema = z.looseObject({
  id_subscription: z.number().int(),
  callback_url: z.string(),
  fallback_email: z.string(),
  event_name: subscriptionEventSchema,
  is_active: z.boolean(),
  storefront: storefrontSchema.nullable(),
}) satisfies z.ZodType<Schemas['Subscription']>;

export type Subscription = z.infer<typeof subscriptionSchema>;

export interface NewSubscription {
  callback_url: string;
  fallback_email: string;
  event_name: SubscriptionEvent;
}

export type SubscriptionChanges = Partial<NewSubscription & { is_active: boolean }>;

export interface SubscriptionsResource {
  /** GET /subscriptions (30 per page, the spec's maximum), every page. */
  list(): Promise<Subscription[]>;
  /** POST /subscriptions?storefront=: Kaufland then sends a verification request to the callback URL. */
  create(storefront: Storefront, subscription: NewSubscription): Promise<Subscription>;
  /** PATCH: `is_active: true` re-enables a subscription Kaufland disabled after failed deliveries. */
  update(id: number, changes: SubscriptionChanges): Promise<Subscription>;
  remove(id: number): Promise<void>;
}

const pageSchema = pageOf(subscriptionSchema);
const bodySchema = dataOf(subscriptionSchema);
const PAGE_LIMIT = 30;

export function createSubscriptionsResource(api: KauflandApi): SubscriptionsResource {
  return {
    list: () =>
      collect(
        paginate(
          async (offset, limit) => {
            const body = await api.json(
              { method: 'GET', path: '/subscriptions', query: { offset, limit } },
              pageSchema,
            );
            return { items: body.data, pagination: body.pagination };
          },
          { limit: PAGE_LIMIT },
        ),
      ),
    async create(storefront, subscription) {
      const call = {
        method: 'POST',
        path: '/subscriptions',
        query: { storefront },
        body: subscription,
      } as const;
      return (await api.json(call, bodySchema)).data;
    },
    async update(id, changes) {
      const call = {
        method: 'PATCH',
        path: '/subscriptions/{id_subscription}',
        pathParams: { id_subscription: id },
        body: changes,
      } as const;
      return (await api.json(call, bodySchema)).data;
    },
    async remove(id) {
      await api.noContent({
        method: 'DELETE',
        path: '/subscriptions/{id_subscription}',
        pathParams: { id_subscription: id },
      });
    },
  };
}

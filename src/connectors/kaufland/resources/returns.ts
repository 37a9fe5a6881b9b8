import type { components, operations } from '../generated/openapi.d.ts';
import type { KauflandApi } from '../kaufland.api.ts';
import { dataOf, pageOf, type Page } from '../schemas/common.ts';
import {
  initializedReturnSchema,
  returnDetailsSchema,
  returnSchema,
  type Return,
  type ReturnDetails,
} from '../schemas/return.ts';

export type { Return, ReturnDetails } from '../schemas/return.ts';
/** storefront, ts_created_from_iso, ts_updated_from_iso, tracking_code, status[], sort, limit ≤ 100, offset. */
export type ReturnListQuery = NonNullable<operations['GetReturns']['parameters']['query']>;
export type ReturnEmbeddable = components['schemas']['ReturnEmbeddable'];
export type NewReturnLine = components['schemas']['InitializeReturnRequest'];

export interface ReturnsResource {
  list(query?: ReturnListQuery): Promise<Page<Return>>;
  get(idReturn: number, embedded?: readonly ReturnEmbeddable[]): Promise<ReturnDetails>;
  /** POST /returns → 201: a seller-initiated return for order units of one order (note: 5-100 characters). */
  create(lines: readonly NewReturnLine[]): Promise<ReturnDetails>;
}

const returnPageSchema = pageOf(returnSchema);
const returnBodySchema = dataOf(returnDetailsSchema);
const initializedBodySchema = dataOf(initializedReturnSchema);

export function createReturnsResource(api: KauflandApi): ReturnsResource {
  return {
    async list(query = {}) {
      const body = await api.json({ method: 'GET', path: '/returns', query }, returnPageSchema);
      return { items: body.data, pagination: body.pagination };
    },
    async get(idReturn, embedded) {
      const call = {
        method: 'GET',
        path: '/returns/{id_return}',
        pathParams: { id_return: idReturn },
        query: { embedded },
      } as const;
      return (await api.json(call, returnBodySchema)).data;
    },
    async create(lines) {
      const call = {
        method: 'POST',
        path: '/returns',
        body: lines,
        refusal: {
          code: 'kaufland.return_refused',
          advice:
            'Check that the order lines belong to one order, were shipped and are not in another return.',
        },
      } as const;
      return (await api.json(call, initializedBodySchema)).data;
    },
  };
}

import type { components, operations } from '../generated/openapi.d.ts';
import type { KauflandApi } from '../kaufland.api.ts';
import { dataOf, pageOf, type Page } from '../schemas/common.ts';
import {
  returnUnitDetailsSchema,
  returnUnitSchema,
  type ReturnUnit,
  type ReturnUnitDetails,
} from '../schemas/return.ts';

export type { ReturnUnit, ReturnUnitDetails } from '../schemas/return.ts';
/** storefront, ts_created_from_iso, status[], sort, limit, offset: no `ts_updated_from_iso` (use GET /returns). */
export type ReturnUnitListQuery = NonNullable<operations['GetReturnUnits']['parameters']['query']>;
export type ReturnUnitAction = 'accept' | 'reject' | 'clarify' | 'repair';

export interface ReturnUnitsResource {
  list(query?: ReturnUnitListQuery): Promise<Page<ReturnUnit>>;
  /** GET /return-units/{id}?embedded=order_unit: the unit with its return and its order unit. */
  get(idReturnUnit: number): Promise<ReturnUnitDetails>;
  /**
   * PATCH …/{action} → 204. `message` goes to the buyer (Kaufland opens a ticket) and is required for reject and
   * clarify. A status that does not allow the action is a 403 (`kaufland.forbidden`).
   */
  act(idReturnUnit: number, action: ReturnUnitAction, message?: string): Promise<void>;
}

const unitPageSchema = pageOf(returnUnitSchema);
const unitBodySchema = dataOf(returnUnitDetailsSchema);

const PATHS = {
  accept: '/return-units/{id_return_unit}/accept',
  reject: '/return-units/{id_return_unit}/reject',
  clarify: '/return-units/{id_return_unit}/clarify',
  repair: '/return-units/{id_return_unit}/repair',
} as const satisfies Record<ReturnUnitAction, string>;

export function createReturnUnitsResource(api: KauflandApi): ReturnUnitsResource {
  return {
    async list(query = {}) {
      const body = await api.json({ method: 'GET', path: '/return-units', query }, unitPageSchema);
      return { items: body.data, pagination: body.pagination };
    },
    async get(idReturnUnit) {
      const call = {
        method: 'GET',
        path: '/return-units/{id_return_unit}',
        pathParams: { id_return_unit: idReturnUnit },
        query: { embedded: ['order_unit'] },
      } as const;
      return (await api.json(call, unitBodySchema)).data;
    },
    async act(idReturnUnit, action, message) {
      const withMessage = action === 'reject' || action === 'clarify';
      await api.noContent({
        method: 'PATCH',
        path: PATHS[action],
        pathParams: { id_return_unit: idReturnUnit },
        body: withMessage
          ? ({ message: message ?? '' } satisfies components['schemas']['ReturnUnitRejectRequest'])
          : undefined,
      });
    },
  };
}

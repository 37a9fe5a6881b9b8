import type { components, operations } from '../generated/openapi.d.ts';
import type { KauflandApi } from '../kaufland.api.ts';
import { badResponse } from '../kaufland.errors.ts';
import { collect, paginate } from '../paging.ts';
import { dataOf, pageOf, type Page } from '../schemas/common.ts';
import { unitSchema, type Unit } from '../schemas/unit.ts';
import { bulkUpdateUnits, type BulkUnitResult, type BulkUnitUpdate } from './units-bulk.ts';

export type { Unit } from '../schemas/unit.ts';
export type { BulkUnitResult, BulkUnitUpdate } from './units-bulk.ts';
export type Storefront = components['schemas']['Storefront'];
export type UnitListQuery = operations['getUnits']['parameters']['query'];
/** POST /units body: `id_offer`, `listing_price` (cents ≥ 1), `handling_time` (0–100 days), `ean` or `id_product`. */
export type NewUnit = components['schemas']['UnitRequest'];
export type UnitChanges = components['schemas']['UnitPatchRequest'];

/**
 * POST /units answers either 200 with the unit (what the spec says) or an empty body with a `Location` header
 * (what a real integration saw). Both become this; `id_unit` is read from the Location path when there is no unit.
 */
export type CreatedUnit =
  | { unit: Unit; id_unit: number; location: string | undefined }
  | { unit: undefined; id_unit: number | undefined; location: string };

export interface UnitsResource {
  list(query: UnitListQuery): Promise<Page<Unit>>;
  iterate(query: Omit<UnitListQuery, 'offset'>): AsyncGenerator<Unit, void, undefined>;
  /** The units of one SKU on one storefront; new units can take minutes to appear here. */
  listByOffer(storefront: Storefront, idOffer: string): Promise<Unit[]>;
  get(storefront: Storefront, idUnit: number): Promise<Unit>;
  create(storefront: Storefront, unit: NewUnit): Promise<CreatedUnit>;
  patch(storefront: Storefront, idUnit: number, changes: UnitChanges): Promise<Unit>;
  /** Any number of updates, sent 150 per call; one result per unit, in input order. */
  bulkUpdate(storefront: Storefront, updates: readonly BulkUnitUpdate[]): Promise<BulkUnitResult[]>;
}

const unitPageSchema = pageOf(unitSchema);
const unitBodySchema = dataOf(unitSchema);

export function createUnitsResource(api: KauflandApi): UnitsResource {
  async function list(query: UnitListQuery): Promise<Page<Unit>> {
    const body = await api.json({ method: 'GET', path: '/units', query }, unitPageSchema);
    return { items: body.data, pagination: body.pagination };
  }

  return {
    list,
    iterate: (query) =>
      paginate((offset, limit) => list({ ...query, offset, limit }), { limit: query.limit }),
    listByOffer: (storefront, idOffer) =>
      collect(paginate((offset, limit) => list({ storefront, id_offer: idOffer, offset, limit }))),
    async get(storefront, idUnit) {
      const call = {
        method: 'GET',
        path: '/units/{id_unit}',
        pathParams: { id_unit: idUnit },
        query: { storefront },
      } as const;
      return (await api.json(call, unitBodySchema)).data;
    },
    async create(storefront, unit) {
      const call = { method: 'POST', path: '/units', query: { storefront }, body: unit } as const;
      const { data, location } = await api.jsonOrEmpty(call, unitBodySchema);
      if (data) return { unit: data.data, id_unit: data.data.id_unit, location };
      if (location) return { unit: undefined, id_unit: idFromLocation(location), location };
      throw badResponse({ method: 'POST', endpoint: '/units' }, 'neither a unit nor a Location header');
    },
    async patch(storefront, idUnit, changes) {
      const call = {
        method: 'PATCH',
        path: '/units/{id_unit}',
        pathParams: { id_unit: idUnit },
        query: { storefront },
        body: changes,
      } as const;
      return (await api.json(call, unitBodySchema)).data;
    },
    bulkUpdate: (storefront, updates) => bulkUpdateUnits(api, storefront, updates),
  };
}

/** `…/v2/units/123456789` (absolute or relative, trailing slash or not) → 123456789. */
export function idFromLocation(location: string): number | undefined {
  const match = /\/units\/(\d+)\/?(?:[?#].*)?$/.exec(location);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

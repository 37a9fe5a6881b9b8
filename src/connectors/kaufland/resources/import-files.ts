import { z } from 'zod';
import type { components } from '../generated/openapi.d.ts';
import type { KauflandApi } from '../kaufland.api.ts';
import { dataOf, enumOf, intSchema, pageOf, storefrontSchema } from '../schemas/common.ts';

type Schemas = components['schemas'];
type Storefront = Schemas['Storefront'];
export type ImportStatus = Schemas['ImportStatus'];

export const importStatusSchema = enumOf<ImportStatus>()([
  'NEW',
  'DOWNLOADING',
  'DOWNLOADED',
  'DOWNLOADING_FAILED',
  'PENDING_CONVERSION',
  'CONVERTING',
  'CONVERSION_FAILED',
  'PREPARING',
  'PREPARED',
  'PREPARING_FAILED',
  'CHECKING',
  'CHECKED',
  'CHECKING_FAILED',
  'PREPROCESSING',
  'PREPROCESSED',
  'PREPROCESSING_FAILED',
  'IMPORTING',
  'IMPORTED',
  'IMPORTING_FAILED',
  'IMPORTING_STOPPED',
  'ABORTED',
]);

// The spec marks every field required and the times as plain date-times; an unfinished file may well carry
// nulls there, and nothing the hub decides rests on them, so they are read leniently.
const inventoryFeedFileSchema = z.looseObject({
  id_import_file: intSchema.min(1),
  storefront: storefrontSchema,
  status: importStatusSchema,
  uri: z.string(),
  note: z.string().nullable().optional(),
  total_lines: intSchema.nullable().optional(),
  current_line: intSchema.nullable().optional(),
  error_count: intSchema.nullable().optional(),
  ts_created_iso: z.string().nullable().optional(),
  ts_completed_iso: z.string().nullable().optional(),
});

export type InventoryFeedFile = z.infer<typeof inventoryFeedFileSchema>;

export interface ImportFilesResource {
  /** POST /import-files/inventory-feed?storefront=: Kaufland downloads the CSV at `url` and imports it. */
  addInventoryFeed(storefront: Storefront, url: string): Promise<InventoryFeedFile>;
  /** GET /import-files/inventory-feed: the newest 30 files of the storefront (the spec's page maximum). */
  recentInventoryFeeds(storefront: Storefront): Promise<InventoryFeedFile[]>;
  getInventoryFeed(storefront: Storefront, id: number): Promise<InventoryFeedFile>;
}

const fileBody = dataOf(inventoryFeedFileSchema);
const filePage = pageOf(inventoryFeedFileSchema);

export function createImportFilesResource(api: KauflandApi): ImportFilesResource {
  return {
    async addInventoryFeed(storefront, url) {
      const call = {
        method: 'POST',
        path: '/import-files/inventory-feed',
        query: { storefront },
        body: { url },
        // A second registration would import the same file twice; an unknown outcome is looked up instead.
        once: `registering the inventory feed ${url}`,
      } as const;
      return (await api.json(call, fileBody)).data;
    },
    async recentInventoryFeeds(storefront) {
      const call = {
        method: 'GET',
        path: '/import-files/inventory-feed',
        query: { storefront, sort: 'id:desc', limit: 30, offset: 0 },
      } as const;
      return (await api.json(call, filePage)).data;
    },
    async getInventoryFeed(storefront, id) {
      const call = {
        method: 'GET',
        path: '/import-files/inventory-feed/{id_import_file}',
        pathParams: { id_import_file: id },
        query: { storefront },
      } as const;
      return (await api.json(call, fileBody)).data;
    },
  };
}

import { z } from 'zod';

/** What the type pickers of the Accounts and ERP pages read: one entry per registered connector. */
export const accountTypesResponse = z.object({
  types: z.array(z.object({ type: z.string(), name: z.string(), defaultBaseUrl: z.string() })),
});
export type AccountType = z.infer<typeof accountTypesResponse>['types'][number];

export const erpTypesResponse = z.object({
  types: z.array(z.object({ type: z.string(), name: z.string() })),
});
export type ErpType = z.infer<typeof erpTypesResponse>['types'][number];

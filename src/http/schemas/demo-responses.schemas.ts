import { z } from 'zod';
import type { DemoInfo } from '../routes/demo.routes.ts';
import { responseOf } from './same-shape.ts';

/** The sandbox demo (demo.routes.ts): what the pages may know of it, never the sandbox seller's secret. */
/** `mismatchSku` is one fixed SKU in the type; the answer is just a string. */
export const demoInfo = responseOf<Omit<DemoInfo, 'mismatchSku'> & { mismatchSku: string }>()(
  z.object({
    accountId: z.string(),
    startedAt: z.string(),
    storefronts: z.array(z.string()),
    products: z.number(),
    mismatchSku: z.string().describe('The planted SKU the ERP does not know (shown by the SKU check)'),
  }),
);

export const demoResponse = z.object({ demo: demoInfo.nullable().describe('null while no demo runs') });

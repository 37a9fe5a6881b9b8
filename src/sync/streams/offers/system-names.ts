import { erpConnectors, marketplaceConnectors } from '../../../connectors/index.ts';
import type { StepContext } from '../../step-context.ts';

/** The names sellers know the two sides by ("Odoo", "Kaufland"), for issue messages. */
export interface SystemNames {
  erp: string;
  marketplace: string;
}

export async function systemNames(ctx: StepContext): Promise<SystemNames> {
  const erp = await ctx.db.selectFrom('erp_connections').select('type').executeTakeFirst();
  return {
    erp: (erp && erpConnectors[erp.type]?.displayName) ?? 'the ERP',
    marketplace: marketplaceConnectors[ctx.account.type]?.displayName ?? ctx.account.type,
  };
}

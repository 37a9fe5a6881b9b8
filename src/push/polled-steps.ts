import type { AppContext } from '../app-context.ts';
import { marketplacePush } from '../connectors/push-registry.ts';
import type { PushChange } from '../core/ports/push.port.ts';
import { isStep, type Step } from '../sync/steps.ts';
import { pushDb } from './push-tables.ts';

/** The ERP's rules report these; each wakes the step of the same name for every account. */
const ERP_CHANGES: readonly PushChange[] = ['stock', 'shipments', 'cancellations'];

/**
 * Per account, the steps push wakes while it works: the scheduler polls those only as a safety net
 * (ADLERDO_PUSH_POLL_SECONDS). A failed or unverified subscription counts as no push.
 */
export async function pushedSteps(app: AppContext): Promise<Map<string, Set<Step>>> {
  const rows = await pushDb(app.db)
    .selectFrom('push_endpoints')
    .leftJoin('marketplace_accounts', 'marketplace_accounts.id', 'push_endpoints.account_id')
    .select(['push_endpoints.kind', 'push_endpoints.account_id', 'marketplace_accounts.type'])
    .where('push_endpoints.state', '=', 'active')
    .execute();
  const accountIds = (await app.accounts.list()).map((account) => account.id);
  const erpActive = rows.some((row) => row.kind === 'erp');
  const inactive = await pushDb(app.db)
    .selectFrom('push_subscriptions')
    .select('account_id')
    .where('active', '=', false)
    .distinct()
    .execute();
  const unverified = new Set(inactive.map((row) => row.account_id));
  const result = new Map<string, Set<Step>>();
  const add = (accountId: string, changes: readonly PushChange[]) => {
    const steps = result.get(accountId) ?? new Set<Step>();
    for (const change of changes) if (isStep(change)) steps.add(change);
    result.set(accountId, steps);
  };
  for (const row of rows) {
    if (row.kind !== 'marketplace' || !row.account_id || unverified.has(row.account_id)) continue;
    const connector = row.type ? marketplacePush(row.type) : undefined;
    if (connector) add(row.account_id, Object.values(connector.events).flat());
  }
  if (erpActive) for (const id of accountIds) add(id, ERP_CHANGES);
  return result;
}

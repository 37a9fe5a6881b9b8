import { sql } from 'kysely';
import type { StepContext } from '../../step-context.ts';
import { compareOffers } from './compare-offers.ts';
import { creationMode } from './create-offers.ts';
import { fileRefusalOver, followFile } from './feed-listing.ts';
import { rulesKey, type OfferRules } from './desired-offer.ts';
import { linkListedOffers } from './link-offers.ts';
import type { RowScope } from './offer-rows.ts';
import { resolvePending } from './pending-offers.ts';
import type { ChannelState } from './stock-cursor.ts';
import type { SystemNames } from './system-names.ts';

/**
 * Rows changed up to 60 s before the last comparison started are compared again: a catalog write that began
 * before that start but committed after it (another account's catalog step) is not missed. Comparing a row
 * twice costs nothing at the marketplace: an unchanged offer sends nothing.
 */
const OVERLAP_MS = 60_000;

/**
 * One channel's offers: linked from the marketplace's list on the first run, pending creates looked up,
 * then compared — every SKU on the first run or after a rules change, otherwise only catalog rows changed
 * since the last comparison. Returns the state to commit once all of it is applied.
 */
export async function syncChannelOffers(
  ctx: StepContext,
  channel: string,
  previous: ChannelState | undefined,
  rules: OfferRules,
  names: SystemNames,
): Promise<ChannelState> {
  const key = { accountId: ctx.account.id, channel };
  if (previous === undefined) await linkListedOffers(ctx, key, names);
  // A file of new offers that ended in this run: its offers were pending until now, so everything is compared.
  const file = await followFile(ctx, key);
  const linked = await resolvePending(ctx, key);
  const startedAt = await databaseNow(ctx);
  const currentRules = rulesKey(rules);
  const scope: RowScope =
    previous?.rulesKey === currentRules && file !== 'ended'
      ? { kind: 'changed', since: new Date(Date.parse(previous.comparedAt) - OVERLAP_MS), skus: linked }
      : { kind: 'all' };
  await compareOffers(ctx, key, scope, rules, names, creationMode(file, scope.kind === 'all'));
  // The file ended (imported, or refused and its offers now created one by one): a refusal is over.
  if (file === 'ended') await fileRefusalOver(ctx, key);
  return { comparedAt: startedAt.toISOString(), rulesKey: currentRules };
}

/** The database's clock, the one `updated_at` is written with, so app and database clocks may differ. */
async function databaseNow(ctx: StepContext): Promise<Date> {
  const { rows } = await sql<{ now: Date }>`SELECT now() AS now`.execute(ctx.db);
  const now = rows[0]?.now;
  return now instanceof Date ? now : new Date();
}

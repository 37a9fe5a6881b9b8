import { shippingFor } from '../../accounts/account-settings.ts';
import type { StepHandler } from '../step-context.ts';
import { catalogIsEmpty } from './offers/catalog.repository.ts';
import { syncChannelOffers } from './offers/channel-offers.ts';
import { channelPrices } from './offers/channel-prices.ts';
import { offerRules } from './offers/desired-offer.ts';
import {
  commitCatalogCursor,
  ERP_PAGE_SIZE,
  ingestProducts,
  refreshCatalog,
} from './offers/ingest-products.ts';
import { readPages } from './offers/read-pages.ts';
import { countReservations } from './offers/reservations.ts';
import { readStockCursor } from './offers/stock-cursor.ts';
import { systemNames } from './offers/system-names.ts';

/**
 * Offers and stock. (0) The pieces sold on any account that the ERP has not reserved yet are counted per SKU
 * (offers/reservations.ts) — before the ERP's stock is read, so a sale order confirmed in between is never
 * missing from both. (1) The catalog learns of stock moves and reservations (they do not touch a product's
 * own change date, so the catalog step cannot see them); an empty catalog is filled first. (2) Each channel's
 * offers are compared with the catalog and only differences are sent: a SKU whose reserved count changed is
 * compared even when the ERP's stock did not move, so another account's sale lowers this account's amount
 * within one run.
 *
 * Calls per steady cycle (100,000 SKUs, 1 % changed): ERP — sign-in plus 3 per stock page (500 products);
 * marketplace — ⌈changes/150⌉ bulk requests + at most 5 look-ups of pending creates + one per new SKU;
 * none at all when nothing changed.
 */
export const syncStock: StepHandler = async (ctx) => {
  const names = await systemNames(ctx);
  await countReservations(ctx.db, 'exact');
  const state = readStockCursor(await ctx.cursor.read());
  if (state.erp === null || (await catalogIsEmpty(ctx.db))) {
    // No stock cursor yet (the first listing, an ERP scope change, an unreadable cursor): every product is read
    // with its stock as of now (~200 calls at 100,000 SKUs) from a stock cursor taken first — whatever moves
    // meanwhile is newer than it — instead of paging through the whole stock history (500 and more).
    state.erp = await ctx.erp.stockCursorNow();
    const totals = { read: 0, created: 0, updated: 0 };
    await refreshCatalog(ctx, null, names, commitCatalogCursor(ctx), totals);
    ctx.counts.read += totals.read;
  }
  await readPages(
    (cursor) => ctx.erp.stockChangedSince(cursor, ERP_PAGE_SIZE),
    state.erp,
    async (page) => {
      await ingestProducts(ctx, page.items, names);
      state.erp = page.cursor;
      await ctx.cursor.write(state);
      ctx.counts.read += page.items.length;
    },
  );
  // SKUs that entered the catalog just now, and orders stored meanwhile, count before anything is offered.
  await countReservations(ctx.db, 'raise');
  const rules = offerRules(ctx.account.settings, ctx.erpSettings);
  // Each channel priced in its currency at the ERP's rate of the day (one ERP call); see channel-prices.ts.
  const prices = await channelPrices(ctx, state, names);
  for (const channel of ctx.channels) {
    // The storefront's own handling time and shipping group, else the account's (account-settings.ts).
    const channelRules = {
      ...rules,
      ...shippingFor(ctx.account.settings, channel),
      price: prices.get(channel) ?? null,
    };
    state.channels[channel] = await syncChannelOffers(
      ctx,
      channel,
      state.channels[channel],
      channelRules,
      names,
    );
    await ctx.cursor.write(state);
  }
};

import type { StepHandler } from '../step-context.ts';
import { catalogIsEmpty } from './offers/catalog.repository.ts';
import { syncChannelOffers } from './offers/channel-offers.ts';
import { offerRules } from './offers/desired-offer.ts';
import {
  commitCatalogCursor,
  ERP_PAGE_SIZE,
  ingestProducts,
  refreshCatalog,
} from './offers/ingest-products.ts';
import { readPages } from './offers/read-pages.ts';
import { readStockCursor } from './offers/stock-cursor.ts';
import { systemNames } from './offers/system-names.ts';

/**
 * Offers and stock. (1) The catalog learns of stock moves and reservations (they do not touch a product's
 * own change date, so the catalog step cannot see them); an empty catalog is filled first. (2) Each channel's
 * offers are compared with the catalog and only differences are sent.
 *
 * Calls per steady cycle (100,000 SKUs, 1 % changed): ERP — sign-in plus 3 per stock page (500 products);
 * marketplace — ⌈changes/150⌉ bulk requests + at most 5 look-ups of pending creates + one per new SKU;
 * none at all when nothing changed.
 */
export const syncStock: StepHandler = async (ctx) => {
  const names = await systemNames(ctx);
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
  const rules = offerRules(ctx.account.settings, ctx.erpSettings);
  for (const channel of ctx.channels) {
    state.channels[channel] = await syncChannelOffers(ctx, channel, state.channels[channel], rules, names);
    await ctx.cursor.write(state);
  }
};

import { z } from 'zod';
import { codedMessageSchema } from '../../core/coded-message.ts';
import type { OfferRow } from '../../views/offers.queries.ts';
import type { orderDetail, OrderRow } from '../../views/orders.queries.ts';
import type { Charts } from '../../views/overview.queries.ts';
import type { SkuCheck } from '../../views/sku-check.queries.ts';
import { accountView } from './accounts-responses.schemas.ts';
import { erpView } from './erp-responses.schemas.ts';
import { runRecord } from './sync-responses.schemas.ts';
import { responseOf } from './same-shape.ts';
import { ORDER_STATES } from './views.schemas.ts';

/** The answers of the dashboard's pages (views.routes.ts), each bound to its read model's type. */

const hourly = z.object({ hour: z.string(), p50: z.number(), p95: z.number() });
export const charts = responseOf<Charts>()(
  z.object({
    ordersPerHour: z.array(z.object({ hour: z.string(), orders: z.number() })),
    orderLatency: z.array(hourly).describe('Seconds from the marketplace to the ERP, per hour'),
    stockLatency: z.array(hourly).describe('Seconds from an ERP change to the marketplace’s confirmation'),
    callsPerMinute: z.array(z.object({ minute: z.string(), calls: z.number() })),
    failuresPerStep: z.array(z.object({ step: z.string(), failures: z.number(), runs: z.number() })),
  }),
);

export const overviewResponse = z.object({
  erp: erpView.nullable(),
  openIssues: z.number(),
  attentionIssues: z.number().describe('Open issues that stopped syncing until someone acts'),
  accounts: z.array(
    accountView.extend({
      openIssues: z.number(),
      steps: z.array(runRecord.extend({ nextRunAt: z.string() })),
    }),
  ),
  charts,
});
export type OverviewResponse = z.output<typeof overviewResponse>;

const orderState = z.enum(ORDER_STATES);

export const orderRow = responseOf<OrderRow>()(
  z.object({
    id: z.string(),
    accountId: z.string(),
    accountName: z.string(),
    marketplaceOrderId: z.string(),
    channel: z.string(),
    buyer: z.string().nullable(),
    currency: z.string(),
    totalMinor: z.number(),
    erpCurrency: z.string().nullable(),
    erpTotalMinor: z.number().nullable(),
    units: z.number(),
    erpOrderName: z.string().nullable(),
    state: orderState,
    holdReason: z.string().nullable(),
    holdCode: z.string().nullable(),
    holdDetails: z.record(z.string(), z.unknown()).nullable(),
    receivedAt: z.string(),
    marketplaceCreatedAt: z.string(),
  }),
);
export const ordersResponse = z.object({ orders: z.array(orderRow), total: z.number() });

export const orderDetailResponse = responseOf<Awaited<ReturnType<typeof orderDetail>>>()(
  z.object({
    order: z.object({
      id: z.string(),
      accountId: z.string(),
      accountName: z.string(),
      marketplaceOrderId: z.string(),
      channel: z.string(),
      currency: z.string(),
      totalMinor: z.number(),
      state: orderState,
      holdReason: z.string().nullable(),
      holdCode: z.string().nullable(),
      holdDetails: z.record(z.string(), z.unknown()).nullable(),
      erpOrderName: z.string().nullable(),
      erpCurrency: z.string().nullable(),
      erpTotalMinor: z.number().nullable(),
      erpTaxMinor: z.number().nullable(),
      erpCorrections: z.array(codedMessageSchema),
      erpCorrection: z.string().nullable(),
      buyer: z.unknown().describe('The buyer as stored (JSON object or null)'),
      shippingAddress: z.unknown().describe('The postal address as stored (JSON object or null)'),
      billingAddress: z.unknown().describe('The postal address as stored (JSON object or null)'),
    }),
    lines: z.array(
      z.object({
        lineId: z.string(),
        sku: z.string().nullable(),
        title: z.string().nullable(),
        priceMinor: z.number(),
        shippingMinor: z.number(),
        status: z.string().describe('open, shipped, confirmed or cancelled'),
        carrier: z.string().nullable(),
        trackingNumbers: z.array(z.string()),
        confirmError: z.string().nullable(),
      }),
    ),
    timeline: z.array(
      z.object({
        event: z.enum([
          'placed',
          'stored',
          'reserved',
          'held',
          'in_erp',
          'released',
          'cancelled',
          'shipped',
          'confirmed',
        ]),
        at: z.string(),
        detail: z.string(),
      }),
    ),
    issues: z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        subject: z.string(),
        message: z.string(),
        hint: z.string().nullable(),
        details: z.record(z.string(), z.unknown()),
      }),
    ),
  }),
);

export const offerRow = responseOf<OfferRow>()(
  z.object({
    sku: z.string(),
    ean: z.string().nullable(),
    name: z.string(),
    erpQuantity: z.number(),
    reservedQty: z.number(),
    bufferQty: z.number(),
    offeredQty: z.number(),
    erpPriceMinor: z.number(),
    erpCurrency: z.string().nullable(),
    currency: z.string().nullable(),
    offeredPriceMinor: z.number().nullable(),
    marketplaceAmount: z.number().nullable(),
    marketplacePriceMinor: z.number().nullable(),
    confirmedAt: z.string().nullable(),
    offerStatus: z.string().nullable(),
    lastError: z.string().nullable(),
    changedAt: z.string(),
    outOfSync: z.boolean(),
  }),
);
export const offersResponse = z.object({ offers: z.array(offerRow), total: z.number() });

export const skuCheckResponse = responseOf<SkuCheck>()(
  z.object({
    erpNotOnMarketplace: z.array(
      z.object({
        sku: z.string(),
        name: z.string(),
        ean: z.string().nullable(),
        reason: z.string(),
        contentState: z.string().nullable(),
      }),
    ),
    marketplaceNotInErp: z.array(z.object({ sku: z.string(), channel: z.string() })),
    duplicateEans: z.array(
      z.object({ ean: z.string(), skus: z.array(z.string()), names: z.array(z.string()) }),
    ),
  }),
);

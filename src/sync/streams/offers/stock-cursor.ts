import { z } from 'zod';

/**
 * The stock step's cursor: the ERP's stock-change cursor, and per channel when its offers were last
 * compared and under which rules (a rules change compares every offer again).
 */
const stockCursorSchema = z.object({
  erp: z.string().nullable(),
  channels: z.record(z.string(), z.object({ comparedAt: z.iso.datetime(), rulesKey: z.string() })),
  /** Per currency: the last rate prices were computed with, and a suspicious new one held since when. */
  rates: z
    .record(
      z.string(),
      z.object({
        accepted: z.number().positive(),
        /** The currency's smallest step when accepted (0.01). */
        rounding: z.number().positive().optional(),
        held: z.object({ rate: z.number(), since: z.iso.datetime() }).optional(),
      }),
    )
    .optional(),
  /** The ERP company's currency, the currency of catalog prices (as of the last stock run). */
  erpCurrency: z.string().optional(),
});

export type StockCursor = z.infer<typeof stockCursorSchema>;
export type ChannelState = StockCursor['channels'][string];

/** An unreadable or missing cursor starts over: all stock re-read, every offer compared — safe, only slower. */
export function readStockCursor(stored: unknown): StockCursor {
  const parsed = stockCursorSchema.safeParse(stored);
  return parsed.success ? parsed.data : { erp: null, channels: {} };
}

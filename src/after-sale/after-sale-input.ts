import { z } from 'zod';
import { bigintId } from '../core/ids.ts';
import { text } from '../core/text.ts';

/** What the seller can answer to a return line (the marketplace's own four). */
export const RETURN_OUTCOMES = ['accept', 'reject', 'clarify', 'repair'] as const;
export type ReturnAnswer = (typeof RETURN_OUTCOMES)[number];

/** The message goes to the buyer: required when rejecting or asking for clarification. */
export const returnAnswerSchema = z
  .object({
    outcome: z.enum(RETURN_OUTCOMES, { error: `Use one of ${RETURN_OUTCOMES.join(', ')}.` }),
    message: text().trim().max(2000, 'Write at most 2,000 characters.').optional(),
  })
  .strict()
  .refine(
    (answer) => !(answer.outcome === 'reject' || answer.outcome === 'clarify') || Boolean(answer.message),
    {
      message: 'Write the buyer a message saying why (required to reject or to ask for clarification).',
      path: ['message'],
    },
  );
export type ReturnAnswerInput = z.infer<typeof returnAnswerSchema>;

export const returnLineIdParams = z.object({ id: bigintId('a return line') });

/** A partial refund of one unit, in minor units of the order's currency. */
export const refundSchema = z
  .object({
    /** The marketplace's id of the order line (unit), as the order page lists it. */
    lineId: text({ error: 'Choose the unit to refund.' })
      .trim()
      .min(1, 'Choose the unit to refund.')
      .max(100, 'Not a unit of this order.'),
    amountMinor: z
      .number({ error: 'Enter the amount in cents (minor units of the order currency).' })
      .int('Enter whole cents.')
      .min(1, 'Refund at least 1 cent.')
      .max(100_000_000, 'That is more than any unit costs.'),
    reason: text({ error: 'Choose a refund reason.' }).trim().min(1, 'Choose a refund reason.').max(100),
    /**
     * Sent again with a retried request, so it never refunds twice (the web app makes one per form). Absent:
     * a new refund each time.
     */
    idempotencyKey: text()
      .trim()
      .min(8, 'Use a key of 8 to 100 characters.')
      .max(100, 'Use a key of 8 to 100 characters.')
      .optional(),
  })
  .strict();
export type RefundInput = z.infer<typeof refundSchema>;

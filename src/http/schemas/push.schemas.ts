import { z } from 'zod';
import { codedMessageSchema } from '../../core/coded-message.ts';

const state = z.enum(['off', 'active', 'unavailable', 'failed']);
const note = codedMessageSchema
  .nullable()
  .describe('What the state means for the seller: a stable code, the values in it, the English sentence');
const message = z.string().nullable().describe('The note’s English sentence (kept for clients that read it)');

/** GET /api/accounts/:id/push and its check: the account card's push line (push/account-push-view.ts). */
export const accountPushResponse = z.object({
  push: z.object({
    state,
    note,
    message,
    subscriptions: z.array(
      z.object({ channel: z.string(), event: z.string(), active: z.boolean(), repairs: z.number() }),
    ),
    checkedAt: z.string().nullable(),
    lastReceivedAt: z.string().nullable(),
  }),
});

/** GET and PUT /api/erp/push: the ERP page's push switch (push/erp-rules.ts). */
export const erpPushResponse = z.object({
  push: z.object({
    consent: z.boolean(),
    state,
    note,
    message,
    publicUrlSet: z.boolean(),
    rules: z.number(),
    checkedAt: z.string().nullable(),
    lastReceivedAt: z.string().nullable(),
  }),
});

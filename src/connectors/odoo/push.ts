import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { ErpPushConnector, PushChange } from '../../core/ports/push.port.ts';
import { automationInstalled, installRules, removeRules, rulesActive } from './models/automation.ts';
import { connectOdoo } from './odoo.client.ts';

/** What each rule's webhook announces, by the model it watches (the body's `_model`). */
const CHANGES_BY_MODEL: Readonly<Record<string, readonly PushChange[]>> = {
  'stock.quant': ['stock'],
  'stock.picking': ['shipments'],
  'sale.order': ['cancellations'],
};

const noticeSchema = z.looseObject({ _model: z.string().max(200) });

export const odooPush: ErpPushConnector = {
  async availability(credentials) {
    const client = await connectOdoo(credentials);
    try {
      if (await automationInstalled(client)) return { available: true };
    } catch (thrown) {
      if (!(thrown instanceof AppError && thrown.code === 'odoo.access_denied')) throw thrown;
      return {
        available: false,
        reason: {
          code: 'odoo.apps_unreadable',
          values: {},
          message: 'The Odoo user cannot read the installed apps; give it Administration rights to use push.',
        },
      };
    }
    return {
      available: false,
      reason: {
        code: 'odoo.automation_missing',
        values: {},
        message:
          'Odoo has no Automation Rules app (base_automation) installed, so it cannot call AdlerDo: stock, deliveries and cancellations are polled.',
      },
    };
  },
  async install(credentials, callbackUrl, label) {
    const ids = await installRules(await connectOdoo(credentials), callbackUrl, label);
    return ids.map(String);
  },
  async installed(credentials, ids) {
    return rulesActive(await connectOdoo(credentials), ids.map(Number));
  },
  async remove(credentials, ids) {
    await removeRules(await connectOdoo(credentials), ids.map(Number));
  },
  readNotice(body) {
    const parsed = noticeSchema.safeParse(body);
    if (!parsed.success) return undefined;
    return { event: parsed.data._model, changes: [...(CHANGES_BY_MODEL[parsed.data._model] ?? [])] };
  },
};

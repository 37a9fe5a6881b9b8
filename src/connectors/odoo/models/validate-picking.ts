import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import { many2one, type OdooClient } from '../odoo.client.ts';

const actionSchema = z.looseObject({
  res_model: z.string(),
  res_id: z.number().optional(),
  context: z.record(z.string(), z.unknown()).optional(),
});

/**
 * Validates a delivery (demos, tests, sandbox-free contract runs), answering the wizards Odoo may return:
 * `stock.immediate.transfer` (≤16, nothing entered), `confirm.stock.sms` (first delivery of a company),
 * `stock.backorder.confirmation` (partial). `quantities` (product id → qty) makes it partial.
 */
export async function validatePicking(
  client: OdooClient,
  pickingId: number,
  options: {
    carrierId?: number;
    trackingRef?: string;
    quantities?: Map<number, number>;
    backorder?: boolean;
  } = {},
): Promise<void> {
  const header: Record<string, unknown> = {};
  if (options.carrierId !== undefined) header.carrier_id = options.carrierId;
  if (options.trackingRef !== undefined) header.carrier_tracking_ref = options.trackingRef;
  await client.write('stock.picking', [pickingId], header);
  if (options.quantities) {
    const moves = await client.searchRead(
      'stock.move',
      { domain: [['picking_id', '=', pickingId]], fields: ['product_id'] },
      z.looseObject({ id: z.number(), product_id: many2one }),
    );
    for (const move of moves) {
      const qty = move.product_id ? options.quantities.get(move.product_id[0]) : undefined;
      if (qty === undefined) continue;
      const vals = client.dialect.hasPicked ? { quantity: qty, picked: qty > 0 } : { quantity_done: qty };
      await client.write('stock.move', [move.id], vals);
    }
  }
  let result = await client.call('stock.picking', 'button_validate', [pickingId], {
    context: { skip_sms: true },
  });
  // At most three wizards in a row (immediate transfer → backorder → SMS).
  for (let step = 0; step < 3 && result !== true && result !== null; step += 1) {
    const action = actionSchema.safeParse(result);
    if (!action.success) break;
    const { res_model: model, res_id: resId, context = {} } = action.data;
    const ctx = { ...context, skip_sms: true };
    const method =
      model === 'confirm.stock.sms'
        ? 'dont_send_sms'
        : model === 'stock.backorder.confirmation' && options.backorder === false
          ? 'process_cancel_backorder'
          : 'process';
    const wizard = resId ?? (await client.create(model, {}, ctx));
    result = await client.call(model, method, [wizard], { context: ctx });
  }
  if (result !== true && result !== null && result !== false) {
    throw new AppError(
      'bug',
      'odoo.unexpected_wizard',
      `Validating picking ${pickingId} asked an unexpected question.`,
      { details: { result } },
    );
  }
}

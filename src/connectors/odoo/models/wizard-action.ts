import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';

/** The window action an Odoo wizard button answers; `res_id` is the record it made. */
const actionSchema = z.looseObject({ res_model: z.string().optional(), res_id: z.number().optional() });

export function createdRecordId(answer: unknown, model: string, what: string): number | undefined {
  const parsed = actionSchema.safeParse(answer);
  if (!parsed.success) {
    throw new AppError('bug', 'odoo.unexpected_response', `Odoo answered ${what} in an unexpected shape.`);
  }
  return parsed.data.res_model === model ? parsed.data.res_id : undefined;
}

import { z } from 'zod';

/**
 * The one error shape every refusal has (http/errors.ts sendError): a stable code, a sentence saying what to do,
 * and per field what is wrong when the input was refused. Routes that send an error themselves declare it.
 */
export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});

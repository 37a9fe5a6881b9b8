import { z } from 'zod';
import { bigintId, uuidId } from '../../core/ids.ts';
import { STEPS } from '../../sync/steps.ts';

const step = z.enum(STEPS, { error: `Use one of ${STEPS.join(', ')}.` });

/** "Sync now": one step, or every step the account's settings enable. */
export const syncNowBody = z.object({ step: step.optional() }).strict().nullish();
export type SyncNowBody = z.input<typeof syncNowBody>;

export const runsQuery = z.object({
  account: uuidId('an account').optional(),
  step: step.optional(),
  limit: z.coerce
    .number({ error: 'Use a limit from 1 to 500.' })
    .int('Use a whole number.')
    .min(1, 'Use a limit from 1 to 500.')
    .max(500, 'Use a limit from 1 to 500.')
    .default(100),
});

export const issuesQuery = z.object({ account: uuidId('an account').optional() });

export const issueIdParams = z.object({ id: bigintId('an issue') });

export const runIdParams = z.object({ id: bigintId('a run') });

import type { Kysely } from 'kysely';
import type { ReturnLine, ReturnLineStatus } from '../../../core/after-sale.ts';
import { AppError, toAppError } from '../../../core/errors.ts';
import type { MarketplaceSession } from '../../../core/ports/marketplace.port.ts';
import type { HubReturnOutcome } from '../../../store/after-sale.schema.ts';
import type { DB } from '../../../store/schema.ts';

/** The status a line has once the marketplace took the answer. */
export const OUTCOME_STATUS: Record<HubReturnOutcome, ReturnLineStatus> = {
  accept: 'accepted',
  reject: 'rejected',
  clarify: 'clarification',
  repair: 'repair',
};

/**
 * Sends the answer stored on a return line (outcome, message), once: stored before this is called, so a run
 * that died after the marketplace took it finds the line already in the answer's status and only records it.
 * A refusal is recorded on the line and thrown (kind `rejected`) for the caller to report.
 */
export async function sendStoredOutcome(
  db: Kysely<DB>,
  marketplace: MarketplaceSession,
  line: {
    id: string;
    marketplace_return_line_id: string;
    outcome: HubReturnOutcome;
    outcome_message: string | null;
  },
): Promise<ReturnLine> {
  const target = OUTCOME_STATUS[line.outcome];
  let answered: ReturnLine;
  try {
    const current = await marketplace.getReturnLine(line.marketplace_return_line_id);
    answered =
      current.status === target
        ? current
        : await marketplace.setReturnOutcome(
            line.marketplace_return_line_id,
            line.outcome,
            line.outcome_message ?? undefined,
          );
  } catch (thrown) {
    const error = toAppError(thrown);
    if (error.kind === 'rejected' || error.kind === 'input')
      await db
        .updateTable('hub_return_lines')
        .set({ outcome_error: error.message, updated_at: new Date() })
        .where('id', '=', line.id)
        .execute();
    throw error.kind === 'input' ? new AppError('rejected', error.code, error.message) : error;
  }
  await recordAnswered(db, line.id, answered);
  return answered;
}

async function recordAnswered(db: Kysely<DB>, id: string, answered: ReturnLine): Promise<void> {
  const statusAt = `${answered.status}_at` as const;
  await db
    .updateTable('hub_return_lines')
    .set((eb) => ({
      status: answered.status,
      outcome_sent_at: new Date(),
      outcome_error: null,
      marketplace_updated_at: answered.updatedAt,
      [statusAt]: eb.fn.coalesce(eb.ref(statusAt), eb.val(new Date())),
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .execute();
}

import type { Kysely } from 'kysely';
import type { AccountView } from '../accounts/account-view.ts';
import type { ErpSession } from '../core/ports/erp.port.ts';
import type { MarketplaceSession } from '../core/ports/marketplace.port.ts';
import type { ErpSettings } from '../erp/erp-settings.ts';
import type { Logger } from '../logging/logger.ts';
import type { DB } from '../store/schema.ts';
import type { IssueInput } from './issues.repository.ts';
import type { RunCounts } from './run-counts.ts';
import type { Step } from './steps.ts';

/** Everything one step of one account's cycle gets. Steps see ports, never vendor clients. */
export interface StepContext {
  db: Kysely<DB>;
  step: Step;
  account: AccountView;
  /** Channels (storefronts) to sync: the account's selection, or all it has. */
  channels: readonly string[];
  erpSettings: ErpSettings;
  marketplace: MarketplaceSession;
  erp: ErpSession;
  /** ADLERDO_PUBLIC_URL: where the marketplace can reach this AdlerDo (files it downloads); unset = none. */
  publicUrl?: string;
  /** Counted into the run record; steps add to these as they go. */
  counts: RunCounts;
  logger: Logger;
  /** Reports progress of long runs (e.g. the first listing of a big catalog): done of total, when known. */
  progress: (done: number, total?: number) => void;
  cursor: {
    read<T>(): Promise<T | undefined>;
    /** Only after the batch it covers is applied and recorded. */
    write(value: unknown): Promise<void>;
  };
  /**
   * A run from the job queue holds its account's queue for one turn: a step with more work than a turn allows (an
   * orders backlog) stops between batches once `endsAt` (epoch ms) has come and calls `continueLater`, which queues
   * another run of the step behind the account's other waiting steps. A command-line run has no turn: it goes on
   * to the end.
   */
  turn?: { endsAt: number; continueLater: () => Promise<void> };
  issues: {
    raise(issue: Omit<IssueInput, 'accountId' | 'step'>): Promise<void>;
    resolve(code: string, subjects: readonly string[]): Promise<number>;
  };
}

export type StepHandler = (ctx: StepContext) => Promise<void>;

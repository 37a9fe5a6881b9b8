import { z } from 'zod';
import type { IssueRecord } from '../../sync/issues.repository.ts';
import type { RunRecord } from '../../sync/runs.repository.ts';
import { STEPS } from '../../sync/steps.ts';
import { responseOf } from './same-shape.ts';

/** Run log, issues and "sync now" answers (sync.routes.ts); the Overview reuses the run and issue shapes. */
export const step = z.enum(STEPS);

export const runRecord = responseOf<RunRecord>()(
  z.object({
    id: z.string(),
    accountId: z.string(),
    step,
    trigger: z.enum(['schedule', 'manual', 'cli', 'retry', 'push']),
    status: z.enum(['running', 'succeeded', 'failed', 'paused', 'skipped']),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    durationMs: z.number().nullable(),
    counts: z
      .object({
        read: z.number(),
        created: z.number(),
        updated: z.number(),
        skipped: z.number(),
        failed: z.number(),
      })
      .describe('What the run did, counted when it ends (0 while it runs)'),
    apiCalls: z.record(z.string(), z.number()).describe('API calls by "system endpoint"'),
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable(),
  }),
);

export const issueRecord = responseOf<IssueRecord>()(
  z.object({
    id: z.string(),
    accountId: z.string().nullable(),
    step: z.string(),
    code: z.string(),
    subject: z.string(),
    message: z.string(),
    hint: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    occurrences: z.number(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    resolvedAt: z.string().nullable(),
    orderId: z.string().nullable(),
    attention: z.boolean().describe('Syncing has stopped until someone acts'),
  }),
);

/** 202 of "sync now" and the retries: the steps put in the queue. */
export const queuedResponse = z.object({ queued: z.array(step) });
export const runsResponse = z.object({ runs: z.array(runRecord) });
export const runResponse = z.object({ run: runRecord });
export const issuesResponse = z.object({ issues: z.array(issueRecord) });

import { Command, Option } from 'commander';
import { AppError, toAppError } from '../../core/errors.ts';
import { runStep, type StepOutcome } from '../../sync/run-step.ts';
import { lastRuns } from '../../sync/runs.repository.ts';
import { stepEnabled } from '../../sync/step-handlers.ts';
import { STEPS, type Step } from '../../sync/steps.ts';
import { withContext } from '../context.ts';
import { printJson, printTable } from '../output.ts';
import { progressBar } from '../progress-bar.ts';

interface StepSummary {
  account: string;
  step: Step;
  status: StepOutcome['status'];
  counts: StepOutcome['counts'];
  apiCalls: StepOutcome['apiCalls'];
  error?: { code: string; message: string };
}

export function syncCommand(): Command {
  const sync = new Command('sync').description('Run the Complete Sync Cycle by hand, or see how it went');

  sync
    .command('run')
    .description('Run one cycle (or one step) now, in the foreground; exits non-zero when a step failed')
    .option('--account <name>', 'only this account (default: every connected account)')
    .addOption(new Option('--step <step>', 'only this step').choices([...STEPS]))
    .option('--json', 'print the summary as JSON')
    .action(async (o: { account?: string; step?: Step; json?: boolean }) => {
      const summaries = await withContext(async (ctx) => {
        const accounts = o.account ? [await ctx.accounts.get(o.account)] : await ctx.accounts.list();
        if (accounts.length === 0)
          throw new AppError('not_found', 'account.none', 'No accounts connected yet.');
        const results: StepSummary[] = [];
        for (const account of accounts) {
          const steps = o.step ? [o.step] : STEPS.filter((s) => stepEnabled(account.settings, s));
          for (const step of steps) {
            const bar = progressBar(`${account.name} ${step}`);
            try {
              const outcome = await runStep(ctx, account.id, step, 'cli', {
                onProgress: (done, total) => bar.update(done, total),
              });
              results.push({ account: account.name, step, ...outcome });
            } catch (thrown) {
              const error = toAppError(thrown);
              results.push({
                account: account.name,
                step,
                status: 'failed',
                counts: { read: 0, created: 0, updated: 0, skipped: 0, failed: 0 },
                apiCalls: {},
                error: { code: error.code, message: error.message },
              });
            } finally {
              bar.end();
            }
          }
        }
        return results;
      });
      if (o.json) printJson(summaries);
      else {
        printTable(
          summaries.map((s) => ({
            account: s.account,
            step: s.step,
            status: s.status,
            read: String(s.counts.read),
            created: String(s.counts.created),
            updated: String(s.counts.updated),
            skipped: String(s.counts.skipped),
            failed: String(s.counts.failed),
            calls: String(Object.values(s.apiCalls).reduce((a, b) => a + b, 0)),
          })),
        );
        for (const s of summaries)
          if (s.error) process.stderr.write(`${s.account} ${s.step}: ${s.error.message}\n`);
      }
      if (summaries.some((s) => s.status === 'failed' || s.status === 'paused')) process.exitCode = 1;
    });

  sync
    .command('status')
    .description('The last run of every step of every account')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const rows = await withContext(async (ctx) => {
        const names = new Map((await ctx.accounts.list()).map((a) => [a.id, a.name]));
        return (await lastRuns(ctx.db)).map((run) => ({
          ...run,
          account: names.get(run.accountId) ?? run.accountId,
        }));
      });
      if (o.json) return printJson(rows);
      if (rows.length === 0) return void process.stdout.write('No sync runs yet.\n');
      printTable(
        rows.map((r) => ({
          account: r.account,
          step: r.step,
          status: r.status,
          started: r.startedAt,
          ms: r.durationMs === null ? '' : String(r.durationMs),
          read: String(r.counts.read ?? 0),
          created: String(r.counts.created ?? 0),
          failed: String(r.counts.failed ?? 0),
          error: r.errorMessage ?? '',
        })),
      );
    });

  return sync;
}

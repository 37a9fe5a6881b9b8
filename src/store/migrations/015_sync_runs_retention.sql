-- Old run records are deleted oldest first, in batches (src/sync/runs-retention.ts, ADLERDO_RUN_RETENTION_DAYS):
-- each batch starts at the front of this index instead of reading the whole table. The (account_id, step,
-- started_at) index answers its "is there a newer run of this step" checks.
CREATE INDEX sync_runs_started_at_idx ON sync_runs (started_at);

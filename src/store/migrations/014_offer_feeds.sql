-- First listing by file (issue 13): many new offers sent as one file the marketplace downloads from AdlerDo.
-- One row per file. The file's text is kept here, written once, so every AdlerDo process (web and worker)
-- serves the same bytes, and a restart never writes a second, different file for the same listing. The token
-- is the unguessable part of the file's public URL (GET /api/feeds/<token>); the URL answers only while the
-- file is open (prepared or registered) and 404 once the import ended.
CREATE TABLE offer_feeds (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES marketplace_accounts (id) ON DELETE CASCADE,
  channel text NOT NULL,
  token text NOT NULL UNIQUE,
  content_type text NOT NULL,
  body text NOT NULL,
  -- The new offers in the file (the file also repeats the channel's existing offers: it replaces the listing).
  skus text[] NOT NULL,
  -- prepared: stored, not yet registered at the marketplace; registered: the marketplace has it (import_id);
  -- imported: done and its offers linked; rejected: the marketplace refused the whole file (offers sent one
  -- by one instead).
  state text NOT NULL CHECK (state IN ('prepared', 'registered', 'imported', 'rejected')),
  import_id text,
  note text,
  error_rows integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
-- At most one open file per account and channel: a second run while one is pending never makes another.
CREATE UNIQUE INDEX offer_feeds_open_idx ON offer_feeds (account_id, channel)
  WHERE state IN ('prepared', 'registered');
CREATE INDEX offer_feeds_account_idx ON offer_feeds (account_id, channel, created_at);

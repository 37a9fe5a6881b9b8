import { absoluteTime, timeAgo } from '../lib/time.ts';

/** "5 minutes ago (27 Nov 2025, 14:05)": relative for a glance, absolute for the record. */
export function RelativeTime({ iso, now }: { iso: string; now: number }) {
  return (
    <time dateTime={iso} title={absoluteTime(iso)}>
      {timeAgo(iso, now)} <span className="muted">({absoluteTime(iso)})</span>
    </time>
  );
}

import type { Milestone, MilestoneState } from '../lib/order-milestones.ts';
import { absoluteTime, shortAgo } from '../lib/time.ts';

const STATE_WORDS: Record<MilestoneState, string> = {
  done: 'Done',
  partial: 'In part',
  waiting: 'Waiting',
  held: 'Held',
  cancelled: 'Cancelled',
};

/** The milestones as a vertical line of steps: filled when done, hollow while waiting, amber when held. */
export function OrderTimeline({ milestones, now }: { milestones: Milestone[]; now: number }) {
  return (
    <ol className="timeline">
      {milestones.map((m) => (
        <li key={m.key} className={`timeline-item timeline-${m.state}`} data-milestone={m.key}>
          <span className="timeline-marker" aria-hidden="true">
            {m.state === 'done' ? '✓' : m.state === 'held' ? '!' : m.state === 'cancelled' ? '×' : ''}
          </span>
          <div className="timeline-body">
            <p className="timeline-title">
              {m.title}
              <span className="visually-hidden">: {STATE_WORDS[m.state]}</span>
            </p>
            {m.at ? (
              <p className="timeline-time">
                <time dateTime={m.at}>{absoluteTime(m.at)}</time>{' '}
                <span className="muted">({shortAgo(m.at, now)})</span>
              </p>
            ) : m.detail ? null : (
              <p className="timeline-time muted">{STATE_WORDS[m.state]}</p>
            )}
            {m.detail && <p className="timeline-detail">{m.detail}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}

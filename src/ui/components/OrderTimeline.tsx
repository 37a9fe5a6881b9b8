import { useTranslation } from 'react-i18next';
import type { Milestone } from '../lib/order-milestones.ts';
import { absoluteTime, shortAgo } from '../lib/time.ts';

/** The milestones as a vertical line of steps: filled when done, hollow while waiting, amber when held. */
export function OrderTimeline({ milestones, now }: { milestones: Milestone[]; now: number }) {
  const { t } = useTranslation('order');
  return (
    <ol className="timeline">
      {milestones.map((m, index) => (
        <li
          key={`${m.key}-${m.at ?? ''}-${index}`}
          className={`timeline-item timeline-${m.state}`}
          data-milestone={m.key}
        >
          <span className="timeline-marker" aria-hidden="true">
            {m.state === 'done' ? '✓' : m.state === 'held' ? '!' : m.state === 'cancelled' ? '×' : ''}
          </span>
          <div className="timeline-body">
            <p className="timeline-title">
              {m.title}
              <span className="visually-hidden">: {t(`state.${m.state}`)}</span>
            </p>
            {m.at ? (
              <p className="timeline-time">
                <time dateTime={m.at}>{absoluteTime(m.at)}</time>{' '}
                <span className="muted">({shortAgo(m.at, now)})</span>
              </p>
            ) : m.detail ? null : (
              <p className="timeline-time muted">{t(`state.${m.state}`)}</p>
            )}
            {m.detail && <p className="timeline-detail">{m.detail}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}

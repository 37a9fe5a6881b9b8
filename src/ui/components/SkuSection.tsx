import type { ReactNode } from 'react';

interface Props {
  id: string;
  title: string;
  count: number;
  intro: string;
  /** Said instead of an empty table. */
  none: string;
  children: ReactNode;
}

/** One list of the SKU check: what it is, why it matters, and its rows (or that there are none). */
export function SkuSection({ id, title, count, intro, none, children }: Props) {
  return (
    <section className="section card card-flush" id={id} aria-labelledby={`${id}-heading`}>
      <div className="card-flush-heading">
        <h2 id={`${id}-heading`}>
          {title} <span className="count">{count}</span>
        </h2>
        <p className="muted">{intro}</p>
      </div>
      {count === 0 ? (
        <p className="empty empty-flush">{none}</p>
      ) : (
        <div className="table-wrap">{children}</div>
      )}
    </section>
  );
}

import type { ReactNode } from 'react';

interface Props {
  title: string;
  /** The number to take away, big: "42", "4.2 s". */
  headline: ReactNode;
  /** What the headline means, small. */
  caption: ReactNode;
  legend?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}

/** A chart with its headline number, so a glance is enough and the drawing is for the trend. */
export function ChartCard({ title, headline, caption, legend, children, wide = false }: Props) {
  return (
    <figure className={wide ? 'card chart-card chart-card-wide' : 'card chart-card'}>
      <figcaption className="chart-head">
        <h3>{title}</h3>
        <p className="chart-headline">
          <strong>{headline}</strong> <span className="muted">{caption}</span>
        </p>
        {legend && <div className="chart-legend">{legend}</div>}
      </figcaption>
      {children}
    </figure>
  );
}

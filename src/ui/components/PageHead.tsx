import type { ReactNode } from 'react';

interface Props {
  title: string;
  lead: ReactNode;
  /** Beside the title on wide screens: filters or a live indicator. */
  aside?: ReactNode;
}

export function PageHead({ title, lead, aside }: Props) {
  return (
    <div className="page-head page-head-split">
      <div>
        <h1>{title}</h1>
        <p className="lead">{lead}</p>
      </div>
      {aside && <div className="page-head-aside">{aside}</div>}
    </div>
  );
}

import type { ReactNode } from 'react';

interface Props {
  /** Controlled, so that a refused submit can open it to show the message of a field inside. */
  open: boolean;
  onToggle: (open: boolean) => void;
  children: ReactNode;
}

/** Settings most never need, folded away under "Advanced". */
export function AdvancedSection({ open, onToggle, children }: Props) {
  return (
    <details className="advanced" open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary>Advanced</summary>
      {children}
    </details>
  );
}

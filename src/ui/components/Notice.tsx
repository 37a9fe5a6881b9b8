import type { ReactNode } from 'react';

/** A calm success line, announced politely. */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <p className="notice" role="status">
      <span aria-hidden="true">✓ </span>
      {children}
    </p>
  );
}

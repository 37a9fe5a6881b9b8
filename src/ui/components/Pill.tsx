import type { Tone } from '../lib/labels.ts';

/** A small coloured state label (run status, order state); the text says it, the colour only helps. */
export function Pill({ tone, children }: { tone: Tone; children: string }) {
  return <span className={`pill pill-${tone}`}>{children}</span>;
}

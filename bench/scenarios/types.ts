import type { Hub } from '../hub.ts';
import type { Measurement } from '../meter.ts';
import type { Sandboxes } from '../sandboxes.ts';

export interface Bench {
  hub: Hub;
  sandboxes: Sandboxes;
  skus: number;
  log: (line: string) => void;
}

export interface Latency {
  samplesMs: number[];
  p50Ms: number;
  p95Ms: number;
}

/** One row of the table. */
export interface ScenarioResult {
  name: string;
  skus: number;
  /** SKUs whose stock changed (stock scenarios) or orders created (orders). */
  changes: number | null;
  measurement: Measurement;
  orderLatency?: Latency;
  stockLatency?: Latency;
  target?: { text: string; pass: boolean };
  /** What was checked afterwards on the sandboxes, and anything a reader must know about the numbers. */
  notes: string[];
}

import type { ReturnStatus } from '../after-sale-api.ts';
import { i18n } from '../i18n/index.ts';
import type { Tone } from './labels.ts';

const TONES: Record<ReturnStatus, Tone> = {
  announced: 'info',
  arrived: 'warn',
  accepted: 'ok',
  rejected: 'bad',
  clarification: 'warn',
  repair: 'neutral',
  closed: 'neutral',
};

export const RETURN_STATUSES = Object.keys(TONES) as ReturnStatus[];

/** A return line's status as a pill: the words in the reader's language, the tone by what it asks of the seller. */
export function returnStatus(status: ReturnStatus): { label: string; tone: Tone } {
  return { label: i18n.t(`statusLabel.${status}`, { ns: 'returns' }), tone: TONES[status] };
}

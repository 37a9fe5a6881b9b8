import type { Mail } from './mailer.ts';

export interface AlertItem {
  message: string;
  hint: string | null;
}

/**
 * One e-mail for everything that opened or cleared since the last one: the seller's words from the issue (never
 * a code), what to do, and where to look. Plain text, so every mail client shows it the same.
 */
export function composeAlert(recipients: string[], opened: AlertItem[], cleared: AlertItem[]): Mail {
  const subject =
    opened.length > 0
      ? `AdlerDo: syncing stopped, ${opened.length === 1 ? '1 thing needs you' : `${opened.length} things need you`}`
      : `AdlerDo: ${cleared.length === 1 ? '1 problem is solved' : `${cleared.length} problems are solved`}, syncing goes on`;
  const lines: string[] = [];
  if (opened.length > 0) {
    lines.push('These stop AdlerDo from syncing until someone acts:', '');
    for (const item of opened) {
      lines.push(`• ${item.message}`);
      if (item.hint) lines.push(`  What to do: ${item.hint}`);
    }
    lines.push('');
  }
  if (cleared.length > 0) {
    lines.push('Solved, syncing goes on:', '');
    for (const item of cleared) lines.push(`• ${item.message}`);
    lines.push('');
  }
  lines.push('Open AdlerDo (Overview or Issues) for the details.');
  return { to: recipients, subject, text: lines.join('\n') };
}

import { ALERT_TEXTS, type AlertLanguage } from './catalog.ts';

export interface AlertItem {
  message: string;
  hint: string | null;
}

/** What goes out on every channel: the mail's subject and body; the webhook shows both as one message. */
export interface AlertMessage {
  subject: string;
  text: string;
}

/**
 * One message for everything that opened or cleared since the last one: the seller's words from the issue (never
 * a code), what to do, and where to look. Plain text, so every mail client and chat shows it the same.
 */
export function composeAlert(
  language: AlertLanguage,
  opened: AlertItem[],
  cleared: AlertItem[],
): AlertMessage {
  const t = ALERT_TEXTS[language];
  const subject = opened.length > 0 ? t.openedSubject(opened.length) : t.clearedSubject(cleared.length);
  const lines: string[] = [];
  if (opened.length > 0) {
    lines.push(t.openedIntro, '');
    for (const item of opened) {
      lines.push(`• ${item.message}`);
      if (item.hint) lines.push(`  ${t.whatToDo} ${item.hint}`);
    }
    lines.push('');
  }
  if (cleared.length > 0) {
    lines.push(t.clearedIntro, '');
    for (const item of cleared) lines.push(`• ${item.message}`);
    lines.push('');
  }
  lines.push(t.footer);
  return { subject, text: lines.join('\n') };
}

export interface DigestFacts {
  /** The local day the digest is for, as the seller writes it (2.12.2026 / 2 Dec 2026). */
  day: string;
  open: AlertItem[];
  imported: number;
  received: number;
  held: number;
}

/** The daily summary: what is open now, and how the orders went in the last 24 hours. */
export function composeDigest(language: AlertLanguage, facts: DigestFacts): AlertMessage {
  const t = ALERT_TEXTS[language];
  const lines: string[] = [];
  if (facts.open.length > 0) {
    lines.push(t.digestOpen(facts.open.length), '');
    for (const item of facts.open) {
      lines.push(`• ${item.message}`);
      if (item.hint) lines.push(`  ${t.whatToDo} ${item.hint}`);
    }
  } else lines.push(t.digestNothingOpen);
  lines.push(
    '',
    t.digestReceived(facts.received),
    t.digestImported(facts.imported),
    t.digestHeld(facts.held),
    '',
    t.footer,
  );
  return { subject: t.digestSubject(facts.day), text: lines.join('\n') };
}

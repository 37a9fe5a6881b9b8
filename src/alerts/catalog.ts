/**
 * The frame of every text AdlerDo sends outside the browser (alert e-mails, webhook messages, the digest), in the
 * two languages the settings offer; the issues inside are said from the web app's catalogues (issue-words.ts).
 * German is the default: most sellers on the marketplace are German-speaking.
 */
export const ALERT_LANGUAGES = ['de', 'en'] as const;
export type AlertLanguage = (typeof ALERT_LANGUAGES)[number];

export interface AlertTexts {
  openedSubject(count: number): string;
  clearedSubject(count: number): string;
  openedIntro: string;
  whatToDo: string;
  clearedIntro: string;
  footer: string;
  testSubject: string;
  testMail: string;
  testWebhook: string;
  digestSubject(day: string): string;
  digestOpen(count: number): string;
  digestNothingOpen: string;
  digestImported(count: number): string;
  digestReceived(count: number): string;
  digestHeld(count: number): string;
}

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

export const ALERT_TEXTS: Record<AlertLanguage, AlertTexts> = {
  en: {
    openedSubject: (n) =>
      `AdlerDo: syncing stopped, ${plural(n, '1 thing needs you', `${n} things need you`)}`,
    clearedSubject: (n) =>
      `AdlerDo: ${plural(n, '1 problem is solved', `${n} problems are solved`)}, syncing goes on`,
    openedIntro: 'These stop AdlerDo from syncing until someone acts:',
    whatToDo: 'What to do:',
    clearedIntro: 'Solved, syncing goes on:',
    footer: 'Open AdlerDo (Overview or Issues) for the details.',
    testSubject: 'AdlerDo: test alert',
    testMail: 'This is a test. AdlerDo e-mails this address when syncing stops and when it goes on again.',
    testWebhook:
      'AdlerDo test message: alerts reach this channel when syncing stops and when it goes on again.',
    digestSubject: (day) => `AdlerDo: daily summary for ${day}`,
    digestOpen: (n) => plural(n, '1 problem needs you:', `${n} problems need you:`),
    digestNothingOpen: 'Nothing needs you: no problem is open.',
    digestImported: (n) => `Orders that reached the ERP in the last 24 hours: ${n}`,
    digestReceived: (n) => `Orders received from the marketplace in the last 24 hours: ${n}`,
    digestHeld: (n) => `Orders held back now (not in the ERP yet): ${n}`,
  },
  de: {
    openedSubject: (n) =>
      `AdlerDo: Synchronisation angehalten, ${plural(n, '1 Punkt braucht Sie', `${n} Punkte brauchen Sie`)}`,
    clearedSubject: (n) =>
      `AdlerDo: ${plural(n, '1 Problem ist gelöst', `${n} Probleme sind gelöst`)}, die Synchronisation läuft weiter`,
    openedIntro: 'Diese Punkte halten die Synchronisation an, bis jemand etwas tut:',
    whatToDo: 'Was zu tun ist:',
    clearedIntro: 'Gelöst, die Synchronisation läuft weiter:',
    footer: 'Die Einzelheiten stehen in AdlerDo unter Übersicht und Probleme.',
    testSubject: 'AdlerDo: Test-Benachrichtigung',
    testMail:
      'Dies ist ein Test. AdlerDo schreibt an diese Adresse, wenn die Synchronisation anhält und wenn sie weiterläuft.',
    testWebhook:
      'AdlerDo-Testnachricht: Hier erscheinen Benachrichtigungen, wenn die Synchronisation anhält und wenn sie weiterläuft.',
    digestSubject: (day) => `AdlerDo: Tageszusammenfassung vom ${day}`,
    digestOpen: (n) => plural(n, '1 Problem braucht Sie:', `${n} Probleme brauchen Sie:`),
    digestNothingOpen: 'Nichts braucht Sie: Es ist kein Problem offen.',
    digestImported: (n) => `Bestellungen, die in den letzten 24 Stunden im ERP angekommen sind: ${n}`,
    digestReceived: (n) => `Bestellungen, die in den letzten 24 Stunden vom Marktplatz kamen: ${n}`,
    digestHeld: (n) => `Jetzt zurückgehaltene Bestellungen (noch nicht im ERP): ${n}`,
  },
};

import { ATTENTION } from '../sync/attention/attention-codes.ts';

/**
 * Every text AdlerDo sends outside the browser (alert e-mails, webhook messages, the digest), in the two languages
 * the settings offer. The web app has its own catalogues; these stay on the server because the alerter runs
 * without a browser. German is the default: most sellers on the marketplace are German-speaking.
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

/** What the German texts of an issue need; the English ones are the issue's own message and hint. */
export interface IssueFacts {
  code: string;
  subject: string;
  account: string | null;
  details: Record<string, unknown>;
  failedRuns: number;
  heldMinutes: number;
}

const STEP_NAMES_DE: Record<string, string> = {
  catalog: 'Katalog',
  stock: 'Bestand',
  orders: 'Bestellungen',
  shipments: 'Versand',
  cancellations: 'Stornierungen',
};

/** The German message and hint of an attention issue, or undefined for a code this catalogue does not know. */
export function issueTextDe(issue: IssueFacts): { message: string; hint: string } | undefined {
  const account = issue.account ?? 'Ein Konto';
  switch (issue.code) {
    case ATTENTION.credentialsInvalid:
      return {
        message: `${account}: Der Marktplatz hat die API-Schlüssel abgelehnt, dieses Konto synchronisiert nicht mehr.`,
        hint: 'Erzeugen Sie bei Bedarf neue Schlüssel im Seller Portal, klicken Sie dann auf „Schlüssel aktualisieren“ und geben Sie das neue Paar ein.',
      };
    case ATTENTION.secretsUnreadable:
      return {
        message: `${account}: AdlerDo kann die gespeicherten Schlüssel dieses Kontos nicht lesen, es synchronisiert nicht mehr.`,
        hint: 'Starten Sie AdlerDo mit dem Hauptschlüssel, mit dem die Schlüssel gespeichert wurden, oder geben Sie sie mit „Schlüssel aktualisieren“ neu ein.',
      };
    case ATTENTION.erpRefusing:
      return {
        message: 'Das ERP lehnt die Verbindung von AdlerDo ab, deshalb synchronisiert kein Konto.',
        hint: 'Prüfen Sie die ERP-Verbindung: Aktualisieren Sie den API-Schlüssel oder die Einstellungen auf der ERP-Seite.',
      };
    case ATTENTION.erpUnreachable:
      return {
        message: 'Das ERP antwortet nicht, deshalb warten Bestellungen und Bestände.',
        hint: 'Prüfen Sie die ERP-Verbindung: Läuft der Server, stimmt die Adresse? AdlerDo versucht es von selbst erneut.',
      };
    case ATTENTION.stepFailing:
      return {
        message: `${account}: Der Schritt „${STEP_NAMES_DE[issue.subject] ?? issue.subject}“ ist ${issue.failedRuns}-mal hintereinander fehlgeschlagen.`,
        hint: 'Die Seite „Läufe“ zeigt, was die Läufe melden; der Schritt läuft von selbst wieder, und nach einem Erfolg ist dieser Punkt erledigt.',
      };
    case ATTENTION.ordersHeld: {
      const orders = typeof issue.details.orders === 'number' ? issue.details.orders : 0;
      return {
        message: `${account}: ${orders === 1 ? '1 Bestellung wird' : `${orders} Bestellungen werden`} seit mehr als ${issue.heldMinutes} Minuten zurückgehalten und ${orders === 1 ? 'ist' : 'sind'} noch nicht im ERP.`,
        hint: 'Öffnen Sie die zurückgehaltenen Bestellungen, um den Grund zu sehen (oft fehlt ein Produkt im ERP), beheben Sie ihn und klicken Sie auf „Erneut versuchen“.',
      };
    }
    case ATTENTION.shipmentRejected:
      return {
        message: `${account}: Der Marktplatz hat eine Versandbestätigung abgelehnt.`,
        hint: 'Prüfen Sie den Versanddienstleister auf der Seite „Versanddienstleister“ und die Sendungsnummer im ERP; beim nächsten Durchlauf wird es erneut versucht.',
      };
    default:
      return undefined;
  }
}

import { currentLanguage, i18n } from '../i18n/index.ts';

/*
 * Why push is off, as the server says it (push/marketplace-subscriptions.ts, pushBlocker): fixed English
 * sentences without a code. The known ones are said from the `push` catalogue in the language on screen;
 * anything else (a marketplace's error while subscribing) is shown as it came.
 */
const KNOWN: Record<string, string> = {
  'This marketplace cannot notify AdlerDo; it is polled.': 'noPush',
  'Set ADLERDO_PUBLIC_URL (the https address where the marketplace can reach AdlerDo) to receive orders within seconds instead of polling.':
    'noPublicUrl',
  'Add a fallback e-mail in the account settings: the marketplace needs one for its notifications, and mails it if it cannot reach AdlerDo.':
    'noEmail',
  'The account is not connected; it is polled once it is.': 'notConnected',
};

export function pushMessageText(message: string, language: string = currentLanguage()): string {
  const key = KNOWN[message];
  if (key === undefined) return message;
  return i18n.t(`account.blocker.${key}`, { ns: 'push', lng: language });
}

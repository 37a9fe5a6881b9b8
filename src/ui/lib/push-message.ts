import type { CodedMessage } from '../../core/coded-message.ts';
import { currentLanguage } from '../i18n/index.ts';
import { causeText, codedMessageText } from './coded-message-text.ts';

/** Notes that carry the error that stopped push (its code as `cause`, its English words as `detail`). */
const WITH_CAUSE = new Set(['push.subscriptions_failed', 'push.erp_rules_failed']);

/**
 * Why push is off or not working, as the server says it (push/marketplace-subscriptions.ts, push/erp-rules.ts,
 * the ERP connector's availability): by its code in the language on screen. A failure names its cause, which is
 * said by that error's own code where the catalogue has it.
 */
export function pushMessageText(note: CodedMessage, language: string = currentLanguage()): string {
  if (!WITH_CAUSE.has(note.code)) return codedMessageText(note, language);
  const cause = causeText(String(note.values.cause ?? ''), String(note.values.detail ?? ''), language);
  return codedMessageText(note, language, { ...note.values, cause });
}

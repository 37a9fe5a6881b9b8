import { useTranslation } from 'react-i18next';
import { issueWords, type IssueWordsInput } from '../lib/issue-catalog.ts';

/** An issue's message and what to do about it, in the reader's language, for the order page's alert. */
export function OrderIssueWords({ issue }: { issue: IssueWordsInput }) {
  const { t, i18n } = useTranslation('order');
  const { message, hint } = issueWords(issue, i18n.resolvedLanguage ?? i18n.language);
  return (
    <>
      <p className="alert-title">{message}</p>
      {hint && <p className="alert-hint">{t('whatToDo', { hint })}</p>}
    </>
  );
}

import { useTranslation } from 'react-i18next';

interface Props {
  /** What did not load, as the subject of a sentence: "The orders" / "Die Bestellungen". */
  what: string;
  message: string;
  onRetry: () => void;
}

/** "The orders could not be loaded" with the reason and a way to try again. */
export function LoadFailed({ what, message, onRetry }: Props) {
  const { t } = useTranslation('common');
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{t('loadFailed', { what })}</p>
      <p>{message}</p>
      <button type="button" className="btn btn-secondary" onClick={onRetry}>
        {t('retry')}
      </button>
    </div>
  );
}

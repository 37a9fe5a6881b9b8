import { useTranslation } from 'react-i18next';

interface Props {
  error: string | undefined;
  everySeconds: number;
}

/** Tells that the page refreshes itself, and says so plainly when the last refresh failed. */
export function LiveStatus({ error, everySeconds }: Props) {
  const { t } = useTranslation('common');
  return error ? (
    <p className="live live-error" role="status">
      <span className="live-dot" aria-hidden="true" /> {t('live.failed', { error })}
    </p>
  ) : (
    <p className="live">
      <span className="live-dot" aria-hidden="true" /> {t('live.on', { seconds: everySeconds })}
    </p>
  );
}

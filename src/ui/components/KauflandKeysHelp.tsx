import { Trans, useTranslation } from 'react-i18next';

export const SELLER_PORTAL_API_URL = 'https://sellerportal.kaufland.de/settings/api';

/**
 * Where the keys come from, in the guide's words, and the one thing that breaks connections. The Seller
 * Portal's own labels (Settings → Shop Settings → API, "Generate new API keys", Client ID, Client Secret) stay
 * as Kaufland writes them, in both languages, so the seller finds them on the page.
 */
export function KauflandKeysHelp() {
  const { t } = useTranslation('accounts');
  return (
    <aside className="help" aria-labelledby="keys-help-heading">
      <h3 id="keys-help-heading">{t('help.heading')}</h3>
      <p>
        <Trans
          t={t}
          i18nKey="help.where"
          components={{
            b: <strong />,
            portal: <a href={SELLER_PORTAL_API_URL} target="_blank" rel="noreferrer" />,
          }}
        />
      </p>
      <p>
        <Trans t={t} i18nKey="help.masked" components={{ b: <strong /> }} />
      </p>
      <p className="help-warning">
        <span aria-hidden="true">⚠️ </span>
        <strong>{t('help.warningStrong')}</strong> {t('help.warning')}
      </p>
    </aside>
  );
}

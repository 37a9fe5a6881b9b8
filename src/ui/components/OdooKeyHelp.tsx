import { Trans, useTranslation } from 'react-i18next';

/** Where each value comes from in Odoo, and what happens when the key is deleted there. */
export function OdooKeyHelp() {
  const { t } = useTranslation('erp');
  const tags = { strong: <strong />, mono: <span className="mono" /> };
  return (
    <aside className="help" aria-labelledby="odoo-help-heading">
      <h3 id="odoo-help-heading">{t('help.heading')}</h3>
      <p>
        <strong>{t('help.urlLabel')}</strong> <Trans t={t} i18nKey="help.url" components={tags} />
      </p>
      <p>
        <strong>{t('help.keyLabel')}</strong> <Trans t={t} i18nKey="help.key" components={tags} />
      </p>
      <p>{t('help.user')}</p>
      <p className="help-warning">
        <span aria-hidden="true">⚠️ </span>
        <Trans t={t} i18nKey="help.warning" components={tags} />
      </p>
    </aside>
  );
}

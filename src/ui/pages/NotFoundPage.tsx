import { Trans, useTranslation } from 'react-i18next';
import { HOME_PATH } from '../routing.ts';
import { Link } from '../components/Link.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';

export function NotFoundPage() {
  const { t } = useTranslation('common');
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="page-head">
      <h1>{t('notFound.heading')}</h1>
      <p className="lead">
        <Trans t={t} i18nKey="notFound.lead" components={{ home: <Link to={HOME_PATH} /> }} />
      </p>
    </div>
  );
}

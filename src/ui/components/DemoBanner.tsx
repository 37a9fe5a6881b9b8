import { Trans, useTranslation } from 'react-i18next';
import type { DemoInfo } from '../dashboard-types.ts';
import { formatCount } from '../lib/format.ts';
import { Link } from './Link.tsx';

/** Says what the newcomer is looking at, and where the planted problem shows. */
export function DemoBanner({ demo }: { demo: DemoInfo }) {
  const { t } = useTranslation('overview');
  return (
    <aside className="demo-banner" aria-label={t('demo.label')}>
      <p className="demo-banner-title">{t('demo.title')}</p>
      <p>
        <Trans
          t={t}
          i18nKey="demo.text"
          values={{
            products: formatCount(demo.products),
            storefronts: demo.storefronts.map((s) => s.toUpperCase()).join(', '),
            sku: demo.mismatchSku,
          }}
          components={{
            sku: <span className="mono" />,
            skuCheck: <Link to="/sku-check" />,
            issues: <Link to="/issues" />,
          }}
        />
      </p>
    </aside>
  );
}

import { useTranslation } from 'react-i18next';
import type { SkuCheck } from '../dashboard-types.ts';
import { formatCount } from '../lib/format.ts';
import { SkuSection } from './SkuSection.tsx';

interface Props {
  check: SkuCheck;
  marketplace: string;
  erp: string;
}

/** The counts first, as tiles that jump to their list. */
export function SkuCheckTiles({ check, marketplace, erp }: Props) {
  const { t } = useTranslation('skucheck');
  const names = { erp, marketplace };
  const tiles = [
    { id: 'erp-only', n: check.erpNotOnMarketplace.length, text: t('tile.erpOnly', names) },
    { id: 'marketplace-only', n: check.marketplaceNotInErp.length, text: t('tile.marketplaceOnly', names) },
    { id: 'duplicate-eans', n: check.duplicateEans.length, text: t('tile.duplicateEans') },
  ];
  return (
    <ul className="tiles tiles-3" aria-label={t('summary')}>
      {tiles.map((tile) => (
        <li key={tile.id} className={tile.n > 0 ? 'card tile tile-warn' : 'card tile'}>
          <a href={`#${tile.id}`} className="tile-link">
            <span className="tile-value">{formatCount(tile.n)}</span>
            <span className="tile-note">{tile.text}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The three lists, the one that holds orders back first. */
export function SkuCheckSections({ check, marketplace, erp }: Props) {
  const { t } = useTranslation('skucheck');
  const names = { erp, marketplace };
  return (
    <>
      <SkuSection
        id="marketplace-only"
        title={t('marketplaceOnly.title', names)}
        intro={t('marketplaceOnly.intro', names)}
        none={t('marketplaceOnly.none')}
        rows={check.marketplaceNotInErp}
        rowKey={(o) => `${o.sku}-${o.channel}`}
        columns={[
          { header: t('col.sku'), mono: true, cell: (o) => o.sku },
          {
            header: t('col.storefront'),
            cell: (o) => (o.channel ? <span className="chip">{o.channel.toUpperCase()}</span> : '–'),
          },
        ]}
      />
      <SkuSection
        id="duplicate-eans"
        title={t('duplicateEans.title')}
        intro={t('duplicateEans.intro', names)}
        none={t('duplicateEans.none')}
        rows={check.duplicateEans}
        rowKey={(d) => d.ean}
        columns={[
          { header: t('col.ean'), mono: true, cell: (d) => d.ean },
          { header: t('col.skus'), mono: true, cell: (d) => d.skus.join(', ') },
        ]}
      />
      <SkuSection
        id="erp-only"
        title={t('erpOnly.title', names)}
        intro={t('erpOnly.intro')}
        none={t('erpOnly.none')}
        rows={check.erpNotOnMarketplace}
        rowKey={(p) => p.sku}
        columns={[
          { header: t('col.sku'), mono: true, cell: (p) => p.sku },
          { header: t('col.name'), cell: (p) => p.name },
          {
            header: t('col.ean'),
            mono: true,
            cell: (p) => p.ean ?? <span className="muted">{t('noEan')}</span>,
          },
          // The server's reason follows from the EAN alone; said here in the reader's language.
          {
            header: t('col.why'),
            cell: (p) =>
              p.contentState === 'refused'
                ? t('reason.contentRefused', { marketplace })
                : p.contentState
                  ? t('reason.waitingForContent', { marketplace })
                  : p.ean
                    ? t('reason.notOffered')
                    : t('reason.noEan'),
          },
        ]}
      />
    </>
  );
}

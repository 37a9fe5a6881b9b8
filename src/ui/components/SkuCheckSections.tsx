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
  const tiles = [
    { id: 'erp-only', n: check.erpNotOnMarketplace.length, text: `in ${erp}, not on ${marketplace}` },
    { id: 'marketplace-only', n: check.marketplaceNotInErp.length, text: `on ${marketplace}, not in ${erp}` },
    { id: 'duplicate-eans', n: check.duplicateEans.length, text: 'EANs on more than one SKU' },
  ];
  return (
    <ul className="tiles tiles-3" aria-label="Summary">
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
  return (
    <>
      <SkuSection
        id="marketplace-only"
        title={`On ${marketplace}, not in ${erp}`}
        intro={`Offers whose SKU no ${erp} product has: their stock is never updated and their orders are held. Give a product in ${erp} that SKU (internal reference), or end the offer on ${marketplace}.`}
        none="None: every offer has its product."
        rows={check.marketplaceNotInErp}
        rowKey={(o) => `${o.sku}-${o.channel}`}
        columns={[
          { header: 'SKU', mono: true, cell: (o) => o.sku },
          {
            header: 'Storefront',
            cell: (o) => (o.channel ? <span className="chip">{o.channel.toUpperCase()}</span> : '–'),
          },
        ]}
      />
      <SkuSection
        id="duplicate-eans"
        title="Duplicate EANs"
        intro={`${marketplace} knows a product by its EAN, so of several SKUs with one EAN only one can be offered.`}
        none="None: every EAN belongs to one SKU."
        rows={check.duplicateEans}
        rowKey={(d) => d.ean}
        columns={[
          { header: 'EAN', mono: true, cell: (d) => d.ean },
          { header: 'SKUs', mono: true, cell: (d) => d.skus.join(', ') },
        ]}
      />
      <SkuSection
        id="erp-only"
        title={`In ${erp}, not on ${marketplace}`}
        intro="Active products without an offer yet, and why."
        none="None: every active product is offered."
        rows={check.erpNotOnMarketplace}
        rowKey={(p) => p.sku}
        columns={[
          { header: 'SKU', mono: true, cell: (p) => p.sku },
          { header: 'Name', cell: (p) => p.name },
          { header: 'EAN', mono: true, cell: (p) => p.ean ?? <span className="muted">none</span> },
          { header: 'Why', cell: (p) => p.reason },
        ]}
      />
    </>
  );
}

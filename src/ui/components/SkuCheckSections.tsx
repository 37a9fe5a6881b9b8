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
        count={check.marketplaceNotInErp.length}
        intro={`Offers whose SKU no ${erp} product has: their stock is never updated and their orders are held. Give a product in ${erp} that SKU (internal reference), or end the offer on ${marketplace}.`}
        none="None: every offer has its product."
      >
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">SKU</th>
              <th scope="col">Storefront</th>
            </tr>
          </thead>
          <tbody>
            {check.marketplaceNotInErp.map((o) => (
              <tr key={`${o.sku}-${o.channel}`}>
                <th scope="row" data-label="SKU" className="mono">
                  {o.sku}
                </th>
                <td data-label="Storefront">
                  {o.channel ? <span className="chip">{o.channel.toUpperCase()}</span> : '–'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </SkuSection>
      <SkuSection
        id="duplicate-eans"
        title="Duplicate EANs"
        count={check.duplicateEans.length}
        intro={`${marketplace} knows a product by its EAN, so of several SKUs with one EAN only one can be offered.`}
        none="None: every EAN belongs to one SKU."
      >
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">EAN</th>
              <th scope="col">SKUs</th>
            </tr>
          </thead>
          <tbody>
            {check.duplicateEans.map((d) => (
              <tr key={d.ean}>
                <th scope="row" data-label="EAN" className="mono">
                  {d.ean}
                </th>
                <td data-label="SKUs" className="mono">
                  {d.skus.join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </SkuSection>
      <SkuSection
        id="erp-only"
        title={`In ${erp}, not on ${marketplace}`}
        count={check.erpNotOnMarketplace.length}
        intro="Active products without an offer yet, and why."
        none="None: every active product is offered."
      >
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">SKU</th>
              <th scope="col">Name</th>
              <th scope="col">EAN</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {check.erpNotOnMarketplace.map((p) => (
              <tr key={p.sku}>
                <th scope="row" data-label="SKU" className="mono">
                  {p.sku}
                </th>
                <td data-label="Name">{p.name}</td>
                <td data-label="EAN" className="mono">
                  {p.ean ?? <span className="muted">none</span>}
                </td>
                <td data-label="Why">{p.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </SkuSection>
    </>
  );
}

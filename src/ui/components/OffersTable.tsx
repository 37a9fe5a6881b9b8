import type { OfferRow } from '../dashboard-types.ts';
import { formatCount } from '../lib/format.ts';
import { formatMoney } from '../lib/money.ts';
import { absoluteTime, timeAgo } from '../lib/time.ts';
import { Pill } from './Pill.tsx';

interface Props {
  offers: OfferRow[];
  currency: string;
  marketplace: string;
  erp: string;
  now: number;
}

function OfferState({ offer, marketplace }: { offer: OfferRow; marketplace: string }) {
  if (offer.lastError)
    return (
      <>
        <Pill tone="bad">Refused</Pill>
        <span className="cell-error">{offer.lastError}</span>
      </>
    );
  if (!offer.ean) return <Pill tone="warn">No EAN</Pill>;
  if (offer.marketplaceAmount === null && !offer.confirmedAt)
    return <Pill tone="neutral">{`Not on ${marketplace}`}</Pill>;
  if (offer.outOfSync) return <Pill tone="warn">Out of sync</Pill>;
  if (offer.offerStatus === 'on_hold') return <Pill tone="neutral">On hold</Pill>;
  return <Pill tone="ok">In sync</Pill>;
}

/**
 * Per SKU: the ERP's free quantity, the pieces reserved in AdlerDo and the buffers, what AdlerDo offers from
 * them, and the amount and price the marketplace last confirmed.
 */
export function OffersTable({ offers, currency, marketplace, erp, now }: Props) {
  return (
    <div className="table-wrap">
      <table className="data-table offers-table">
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">EAN</th>
            <th scope="col" className="num">
              {erp} free
            </th>
            <th scope="col" className="num" title="Sold on a marketplace, not reserved in the ERP yet">
              Reserved
            </th>
            <th scope="col" className="num" title="Safety buffers of the ERP and this account">
              Buffers
            </th>
            <th scope="col" className="num" title={`${erp} free − reserved − buffers`}>
              Offered
            </th>
            <th scope="col" className="num">
              {erp} price
            </th>
            <th scope="col" className="num">
              {marketplace} amount
            </th>
            <th scope="col" className="num">
              {marketplace} price
            </th>
            <th scope="col">Confirmed</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {offers.map((offer) => {
            // Against the price AdlerDo offers (converted into the channel's currency), not the ERP's number.
            const channelCurrency = offer.currency ?? currency;
            const priceDiffers =
              offer.marketplacePriceMinor !== null &&
              offer.offeredPriceMinor !== null &&
              offer.marketplacePriceMinor !== offer.offeredPriceMinor;
            const converted = offer.erpCurrency !== null && offer.erpCurrency !== channelCurrency;
            return (
              <tr key={offer.sku} className={offer.outOfSync ? 'row-attention' : undefined}>
                <th scope="row" data-label="Product">
                  <span className="mono sku">{offer.sku}</span>
                  <span className="cell-note">{offer.name}</span>
                </th>
                <td data-label="EAN" className="mono">
                  {offer.ean ?? <span className="muted">none</span>}
                </td>
                <td data-label={`${erp} free`} className="num">
                  {formatCount(offer.erpQuantity)}
                </td>
                <td data-label="Reserved" className={offer.reservedQty > 0 ? 'num cell-differs' : 'num'}>
                  {formatCount(offer.reservedQty)}
                </td>
                <td data-label="Buffers" className="num">
                  {formatCount(offer.bufferQty)}
                </td>
                <td data-label="Offered" className="num">
                  {formatCount(offer.offeredQty)}
                </td>
                <td data-label={`${erp} price`} className="num">
                  {offer.erpCurrency === null
                    ? (offer.erpPriceMinor / 100).toFixed(2)
                    : formatMoney(offer.erpPriceMinor, offer.erpCurrency)}
                  {converted && (
                    <span className="cell-note">
                      {offer.offeredPriceMinor === null
                        ? `no ${channelCurrency} rate`
                        : `→ ${formatMoney(offer.offeredPriceMinor, channelCurrency)}`}
                    </span>
                  )}
                </td>
                <td data-label={`${marketplace} amount`} className="num">
                  {offer.marketplaceAmount === null ? '–' : formatCount(offer.marketplaceAmount)}
                </td>
                <td data-label={`${marketplace} price`} className={priceDiffers ? 'num cell-differs' : 'num'}>
                  {offer.marketplacePriceMinor === null
                    ? '–'
                    : formatMoney(offer.marketplacePriceMinor, channelCurrency)}
                </td>
                <td data-label="Confirmed">
                  {offer.confirmedAt ? (
                    <time dateTime={offer.confirmedAt} title={absoluteTime(offer.confirmedAt)}>
                      {timeAgo(offer.confirmedAt, now)}
                    </time>
                  ) : (
                    <span className="muted">Never</span>
                  )}
                </td>
                <td data-label="State">
                  <OfferState offer={offer} marketplace={marketplace} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

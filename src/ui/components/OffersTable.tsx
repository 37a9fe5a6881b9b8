import { useTranslation } from 'react-i18next';
import type { OfferRow } from '../dashboard-types.ts';
import { formatCount, formatDecimal } from '../lib/format.ts';
import { formatMoney } from '../lib/money.ts';
import { absoluteTime, timeAgo } from '../lib/time.ts';
import { OfferRefusalText } from './OfferRefusalText.tsx';
import { Pill } from './Pill.tsx';

interface Props {
  offers: OfferRow[];
  currency: string;
  marketplace: string;
  erp: string;
  now: number;
}

function OfferState({ offer, marketplace }: { offer: OfferRow; marketplace: string }) {
  const { t } = useTranslation('offers');
  if (offer.lastError)
    return (
      <>
        <Pill tone="bad">{t('state.refused')}</Pill>
        <OfferRefusalText stored={offer.lastError} marketplace={marketplace} />
      </>
    );
  if (!offer.ean) return <Pill tone="warn">{t('state.noEan')}</Pill>;
  if (offer.marketplaceAmount === null && !offer.confirmedAt)
    return <Pill tone="neutral">{t('state.notOn', { marketplace })}</Pill>;
  if (offer.outOfSync) return <Pill tone="warn">{t('state.outOfSync')}</Pill>;
  if (offer.offerStatus === 'on_hold') return <Pill tone="neutral">{t('state.onHold')}</Pill>;
  return <Pill tone="ok">{t('state.inSync')}</Pill>;
}

/**
 * Per SKU: the ERP's free quantity, the pieces reserved in AdlerDo and the buffers, what AdlerDo offers from
 * them, and the amount and price the marketplace last confirmed.
 */
export function OffersTable({ offers, currency, marketplace, erp, now }: Props) {
  const { t } = useTranslation('offers');
  const names = { erp, marketplace };
  return (
    <div className="table-wrap">
      <table className="data-table offers-table">
        <thead>
          <tr>
            <th scope="col">{t('col.product')}</th>
            <th scope="col">{t('col.ean')}</th>
            <th scope="col" className="num">
              {t('col.erpFree', names)}
            </th>
            <th scope="col" className="num" title={t('col.reservedTitle')}>
              {t('col.reserved')}
            </th>
            <th scope="col" className="num" title={t('col.buffersTitle')}>
              {t('col.buffers')}
            </th>
            <th scope="col" className="num" title={t('col.offeredTitle', names)}>
              {t('col.offered')}
            </th>
            <th scope="col" className="num">
              {t('col.erpPrice', names)}
            </th>
            <th scope="col" className="num">
              {t('col.marketplaceAmount', names)}
            </th>
            <th scope="col" className="num">
              {t('col.marketplacePrice', names)}
            </th>
            <th scope="col">{t('col.confirmed')}</th>
            <th scope="col">{t('col.state')}</th>
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
                <th scope="row" data-label={t('col.product')}>
                  <span className="mono sku">{offer.sku}</span>
                  <span className="cell-note">{offer.name}</span>
                </th>
                <td data-label={t('col.ean')} className="mono">
                  {offer.ean ?? <span className="muted">{t('noEan')}</span>}
                </td>
                <td data-label={t('col.erpFree', names)} className="num">
                  {formatCount(offer.erpQuantity)}
                </td>
                <td
                  data-label={t('col.reserved')}
                  className={offer.reservedQty > 0 ? 'num cell-differs' : 'num'}
                >
                  {formatCount(offer.reservedQty)}
                </td>
                <td data-label={t('col.buffers')} className="num">
                  {formatCount(offer.bufferQty)}
                </td>
                <td data-label={t('col.offered')} className="num">
                  {formatCount(offer.offeredQty)}
                </td>
                <td data-label={t('col.erpPrice', names)} className="num">
                  {offer.erpCurrency === null
                    ? formatDecimal(offer.erpPriceMinor / 100, 2)
                    : formatMoney(offer.erpPriceMinor, offer.erpCurrency)}
                  {converted && (
                    <span className="cell-note">
                      {offer.offeredPriceMinor === null
                        ? t('noRate', { currency: channelCurrency })
                        : `→ ${formatMoney(offer.offeredPriceMinor, channelCurrency)}`}
                    </span>
                  )}
                </td>
                <td data-label={t('col.marketplaceAmount', names)} className="num">
                  {offer.marketplaceAmount === null ? '–' : formatCount(offer.marketplaceAmount)}
                </td>
                <td
                  data-label={t('col.marketplacePrice', names)}
                  className={priceDiffers ? 'num cell-differs' : 'num'}
                >
                  {offer.marketplacePriceMinor === null
                    ? '–'
                    : formatMoney(offer.marketplacePriceMinor, channelCurrency)}
                </td>
                <td data-label={t('col.confirmed')}>
                  {offer.confirmedAt ? (
                    <time dateTime={offer.confirmedAt} title={absoluteTime(offer.confirmedAt)}>
                      {timeAgo(offer.confirmedAt, now)}
                    </time>
                  ) : (
                    <span className="muted">{t('never')}</span>
                  )}
                </td>
                <td data-label={t('col.state')}>
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

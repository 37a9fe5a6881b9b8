import { useTranslation } from 'react-i18next';
import { offerRefusal } from '../lib/offer-refusal.ts';

/** Why the marketplace refused an offer: the seller's sentence, and the marketplace's own answer beside it. */
export function OfferRefusalText({ stored, marketplace }: { stored: string; marketplace: string }) {
  const { t, i18n } = useTranslation('errors');
  const { text, answer } = offerRefusal(stored, i18n.language);
  return (
    <>
      <span className="cell-error">{text}</span>
      {answer && (
        <span className="cell-error cell-error-answer" lang="en">
          {t('vendorAnswer', { marketplace, answer })}
        </span>
      )}
    </>
  );
}

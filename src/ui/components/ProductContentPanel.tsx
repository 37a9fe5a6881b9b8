import { useCallback, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import '../product-content.css';
import { errorMessage } from '../lib/error-text.ts';
import type { Tone } from '../lib/labels.ts';
import { usePolling } from '../lib/use-polling.ts';
import { productContentApi, type ProductContentView } from '../product-content-api.ts';
import { Link } from './Link.tsx';
import { Pill } from './Pill.tsx';

const REFRESH_MS = 15_000;
const ATTRIBUTES = ['title', 'description', 'picture', 'manufacturer', 'category'];

/** A missing attribute in the reader's words; a declined value with the marketplace's own reason. */
function refusalText(t: TFunction<'skucheck'>, refusal: ProductContentView['refusals'][number]): string {
  const attribute =
    refusal.attribute !== null && ATTRIBUTES.includes(refusal.attribute)
      ? t(`pc.attribute.${refusal.attribute}`)
      : (refusal.attribute ?? '');
  const words =
    refusal.value === null && refusal.reason === 'missing'
      ? t('pc.missing', { attribute })
      : [attribute, refusal.value, refusal.reason].filter(Boolean).join(': ');
  return refusal.language ? `(${refusal.language}) ${words}` : words;
}

/** Per storefront language: the product data is checked in each on its own. */
function Languages({ product, erp }: { product: ProductContentView; erp: string }) {
  const { t } = useTranslation('skucheck');
  if (product.languages.length === 0) return null;
  const untranslated = product.languages.filter((l) => l.textLanguage === null).map((l) => l.language);
  return (
    <>
      <ul className="pc-languages" aria-label={t('pc.languages')}>
        {product.languages.map((l) => (
          <li key={l.channel} data-testid={`pc-${product.sku}-${l.language}`}>
            <span className="mono">{l.language}</span>
            <Pill tone={TONE[l.state]}>{t(`pc.state.${l.state}`)}</Pill>
          </li>
        ))}
      </ul>
      {untranslated.length > 0 && (
        <p className="muted pc-why">
          {t('pc.untranslated', { erp, languages: untranslated.join(', '), count: untranslated.length })}
        </p>
      )}
    </>
  );
}

/** What the seller sees per product: live, waiting for product data (and for what), refused. */
const TONE: Record<ProductContentView['state'], Tone> = {
  known: 'neutral',
  needs_category: 'warn',
  needs_picture: 'warn',
  queued: 'info',
  sent: 'info',
  live: 'ok',
  refused: 'bad',
};

/**
 * Products whose EAN the marketplace had no product for: the state of their product data, and (with `actions`)
 * the seller's category choice, picture URL and "send again". Renders nothing while there are none.
 */
export function ProductContentPanel({
  accountId,
  marketplace,
  erp,
  actions,
}: {
  accountId: string;
  marketplace: string;
  erp: string;
  actions: boolean;
}) {
  const { t } = useTranslation('skucheck');
  const load = useCallback(() => productContentApi.list(accountId), [accountId]);
  const { data, refresh } = usePolling(load, REFRESH_MS);
  if (!data || data.products.length === 0) return null;
  const vars = { marketplace, erp };
  return (
    <section className="section card card-flush" aria-labelledby="pc-heading" data-testid="product-content">
      <div className="card-flush-heading">
        <h2 id="pc-heading">
          {t('pc.title', vars)} <span className="count">{data.products.length}</span>
        </h2>
        <p className="muted">{t('pc.intro', vars)}</p>
        {!actions && (
          <p className="muted">
            <Link to={`/sku-check?account=${encodeURIComponent(accountId)}`}>{t('pc.actOnSkuCheck')}</Link>
          </p>
        )}
      </div>
      {!data.publicUrlSet && data.products.some((p) => p.state === 'needs_picture') && (
        <p className="notice pc-notice">{t('pc.noPublicUrl', vars)}</p>
      )}
      <ul className="pc-list">
        {data.products.map((product) => (
          <ProductContentItem
            key={product.ean}
            accountId={accountId}
            product={product}
            publicUrlSet={data.publicUrlSet}
            actions={actions}
            vars={vars}
            onChanged={refresh}
          />
        ))}
      </ul>
    </section>
  );
}

function ProductContentItem({
  accountId,
  product,
  publicUrlSet,
  actions,
  vars,
  onChanged,
}: {
  accountId: string;
  product: ProductContentView;
  publicUrlSet: boolean;
  actions: boolean;
  vars: { marketplace: string; erp: string };
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation('skucheck');
  const [category, setCategory] = useState(product.suggestions[0]?.id ?? '');
  const [pictureUrl, setPictureUrl] = useState(product.pictureUrl ?? '');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await action();
      await onChanged();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  const id = `pc-${product.ean}`;
  const why =
    product.state === 'refused'
      ? t('pc.why.refused', {
          ...vars,
          reasons: product.refusals.map((r) => refusalText(t, r)).join('; '),
        })
      : product.state === 'needs_picture'
        ? t(publicUrlSet ? 'pc.why.noPicture' : 'pc.why.noPublicUrl', vars)
        : t(`pc.why.${product.state}`, { ...vars, category: product.category?.name ?? '' });
  return (
    <li className="pc-item" data-testid={`pc-${product.sku}`}>
      <div className="pc-head">
        <Pill tone={TONE[product.state]}>{t(`pc.state.${product.state}`)}</Pill>
        <span className="pc-name">{product.name ?? product.sku}</span>
        <span className="mono">{product.sku}</span>
        <span className="mono muted">EAN {product.ean}</span>
      </div>
      <p className="pc-why">{why}</p>
      <Languages product={product} erp={vars.erp} />
      {actions && product.state === 'needs_category' && product.suggestions.length > 0 && (
        <div className="pc-actions">
          <label htmlFor={`${id}-category`}>
            {t('pc.category', vars)}
            <select
              className="input"
              id={`${id}-category`}
              value={category}
              disabled={busy}
              onChange={(e) => setCategory(e.target.value)}
            >
              {product.suggestions.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || category === ''}
            onClick={() =>
              void act(() => productContentApi.confirmCategory(accountId, product.ean, category))
            }
          >
            {t('pc.confirm')}
          </button>
        </div>
      )}
      {actions && product.erpCategory && product.state === 'needs_category' && (
        <p className="muted pc-why">{t('pc.mapping', { ...vars, erpCategory: product.erpCategory.name })}</p>
      )}
      {actions && (product.state === 'needs_picture' || product.state === 'refused') && (
        <form
          className="pc-actions"
          onSubmit={(e) => {
            e.preventDefault();
            void act(async () => {
              await productContentApi.setPictureUrl(accountId, product.ean, pictureUrl.trim() || null);
              if (product.state === 'refused') await productContentApi.resend(accountId, product.ean);
            });
          }}
        >
          <label htmlFor={`${id}-picture`}>
            {t('pc.pictureUrl')}
            <input
              className="input"
              id={`${id}-picture`}
              type="url"
              inputMode="url"
              placeholder="https://"
              value={pictureUrl}
              disabled={busy}
              onChange={(e) => setPictureUrl(e.target.value)}
            />
          </label>
          <button type="submit" className="btn btn-secondary" disabled={busy}>
            {product.state === 'refused' ? t('pc.resend') : t('pc.savePicture')}
          </button>
        </form>
      )}
      {failure && (
        <p className="pc-error" role="alert">
          {failure}
        </p>
      )}
    </li>
  );
}

import { useTranslation } from 'react-i18next';
import { formatCount } from '../lib/format.ts';

interface Props {
  page: number;
  pageSize: number;
  total: number;
  /** What is counted, plural and in the language on screen: "orders" / "Bestellungen". */
  noun: string;
  onPage: (page: number) => void;
}

/** "51–100 of 1,234 orders" with Previous / Next. */
export function Pager({ page, pageSize, total, noun, onPage }: Props) {
  const { t } = useTranslation('common');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pager" aria-label={t('pager.label', { noun })}>
      <p className="muted">
        {total === 0
          ? t('pager.none', { noun })
          : t('pager.range', {
              first: formatCount(first),
              last: formatCount(last),
              total: formatCount(total),
              noun,
            })}
      </p>
      {pages > 1 && (
        <div className="pager-buttons">
          <button
            type="button"
            className="btn btn-secondary btn-small"
            disabled={page <= 1}
            onClick={() => onPage(page - 1)}
          >
            {t('pager.previous')}
          </button>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            disabled={page >= pages}
            onClick={() => onPage(page + 1)}
          >
            {t('pager.next')}
          </button>
        </div>
      )}
    </nav>
  );
}

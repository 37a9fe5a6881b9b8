import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { afterSaleApi, type ReturnStatus } from '../after-sale-api.ts';
import '../after-sale.css';
import { LiveStatus } from '../components/LiveStatus.tsx';
import { LoadFailed } from '../components/LoadFailed.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { Pager } from '../components/Pager.tsx';
import { ReturnsTable } from '../components/ReturnsTable.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { RETURN_STATUSES, returnStatus } from '../lib/return-status.ts';
import { readQuery, writeQuery } from '../lib/url-query.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { usePolling } from '../lib/use-polling.ts';

const PAGE_SIZE = 25;
const REFRESH_SECONDS = 10;

/** Every return line AdlerDo has read; those booked back in Odoo and waiting for the seller's answer first. */
export function ReturnsPage() {
  const { t } = useTranslation('returns');
  useDocumentTitle(t('title'));
  const [status, setStatus] = useState(() =>
    (RETURN_STATUSES as string[]).includes(readQuery('status')) ? readQuery('status') : '',
  );
  const [page, setPage] = useState(() => Math.max(1, Number(readQuery('page')) || 1));
  const change = (values: { status?: string; page?: number }) => {
    const next = { status, page: 1, ...values };
    setStatus(next.status);
    setPage(next.page);
    writeQuery(next);
  };
  const load = useCallback(
    () =>
      afterSaleApi.returns({
        status: (status || undefined) as ReturnStatus | undefined,
        page,
        pageSize: PAGE_SIZE,
      }),
    [status, page],
  );
  const { data, error, refresh } = usePolling(load, REFRESH_SECONDS * 1000);

  return (
    <>
      <PageHead
        title={t('title')}
        lead={t('lead')}
        aside={data && <LiveStatus error={error} everySeconds={REFRESH_SECONDS} />}
      />
      <div className="filters" role="search" aria-label={t('filters')}>
        <SelectField
          id="returns-status"
          label={t('status')}
          value={status}
          options={[
            { value: '', label: t('allStatuses') },
            ...RETURN_STATUSES.map((value) => ({ value, label: returnStatus(value).label })),
          ]}
          onChange={(value) => change({ status: value })}
        />
      </div>
      {!data && !error && <p className="muted">{t('loading')}</p>}
      {!data && error && <LoadFailed what={t('what')} message={error} onRetry={() => void refresh()} />}
      {data && (
        <section className="card card-flush" aria-label={t('title')}>
          {data.returns.length === 0 ? (
            <p className="empty empty-flush">{status ? t('noMatch') : t('none')}</p>
          ) : (
            <ReturnsTable lines={data.returns} onChanged={refresh} />
          )}
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={data.total}
            noun={t('noun')}
            onPage={(p) => change({ page: p })}
          />
        </section>
      )}
    </>
  );
}

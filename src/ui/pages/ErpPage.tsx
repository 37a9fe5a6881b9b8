import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';
import { ConnectErpForm } from '../components/ConnectErpForm.tsx';
import { ErpCard } from '../components/ErpCard.tsx';
import { ErpSettingsForm } from '../components/ErpSettingsForm.tsx';
import { Notice } from '../components/Notice.tsx';
import { OdooKeyHelp } from '../components/OdooKeyHelp.tsx';
import { erpApi } from '../erp-api.ts';
import type { Erp, ErpType } from '../erp-types.ts';
import { i18n } from '../i18n/index.ts';
import { errorMessage } from '../lib/error-text.ts';
import { formatCount } from '../lib/format.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';

type Loaded =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; types: ErpType[]; erp: Erp | null };

/** What just happened, said once on the part of the page that replaced the form the user was in. */
type Arrival = { kind: 'connected'; notice: string } | { kind: 'disconnected'; notice: string } | null;

function foundLine(erp: Erp): string {
  const count = (key: string, n: number) => i18n.t(key, { ns: 'erp', count: n, n: formatCount(n) });
  return i18n.t('found', {
    ns: 'erp',
    warehouses: count('warehouses', erp.warehouses.length),
    carriers: count('carriers', erp.carriers.length),
  });
}

export function ErpPage() {
  const { t } = useTranslation('erp');
  useDocumentTitle(t('title'));
  const [data, setData] = useState<Loaded>({ state: 'loading' });
  const [arrival, setArrival] = useState<Arrival>(null);
  const cardHeading = useRef<HTMLHeadingElement>(null);
  const connectHeading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    try {
      const [types, erp] = await Promise.all([erpApi.types(), erpApi.get()]);
      setData({ state: 'ready', types, erp });
    } catch (error) {
      // A lost session is handled by the app (back to sign-in); anything else is said here.
      if (error instanceof ApiError && error.status === 401) return;
      setData({ state: 'failed', message: errorMessage(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // The form the user was in is gone: focus goes to what replaced it.
  useEffect(() => {
    if (arrival?.kind === 'connected') cardHeading.current?.focus();
    if (arrival?.kind === 'disconnected') connectHeading.current?.focus();
  }, [arrival]);

  const setErp = (erp: Erp | null) => setData((d) => (d.state === 'ready' ? { ...d, erp } : d));

  return (
    <>
      <div className="page-head">
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
      </div>
      {data.state === 'loading' && <p className="muted">{t('loading')}</p>}
      {data.state === 'failed' && (
        <div className="alert alert-error" role="alert">
          <p className="alert-title">{t('loadFailed')}</p>
          <p>{data.message}</p>
          <button type="button" className="btn btn-secondary" onClick={() => void load()}>
            {t('retry')}
          </button>
        </div>
      )}
      {data.state === 'ready' && data.erp === null && (
        <section className="card add-account erp-connect" aria-labelledby="connect-erp-heading">
          <h2 id="connect-erp-heading" ref={connectHeading} tabIndex={-1}>
            {t('connectHeading')}
          </h2>
          {arrival?.kind === 'disconnected' && <Notice>{arrival.notice}</Notice>}
          <div className="add-account-grid">
            <ConnectErpForm
              types={data.types}
              onConnected={(erp) => {
                setErp(erp);
                setArrival({ kind: 'connected', notice: foundLine(erp) });
              }}
            />
            <OdooKeyHelp />
          </div>
        </section>
      )}
      {data.state === 'ready' && data.erp !== null && (
        <>
          <section className="erp-section" aria-labelledby="erp-connection-heading">
            <h2 id="erp-connection-heading">{t('connectedHeading')}</h2>
            <ErpCard
              erp={data.erp}
              typeName={data.types.find((t) => t.type === data.erp?.type)?.name ?? data.erp.type}
              initialNotice={arrival?.kind === 'connected' ? arrival.notice : null}
              headingRef={cardHeading}
              onChanged={setErp}
              onReload={load}
              onDisconnected={() => {
                setErp(null);
                setArrival({
                  kind: 'disconnected',
                  notice: t('disconnected'),
                });
              }}
            />
          </section>
          <section className="erp-section" aria-labelledby="erp-settings-heading">
            <h2 id="erp-settings-heading">{t('settingsHeading')}</h2>
            <div className="card">
              <ErpSettingsForm key={data.erp.id} erp={data.erp} onSaved={setErp} />
            </div>
          </section>
        </>
      )}
    </>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api.ts';
import { ConnectErpForm } from '../components/ConnectErpForm.tsx';
import { ErpCard } from '../components/ErpCard.tsx';
import { ErpSettingsForm } from '../components/ErpSettingsForm.tsx';
import { Notice } from '../components/Notice.tsx';
import { OdooKeyHelp } from '../components/OdooKeyHelp.tsx';
import { erpApi } from '../erp-api.ts';
import type { Erp, ErpType } from '../erp-types.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';

type Loaded =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; types: ErpType[]; erp: Erp | null };

/** What just happened, said once on the part of the page that replaced the form the user was in. */
type Arrival = { kind: 'connected'; notice: string } | { kind: 'disconnected'; notice: string } | null;

function foundLine(erp: Erp): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `Connected: signed in and found ${count(erp.warehouses.length, 'warehouse', 'warehouses')} and ${count(erp.carriers.length, 'carrier', 'carriers')}.`;
}

export function ErpPage() {
  useDocumentTitle('ERP');
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
      setData({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
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
        <h1>ERP</h1>
        <p className="lead">
          Connect your Odoo. AdlerDo reads products and stock from it, creates marketplace orders in it and
          reports its shipments back to the marketplaces.
        </p>
      </div>
      {data.state === 'loading' && <p className="muted">Loading the ERP connection…</p>}
      {data.state === 'failed' && (
        <div className="alert alert-error" role="alert">
          <p className="alert-title">The ERP connection could not be loaded</p>
          <p>{data.message}</p>
          <button type="button" className="btn btn-secondary" onClick={() => void load()}>
            Try again
          </button>
        </div>
      )}
      {data.state === 'ready' && data.erp === null && (
        <section className="card add-account erp-connect" aria-labelledby="connect-erp-heading">
          <h2 id="connect-erp-heading" ref={connectHeading} tabIndex={-1}>
            Connect Your ERP
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
            <h2 id="erp-connection-heading">Connected ERP</h2>
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
                  notice: 'Disconnected. The stored API key is deleted; connect again whenever you like.',
                });
              }}
            />
          </section>
          <section className="erp-section" aria-labelledby="erp-settings-heading">
            <h2 id="erp-settings-heading">Sync Settings</h2>
            <div className="card">
              <ErpSettingsForm key={data.erp.id} erp={data.erp} onSaved={setErp} />
            </div>
          </section>
        </>
      )}
    </>
  );
}

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { accountsApi } from '../accounts-api.ts';
import { ApiError } from '../api.ts';
import { CarrierSelect } from '../components/CarrierSelect.tsx';
import { LoadFailed } from '../components/LoadFailed.tsx';
import { Notice } from '../components/Notice.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { erpApi } from '../erp-api.ts';
import { carrierRows, mappingToSave } from '../lib/carrier-rows.ts';
import { errorMessage, fieldMessage } from '../lib/error-text.ts';
import { readQuery, writeQuery } from '../lib/url-query.ts';
import { useAccounts } from '../lib/use-accounts.ts';
import { useCarrierCodes } from '../lib/use-carrier-codes.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';

type Erp =
  { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; carriers: string[] };

/**
 * Each Odoo delivery carrier → the Kaufland carrier buyers see on their shipment, chosen from Kaufland's own
 * list. Unmapped carriers are not guessed: their shipments wait as an issue "Map carrier X" that links here.
 */
export function CarriersPage() {
  const { t } = useTranslation('carriers');
  useDocumentTitle(t('title'));
  const { accounts, error: accountsError } = useAccounts();
  const [accountId, setAccountId] = useState(() => readQuery('account'));
  const account = accounts?.find((a) => a.id === accountId) ?? accounts?.[0];
  const codes = useCarrierCodes(account?.id);
  const [erp, setErp] = useState<Erp>({ state: 'loading' });
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<{ message: string; rows: Record<string, string> } | null>(null);

  const loadErp = useCallback(async () => {
    setErp({ state: 'loading' });
    try {
      const view = await erpApi.get();
      setErp({ state: 'ready', carriers: view?.carriers.map((c) => c.name) ?? [] });
    } catch (error) {
      setErp({ state: 'failed', message: errorMessage(error) });
    }
  }, []);
  useEffect(() => {
    void loadErp();
  }, [loadErp]);
  useEffect(() => {
    setDraft(account ? { ...account.settings.carrierMapping } : {});
    setSaved(false);
    setFailure(null);
  }, [account]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!account || saving) return;
    setSaving(true);
    setFailure(null);
    setSaved(false);
    try {
      const updated = await accountsApi.updateSettings(account.id, { carrierMapping: mappingToSave(draft) });
      setDraft({ ...updated.settings.carrierMapping });
      setSaved(true);
    } catch (error) {
      const rows: Record<string, string> = {};
      if (error instanceof ApiError)
        for (const field of error.fields)
          if (field.field.startsWith('settings.carrierMapping.'))
            rows[field.field.slice('settings.carrierMapping.'.length)] = fieldMessage(error, field);
      setFailure({ message: errorMessage(error), rows });
    } finally {
      setSaving(false);
    }
  };

  const rows =
    erp.state === 'ready' && account
      ? carrierRows(erp.carriers, account.settings.carrierMapping, readQuery('carrier'))
      : [];
  return (
    <>
      <PageHead
        title={t('title')}
        lead={t('lead')}
        aside={
          accounts && accounts.length > 1 ? (
            <SelectField
              id="carriers-account"
              label={t('account')}
              value={account?.id ?? ''}
              options={accounts.map((a) => ({ value: a.id, label: a.name }))}
              onChange={(id) => {
                setAccountId(id);
                writeQuery({ account: id });
              }}
            />
          ) : undefined
        }
      />
      {accountsError && (
        <LoadFailed what={t('accountsWhat')} message={accountsError} onRetry={() => location.reload()} />
      )}
      {accounts?.length === 0 && <p className="muted">{t('noAccount')}</p>}
      {erp.state === 'failed' && (
        <LoadFailed what={t('odooWhat')} message={erp.message} onRetry={() => void loadErp()} />
      )}
      {codes.state === 'failed' && (
        <div className="alert alert-error" role="alert">
          <p className="alert-title">{t('listFailed')}</p>
          <p>{codes.message}</p>
        </div>
      )}
      {account && erp.state === 'ready' && (
        <form
          className="card"
          noValidate
          onSubmit={submit}
          aria-label={t('formLabel', { account: account.name })}
        >
          <h2>{account.name}</h2>
          {rows.length === 0 ? (
            <p className="muted">{t('noOdooCarriers', { carrier: account.settings.defaultCarrier })}</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table carrier-table">
                <thead>
                  <tr>
                    <th scope="col">{t('odooCarrier')}</th>
                    <th scope="col">{t('kauflandCarrier')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((name, index) => {
                    const id = `carrier-${index}`;
                    const rowError = failure?.rows[name];
                    return (
                      <tr key={name}>
                        <th scope="row">
                          <label htmlFor={id}>{name}</label>
                        </th>
                        <td>
                          <CarrierSelect
                            codes={codes}
                            value={draft[name] ?? ''}
                            emptyLabel={t('notMapped')}
                            control={{
                              id,
                              name,
                              'aria-describedby': rowError ? `${id}-error` : undefined,
                              'aria-invalid': rowError ? true : undefined,
                            }}
                            onChange={(code) => {
                              setDraft((d) => ({ ...d, [name]: code }));
                              setSaved(false);
                            }}
                          />
                          {rowError && (
                            <p className="field-error" id={`${id}-error`}>
                              {rowError}
                            </p>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <p className="field-hint">{t('defaultHint', { carrier: account.settings.defaultCarrier })}</p>
          {failure && (
            <div className="alert alert-error" role="alert">
              <p>{failure.message}</p>
            </div>
          )}
          <div className="form-actions">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={saving || codes.state !== 'ready'}
              aria-busy={saving}
            >
              {saving ? t('saving') : t('save')}
            </button>
            {saved && <Notice>{t('saved')}</Notice>}
          </div>
        </form>
      )}
    </>
  );
}

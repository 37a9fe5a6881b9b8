import { useState, type InputHTMLAttributes } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { erpApi } from '../erp-api.ts';
import type { Erp, ErpTransport, ErpType } from '../erp-types.ts';
import { toErpFailure } from '../lib/erp-errors.ts';
import { KEY_INPUT, useSecretForm } from '../lib/use-secret-form.ts';
import { useTypeChoice } from '../lib/use-type-choice.ts';
import { AdvancedSection } from './AdvancedSection.tsx';
import { FieldFrame, TextField } from './Field.tsx';
import { FormSubmit } from './FormSubmit.tsx';
import { TypeSelect } from './TypeSelect.tsx';

const FORM_ID = 'connect-erp';
const FIELDS = ['type', 'url', 'database', 'login', 'apiKey', 'transport'] as const;

const TRANSPORTS: readonly ErpTransport[] = ['auto', 'jsonrpc', 'json2'];

interface Props {
  types: ErpType[];
  onConnected: (erp: Erp) => void;
}

/** Address, database, user and key: the server signs in and reads the basics before it stores anything. */
export function ConnectErpForm({ types, onConnected }: Props) {
  const { t } = useTranslation('erp');
  const { type, setType, selected } = useTypeChoice(types);
  const [url, setUrl] = useState('');
  const [database, setDatabase] = useState('');
  const [login, setLogin] = useState('');
  const [transport, setTransport] = useState<ErpTransport>('auto');
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const form = useSecretForm(FORM_ID, FIELDS);
  const erpName = selected?.name ?? t('theErp');

  const submit = form.onSubmit({
    check: () => (selected ? undefined : { fields: { type: t('connect.selectErp') } }),
    send: async (apiKey) =>
      onConnected(
        await erpApi.connect({
          type,
          url: url.trim(),
          database,
          login,
          apiKey,
          ...(transport !== 'auto' && { transport }),
        }),
      ),
    refused: (error) => {
      const failure = toErpFailure(error, FIELDS, 'connect');
      if (failure.fields.transport !== undefined) setAdvancedOpen(true);
      return failure;
    },
  });

  const text = (
    name: 'url' | 'database' | 'login',
    value: string,
    set: (value: string) => void,
    extra: InputHTMLAttributes<HTMLInputElement>,
  ) => form.textProps(name, value, set, { ...KEY_INPUT, required: true, ...extra });

  return (
    <form id={FORM_ID} className="form" noValidate onSubmit={submit} aria-labelledby="connect-erp-heading">
      <TypeSelect form={form} label={t('connect.erp')} types={types} value={type} onChange={setType} />
      <TextField
        {...text('url', url, setUrl, {
          type: 'url',
          inputMode: 'url',
          placeholder: 'https://mycompany.odoo.com',
        })}
        label={t('connect.url')}
        hint={t('connect.urlHint', { name: erpName })}
      />
      <div className="form-grid">
        <TextField
          {...text('database', database, setDatabase, { placeholder: 'mycompany' })}
          label={t('connect.database')}
          hint={t('connect.databaseHint')}
        />
        <TextField
          {...text('login', login, setLogin, { placeholder: 'you@example.com' })}
          label={t('connect.login')}
          hint={t('connect.loginHint')}
        />
      </div>
      <TextField
        {...form.secretProps('apiKey', KEY_INPUT)}
        label={t('connect.apiKey')}
        hint={
          <Trans
            t={t}
            i18nKey="connect.apiKeyHint"
            values={{ name: selected?.name ?? 'Odoo' }}
            components={{ strong: <strong /> }}
          />
        }
      />
      <AdvancedSection open={advancedOpen} onToggle={setAdvancedOpen}>
        <FieldFrame
          formId={FORM_ID}
          name="transport"
          label={t('connect.transport')}
          hint={t('connect.transportHint')}
          error={form.fieldError('transport')}
        >
          {(control) => (
            <select
              className="input"
              {...control}
              value={transport}
              onChange={(e) => {
                setTransport(e.target.value as ErpTransport);
                form.clearField('transport');
              }}
            >
              {TRANSPORTS.map((value) => (
                <option key={value} value={value}>
                  {t(`transport.option.${value}`)}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
      </AdvancedSection>
      <FormSubmit
        form={form}
        busy={form.busy}
        label={t('connect.submit')}
        busyLabel={t('connect.busy')}
        tone="success"
      >
        {form.busy && (
          <span className="muted form-progress" role="status">
            {t('connect.progress')}
          </span>
        )}
      </FormSubmit>
    </form>
  );
}

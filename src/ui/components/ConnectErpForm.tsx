import { useState, type InputHTMLAttributes } from 'react';
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

const TRANSPORTS: Record<ErpTransport, string> = {
  auto: 'Automatic (by Odoo version)',
  jsonrpc: 'JSON-RPC',
  json2: 'JSON-2 (Odoo 19 and later)',
};

interface Props {
  types: ErpType[];
  onConnected: (erp: Erp) => void;
}

/** Address, database, user and key: the server signs in and reads the basics before it stores anything. */
export function ConnectErpForm({ types, onConnected }: Props) {
  const { type, setType, selected } = useTypeChoice(types);
  const [url, setUrl] = useState('');
  const [database, setDatabase] = useState('');
  const [login, setLogin] = useState('');
  const [transport, setTransport] = useState<ErpTransport>('auto');
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const form = useSecretForm(FORM_ID, FIELDS);
  const erpName = selected?.name ?? 'the ERP';

  const submit = form.onSubmit({
    check: () => (selected ? undefined : { fields: { type: 'Select your ERP.' } }),
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
      <TypeSelect form={form} label="ERP" types={types} value={type} onChange={setType} />
      <TextField
        {...text('url', url, setUrl, {
          type: 'url',
          inputMode: 'url',
          placeholder: 'https://mycompany.odoo.com',
        })}
        label="URL"
        hint={`The address you open ${erpName} with in the browser.`}
      />
      <div className="form-grid">
        <TextField
          {...text('database', database, setDatabase, { placeholder: 'mycompany' })}
          label="Database"
          hint="On Odoo Online usually the first part of the address."
        />
        <TextField
          {...text('login', login, setLogin, { placeholder: 'you@example.com' })}
          label="Login"
          hint="The user AdlerDo acts as, often an email address."
        />
      </div>
      <TextField
        {...form.secretProps('apiKey', KEY_INPUT)}
        label="API key"
        hint={
          <>
            In {selected?.name ?? 'Odoo'}: <strong>Preferences → Account Security → New API Key</strong>. The
            user’s password also works (Odoo 19 and later: use a key).
          </>
        }
      />
      <AdvancedSection open={advancedOpen} onToggle={setAdvancedOpen}>
        <FieldFrame
          formId={FORM_ID}
          name="transport"
          label="Transport"
          hint="How AdlerDo talks to Odoo. Automatic uses JSON-2 on Odoo 19 and later, JSON-RPC before."
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
              {Object.entries(TRANSPORTS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
      </AdvancedSection>
      <FormSubmit form={form} busy={form.busy} label="Connect" busyLabel="Connecting…" tone="success">
        {form.busy && (
          <span className="muted form-progress" role="status">
            Signing in and reading version, warehouses and carriers…
          </span>
        )}
      </FormSubmit>
    </form>
  );
}

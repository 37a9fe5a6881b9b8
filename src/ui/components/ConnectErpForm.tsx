import { useRef, useState, type ChangeEvent, type FormEvent, type InputHTMLAttributes } from 'react';
import { erpApi } from '../erp-api.ts';
import type { Erp, ErpTransport, ErpType } from '../erp-types.ts';
import { toErpFailure } from '../lib/erp-errors.ts';
import { useFormFailure } from '../lib/use-form-failure.ts';
import { FieldFrame, TextField } from './Field.tsx';
import { FormAlert } from './FormAlert.tsx';

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
  const [type, setType] = useState(types.length === 1 ? (types[0]?.type ?? '') : '');
  const [url, setUrl] = useState('');
  const [database, setDatabase] = useState('');
  const [login, setLogin] = useState('');
  const [transport, setTransport] = useState<ErpTransport>('auto');
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  // Uncontrolled on purpose: a controlled input would mirror the key into the DOM's value attribute.
  const keyRef = useRef<HTMLInputElement>(null);
  const form = useFormFailure(FORM_ID, FIELDS);
  const selected = types.find((t) => t.type === type);
  const erpName = selected?.name ?? 'the ERP';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    if (!selected) {
      form.failWith({ fields: { type: 'Select your ERP.' } });
      return;
    }
    const apiKey = keyRef.current?.value ?? '';
    setSubmitting(true);
    form.reset();
    try {
      onConnected(
        await erpApi.connect({
          type: selected.type,
          url: url.trim(),
          database,
          login,
          apiKey,
          ...(transport !== 'auto' && { transport }),
        }),
      );
    } catch (error) {
      const failure = toErpFailure(error, FIELDS, 'connect');
      form.failWith(failure);
      if (failure.fields.transport !== undefined) setAdvancedOpen(true);
    } finally {
      if (keyRef.current) keyRef.current.value = '';
      setSubmitting(false);
    }
  };

  const text = (
    name: 'url' | 'database' | 'login',
    value: string,
    set: (value: string) => void,
    extra: InputHTMLAttributes<HTMLInputElement>,
  ) => ({
    formId: FORM_ID,
    name,
    error: form.fieldError(name),
    input: {
      value,
      autoComplete: 'off',
      spellCheck: false,
      required: true,
      onChange: (e: ChangeEvent<HTMLInputElement>) => {
        set(e.target.value);
        form.clearField(name);
      },
      ...extra,
    },
  });

  return (
    <form id={FORM_ID} className="form" noValidate onSubmit={submit} aria-labelledby="connect-erp-heading">
      <FieldFrame formId={FORM_ID} name="type" label="ERP" error={form.fieldError('type')}>
        {(control) => (
          <select
            className="input"
            {...control}
            value={type}
            onChange={(e) => {
              setType(e.target.value);
              form.clearField('type');
            }}
          >
            <option value="" disabled>
              Select…
            </option>
            {types.map((t) => (
              <option key={t.type} value={t.type}>
                {t.name}
              </option>
            ))}
          </select>
        )}
      </FieldFrame>
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
        formId={FORM_ID}
        name="apiKey"
        label="API key"
        hint={
          <>
            In {selected?.name ?? 'Odoo'}: <strong>Preferences → Account Security → New API Key</strong>. The
            user’s password also works (Odoo 19 and later: use a key).
          </>
        }
        error={form.fieldError('apiKey')}
        input={{
          ref: keyRef,
          type: 'password',
          autoComplete: 'off',
          spellCheck: false,
          required: true,
          onChange: () => form.clearField('apiKey'),
        }}
      />
      <details
        className="advanced"
        open={advancedOpen}
        onToggle={(e) => setAdvancedOpen(e.currentTarget.open)}
      >
        <summary>Advanced</summary>
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
      </details>
      {form.failure?.form && <FormAlert ref={form.alertRef} {...form.failure.form} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-success" disabled={submitting} aria-busy={submitting}>
          {submitting ? 'Connecting…' : 'Connect'}
        </button>
        {submitting && (
          <span className="muted form-progress" role="status">
            Signing in and reading version, warehouses and carriers…
          </span>
        )}
      </div>
    </form>
  );
}

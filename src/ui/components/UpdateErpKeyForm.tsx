import { erpApi } from '../erp-api.ts';
import type { Erp } from '../erp-types.ts';
import { toErpFailure } from '../lib/erp-errors.ts';
import { ReplaceKeyForm } from './ReplaceKeyForm.tsx';

interface Props {
  erp: Erp;
  typeName: string;
  onSaved: (erp: Erp) => void;
  onCancel: () => void;
}

/** A new key after the old one was deleted or expired: proven with the ERP before it replaces the stored one. */
export function UpdateErpKeyForm({ erp, typeName, onSaved, onCancel }: Props) {
  return (
    <ReplaceKeyForm
      formId="erp-key"
      label={`Update ${typeName} key`}
      intro={`Create a key in ${typeName} under Preferences → Account Security → New API Key. AdlerDo signs in with it before it replaces the stored key.`}
      keep={{ name: 'login', label: 'Login', current: erp.login }}
      secret={{ name: 'apiKey', label: 'New API key' }}
      saveLabel="Save new key"
      save={async (apiKey, login) =>
        onSaved(await erpApi.updateKey({ apiKey, ...(login !== undefined && { login }) }))
      }
      refused={(error, fields) => toErpFailure(error, fields, 'update-key')}
      onCancel={onCancel}
    />
  );
}

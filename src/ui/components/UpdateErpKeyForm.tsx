import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('erp');
  return (
    <ReplaceKeyForm
      formId="erp-key"
      label={t('updateKey.label', { name: typeName })}
      intro={t('updateKey.intro', { name: typeName })}
      keep={{ name: 'login', label: t('updateKey.login'), current: erp.login }}
      secret={{ name: 'apiKey', label: t('updateKey.newKey') }}
      saveLabel={t('updateKey.save')}
      save={async (apiKey, login) =>
        onSaved(await erpApi.updateKey({ apiKey, ...(login !== undefined && { login }) }))
      }
      refused={(error, fields) => toErpFailure(error, fields, 'update-key')}
      onCancel={onCancel}
    />
  );
}

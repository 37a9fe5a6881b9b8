import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';

/** The server's words that point at the fix ("…; update them here."), turned into the fix itself. */
const FIX_WORDS = 'update them here';

interface Props {
  status: string;
  message: string;
  /** The link or button that opens the key form, shown in place of the words. */
  renderFix: (words: ReactNode) => ReactNode;
}

/** Trans hands the words between <fix>…</fix> in as children. */
function Fix({ children, render }: { children?: ReactNode; render: Props['renderFix'] }) {
  return render(children);
}

/**
 * An account's status sentence, with "update them here" as a real link or button. Rejected keys are said from
 * the catalogue (the server's sentence for them is fixed); any other status message is the server's own.
 */
export function AccountStatusMessage({ status, message, renderFix }: Props) {
  const { t } = useTranslation('accounts');
  const at = message.indexOf(FIX_WORDS);
  return (
    <p className={`status-message status-message-${status}`}>
      {status === 'credentials_invalid' ? (
        <Trans
          t={t}
          i18nKey="card.statusCredentialsInvalid"
          components={{ fix: <Fix render={renderFix} /> }}
        />
      ) : at < 0 ? (
        message
      ) : (
        <>
          {message.slice(0, at)}
          {renderFix(FIX_WORDS)}
          {message.slice(at + FIX_WORDS.length)}
        </>
      )}
    </p>
  );
}

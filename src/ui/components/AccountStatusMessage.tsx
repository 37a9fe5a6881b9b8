import type { ReactNode } from 'react';

/** The server's words that point at the fix ("…; update them here."), turned into the fix itself. */
const FIX_WORDS = 'update them here';

interface Props {
  status: string;
  message: string;
  /** The link or button that opens the key form, shown in place of the words. */
  renderFix: (words: string) => ReactNode;
}

/** An account's status sentence, with "update them here" as a real link or button. */
export function AccountStatusMessage({ status, message, renderFix }: Props) {
  const at = message.indexOf(FIX_WORDS);
  return (
    <p className={`status-message status-message-${status}`}>
      {at < 0 ? (
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

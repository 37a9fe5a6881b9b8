export const SELLER_PORTAL_API_URL = 'https://sellerportal.kaufland.de/settings/api';

/** Where the keys come from, in the guide's words, and the one thing that breaks connections. */
export function KauflandKeysHelp() {
  return (
    <aside className="help" aria-labelledby="keys-help-heading">
      <h3 id="keys-help-heading">Where do I find the keys?</h3>
      <p>
        In the Kaufland Seller Portal, open <strong>Settings → Shop Settings → API</strong>:{' '}
        <a href={SELLER_PORTAL_API_URL} target="_blank" rel="noreferrer">
          sellerportal.kaufland.de/settings/api
        </a>
        .
      </p>
      <p>
        The Client key (Client ID) and Secret key (Client Secret) are masked there and cannot be revealed
        again. If you do not have them, click <strong>Generate new API keys</strong>, then copy both and store
        them securely.
      </p>
      <p className="help-warning">
        <span aria-hidden="true">⚠️ </span>
        <strong>
          Generating new API keys makes the old Client ID and Client Secret invalid at once.
        </strong>{' '}
        Any integration using them stops working until you enter the new pair in AdlerDo.
      </p>
    </aside>
  );
}

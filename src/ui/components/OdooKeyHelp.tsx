/** Where each value comes from in Odoo, and what happens when the key is deleted there. */
export function OdooKeyHelp() {
  return (
    <aside className="help" aria-labelledby="odoo-help-heading">
      <h3 id="odoo-help-heading">Where do I find these?</h3>
      <p>
        <strong>URL and database:</strong> the address you open Odoo with, e.g.{' '}
        <span className="mono">https://mycompany.odoo.com</span>. On Odoo Online the database is usually the
        first part of it (<span className="mono">mycompany</span>); elsewhere your Odoo administrator knows
        it.
      </p>
      <p>
        <strong>API key:</strong> in Odoo, click your avatar (top right), then{' '}
        <strong>Preferences → Account Security → New API Key</strong>. Confirm your password, name the key
        “AdlerDo” and copy it: Odoo shows it only once.
      </p>
      <p>
        Best give AdlerDo an Odoo user of its own with Inventory and Sales rights: it reads products and stock
        and creates the marketplace orders as that user.
      </p>
      <p className="help-warning">
        <span aria-hidden="true">⚠️ </span>
        <strong>When the key is deleted in Odoo or expires, AdlerDo stops syncing at once.</strong> Enter a
        new key here with <strong>Update key</strong>.
      </p>
    </aside>
  );
}

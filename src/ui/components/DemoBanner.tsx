import type { DemoInfo } from '../dashboard-types.ts';
import { Link } from './Link.tsx';

/** Says what the newcomer is looking at, and where the planted problem shows. */
export function DemoBanner({ demo }: { demo: DemoInfo }) {
  return (
    <aside className="demo-banner" aria-label="Demo mode">
      <p className="demo-banner-title">You are looking at the demo</p>
      <p>
        AdlerDo is syncing its built-in Kaufland and Odoo sandboxes: {demo.products} products on the
        storefronts {demo.storefronts.map((s) => s.toUpperCase()).join(', ')}. A buyer orders every few
        seconds and the warehouse ships most orders shortly after, so every page fills with live data. One
        Kaufland offer, <span className="mono">{demo.mismatchSku}</span>, has no product in Odoo: see{' '}
        <Link to="/sku-check">SKU check</Link> and <Link to="/issues">Issues</Link>.
      </p>
    </aside>
  );
}

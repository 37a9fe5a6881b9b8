import type { Env, Rec, Vals } from '../models/types.ts';

/**
 * The fiscal position Odoo 17 picks for a new sale order (`_get_fiscal_position`, private over RPC): among the
 * company's active auto-applied positions without a VAT requirement (marketplace buyers have no VAT id), first
 * the one for the delivery country whose zip range holds the delivery zip, then the country's without a zip
 * range (recorded: a German buyer gets "Domestic business partner", a Czech private buyer none).
 */
export function pickFiscalPosition(env: Env, vals: Vals): number | false {
  const partnerId = Number(vals.partner_shipping_id ?? vals.partner_id);
  const partner = env.db.get('res.partner', partnerId);
  if (!partner || typeof partner.country_id !== 'number') return false;
  const zip = typeof partner.zip === 'string' ? partner.zip : '';
  const candidates = env.db
    .all('account.fiscal.position')
    .filter((p) => p.active !== false && p.auto_apply === true && p.vat_required !== true)
    .filter((p) => p.country_id === partner.country_id)
    .sort((a, b) => Number(a.sequence ?? 10) - Number(b.sequence ?? 10) || a.id - b.id);
  const hasZip = (p: Rec) => typeof p.zip_from === 'string' && typeof p.zip_to === 'string';
  const inZip = candidates.find(
    (p) => hasZip(p) && zip !== '' && String(p.zip_from) <= zip && zip <= String(p.zip_to),
  );
  return (inZip ?? candidates.find((p) => !hasZip(p)))?.id ?? false;
}

/** The product's taxes as the order's fiscal position maps them (a mapping without a destination drops the tax). */
export function mapTaxes(env: Env, positionId: unknown, taxIds: readonly number[]): number[] {
  if (typeof positionId !== 'number') return [...taxIds];
  if (env.version >= 19) return mapTaxes19(env, positionId, taxIds);
  const mappings = env.db.findBy('account.fiscal.position.tax', 'position_id', positionId);
  return [
    ...new Set(
      taxIds.flatMap((id) => {
        const rows = mappings.filter((m) => m.tax_src_id === id);
        if (rows.length === 0) return [id];
        return rows.flatMap((m) => (typeof m.tax_dest_id === 'number' ? [m.tax_dest_id] : []));
      }),
    ),
  ];
}

/**
 * 19.0's `map_tax`: each tax goes to the position's taxes that name it among their `original_tax_ids`, or stays;
 * a position without any taxes removes them all (19.0 source: "empty fiscal positions … remove all taxes").
 */
function mapTaxes19(env: Env, positionId: number, taxIds: readonly number[]): number[] {
  const position = env.db.get('account.fiscal.position', positionId);
  const destinations = ((position?.tax_ids as number[] | undefined) ?? [])
    .map((id) => env.db.get('account.tax', id))
    .filter((t): t is Rec => !!t);
  if (destinations.length === 0) return [];
  const replacing = (id: number) =>
    destinations
      .filter((t) => ((t.original_tax_ids as number[] | undefined) ?? []).includes(id))
      .map((t) => t.id);
  return [...new Set(taxIds.flatMap((id) => (replacing(id).length > 0 ? replacing(id) : [id])))];
}

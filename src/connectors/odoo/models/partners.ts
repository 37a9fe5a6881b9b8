import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import type { ErpAddress, ErpCustomerInput, ErpCustomerRef } from '../../../core/ports/erp.port.ts';
import { many2one, text, type OdooClient } from '../odoo.client.ts';

const ADDRESS_FIELDS = ['name', 'street', 'street2', 'zip', 'city', 'country_id', 'type', 'parent_id'];
const partnerSchema = z.looseObject({
  id: z.number(),
  name: text,
  street: text,
  street2: text,
  zip: text,
  city: text,
  country_id: many2one,
  type: z.union([z.string(), z.literal(false)]),
  parent_id: many2one,
});
type PartnerRow = z.infer<typeof partnerSchema>;

const norm = (value: string | null | undefined): string => (value ?? '').trim().toLowerCase();

function sameAddress(row: PartnerRow, address: ErpAddress, countryId: number | false): boolean {
  return (
    norm(row.name) === norm(address.name) &&
    norm(row.street) === norm(address.street) &&
    norm(row.street2) === norm(address.street2) &&
    norm(row.zip) === norm(address.zip) &&
    norm(row.city) === norm(address.city) &&
    (row.country_id ? row.country_id[0] : false) === countryId
  );
}

async function countryIds(client: OdooClient, codes: string[]): Promise<Map<string, number>> {
  const rows = await client.searchRead(
    'res.country',
    { domain: [['code', 'in', [...new Set(codes.map((c) => c.toUpperCase()))]]], fields: ['code'] },
    z.looseObject({ id: z.number(), code: z.string() }),
  );
  return new Map(rows.map((row) => [row.code, row.id]));
}

const addressVals = (address: ErpAddress, countryId: number | false) => ({
  name: address.name,
  street: address.street,
  street2: address.street2 ?? false,
  zip: address.zip,
  city: address.city,
  country_id: countryId,
  phone: address.phone ?? false,
});

/**
 * The buyer is one company-level partner found by `ref` (= the marketplace buyer id) or, failing that, e-mail;
 * invoice and delivery addresses are child contacts (type invoice/delivery), reused while they are unchanged.
 * 3–4 calls whatever the history: find buyer, read its addresses, countries, one batch create.
 */
export async function findOrCreateCustomer(
  client: OdooClient,
  input: ErpCustomerInput,
): Promise<ErpCustomerRef> {
  const countries = await countryIds(client, [
    input.invoiceAddress.countryCode,
    input.shippingAddress.countryCode,
  ]);
  const country = (address: ErpAddress) => countries.get(address.countryCode.toUpperCase()) ?? false;
  const byRef = [['ref', '=', input.externalId]];
  const domain = input.email ? ['|', ...byRef, ['email', '=ilike', input.email]] : byRef;
  const buyers = await client.searchRead(
    'res.partner',
    { domain: [['parent_id', '=', false], ...domain], fields: ['ref'], order: 'id asc' },
    z.looseObject({ id: z.number(), ref: text }),
  );
  const buyer = buyers.find((b) => b.ref === input.externalId) ?? buyers[0];
  let buyerId = buyer?.id;
  if (buyerId === undefined) {
    const invoice = input.invoiceAddress;
    buyerId = await client.create('res.partner', {
      ...addressVals(invoice, country(invoice)),
      name: invoice.company || invoice.name,
      is_company: Boolean(invoice.company),
      email: input.email ?? false,
      ref: input.externalId,
      customer_rank: 1,
    });
  } else if (buyer?.ref !== input.externalId) {
    await client.write('res.partner', [buyerId], { ref: input.externalId });
  }
  const children = await client.searchRead(
    'res.partner',
    {
      domain: [
        ['parent_id', '=', buyerId],
        ['type', 'in', ['invoice', 'delivery']],
      ],
      fields: ADDRESS_FIELDS,
    },
    partnerSchema,
  );
  const wanted = [
    { type: 'invoice', address: input.invoiceAddress },
    { type: 'delivery', address: input.shippingAddress },
  ];
  const ids = wanted.map(
    ({ type, address }) =>
      children.find((c) => c.type === type && sameAddress(c, address, country(address)))?.id,
  );
  const missing = wanted.filter((_, i) => ids[i] === undefined);
  const created = await client.createMany(
    'res.partner',
    missing.map(({ type, address }) => ({
      ...addressVals(address, country(address)),
      parent_id: buyerId,
      type,
      email: input.email ?? false,
    })),
  );
  const resolved = ids.map((id) => id ?? created.shift());
  const [invoiceId, shippingId] = resolved;
  if (invoiceId === undefined || shippingId === undefined) {
    throw new AppError('bug', 'odoo.partner_create', 'Odoo did not return the new address contacts.');
  }
  return {
    customerId: String(buyerId),
    invoiceAddressId: String(invoiceId),
    shippingAddressId: String(shippingId),
  };
}

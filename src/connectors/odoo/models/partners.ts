import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import type {
  ErpAddress,
  ErpCustomerInput,
  ErpCustomerRef,
  ErpOutcome,
} from '../../../core/ports/erp.port.ts';
import { many2one, text, type OdooClient } from '../odoo.client.ts';
import { anyOf, batchOrEach } from './batch.ts';
import type { CountryIds } from './countries.ts';
import { NO_CHATTER } from './no-chatter.ts';

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
const buyerSchema = z.looseObject({ id: z.number(), ref: text, email: text });

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

const addressVals = (address: ErpAddress, countryId: number | false) => ({
  name: address.name,
  street: address.street,
  street2: address.street2 ?? false,
  zip: address.zip,
  city: address.city,
  country_id: countryId,
  phone: address.phone ?? false,
});

const ADDRESS_TYPES = [
  { type: 'invoice', of: (input: ErpCustomerInput) => input.invoiceAddress },
  { type: 'delivery', of: (input: ErpCustomerInput) => input.shippingAddress },
] as const;

/**
 * A buyer is one company-level partner found by `ref` (= the marketplace buyer id) or, failing that, e-mail;
 * an invoice or delivery address equal to the buyer's own is the buyer, any other is a child contact (type
 * invoice/delivery), reused while it is unchanged.
 * Four calls for a whole batch, whatever its size: find buyers, create the new ones, read their addresses,
 * create the new addresses; plus one for countries not seen before in this session, and one per buyer found
 * by e-mail that has no reference yet (it gets the buyer id).
 */
export function findOrCreateCustomers(
  client: OdooClient,
  inputs: readonly ErpCustomerInput[],
  countries: CountryIds,
): Promise<ErpOutcome<ErpCustomerRef>[]> {
  return batchOrEach(inputs, async (batch) => {
    const country = await countries.resolve(
      client,
      batch.flatMap((i) => [i.invoiceAddress.countryCode, i.shippingAddress.countryCode]),
    );
    const buyerIds = await findOrCreateBuyers(client, batch, country);
    const ids = [...new Set(buyerIds.values())];
    // The buyers themselves and their address contacts, in the same call.
    const rows = await client.searchRead(
      'res.partner',
      { domain: ['|', ['id', 'in', ids], ['parent_id', 'in', ids]], fields: ADDRESS_FIELDS },
      partnerSchema,
    );
    const children = rows.filter((c) => ADDRESS_TYPES.some((t) => t.type === c.type));
    // Address contacts to create, one per buyer, type and address even when several orders share it.
    const wanted = new Map<string, { buyerId: number; type: string; input: ErpCustomerInput; id?: number }>();
    const keys = batch.map((input) => {
      const buyerId = buyerIds.get(input.externalId)!;
      return ADDRESS_TYPES.map(({ type, of }) => {
        const address = of(input);
        const key = JSON.stringify([buyerId, type, addressVals(address, country(address.countryCode))]);
        if (!wanted.has(key)) {
          // An address that is the buyer's own (a new buyer is made from the invoice address; Kaufland's
          // billing address is mostly the shipping one) is the buyer, as Odoo itself defaults it: each child
          // contact costs Odoo ~13 SQL queries to create (real 17), the most of any record an order needs.
          const self = rows.find(
            (c) => c.id === buyerId && sameAddress(c, address, country(address.countryCode)),
          );
          const found =
            self ??
            children.find(
              (c) =>
                c.parent_id !== false &&
                c.parent_id[0] === buyerId &&
                c.type === type &&
                sameAddress(c, address, country(address.countryCode)),
            );
          wanted.set(key, { buyerId, type, input, ...(found && { id: found.id }) });
        }
        return key;
      });
    });
    const missing = [...wanted.values()].filter((w) => w.id === undefined);
    const created = await client.createMany(
      'res.partner',
      missing.map(({ buyerId, type, input }) => {
        const address = type === 'invoice' ? input.invoiceAddress : input.shippingAddress;
        return {
          ...addressVals(address, country(address.countryCode)),
          parent_id: buyerId,
          type,
          email: input.email ?? false,
        };
      }),
      NO_CHATTER,
    );
    if (created.length !== missing.length) {
      throw new AppError('bug', 'odoo.partner_create', 'Odoo did not return the new address contacts.');
    }
    missing.forEach((w, i) => (w.id = created[i]));
    return batch.map((input, i) => {
      const [invoiceKey, deliveryKey] = keys[i]!;
      return {
        customerId: String(buyerIds.get(input.externalId)),
        invoiceAddressId: String(wanted.get(invoiceKey!)!.id),
        shippingAddressId: String(wanted.get(deliveryKey!)!.id),
      };
    });
  });
}

/** Buyer partner id per external id: found by ref, else by e-mail (then given the ref), else created. */
async function findOrCreateBuyers(
  client: OdooClient,
  batch: readonly ErpCustomerInput[],
  country: (code: string) => number | false,
): Promise<Map<string, number>> {
  const buyers = new Map(batch.map((input) => [input.externalId, input]));
  const emails = [...new Set(batch.flatMap((i) => (i.email ? [norm(i.email)] : [])))];
  const rows = await client.searchRead(
    'res.partner',
    {
      domain: [
        ['parent_id', '=', false],
        ...anyOf([['ref', 'in', [...buyers.keys()]], ...emails.map((e) => ['email', '=ilike', e])]),
      ],
      fields: ['ref', 'email'],
      order: 'id asc',
    },
    buyerSchema,
  );
  const ids = new Map<string, number>();
  const toCreate: ErpCustomerInput[] = [];
  // Two new buyer ids with one e-mail in the same batch become one partner, as they would one after the other.
  const sameEmail = new Map<string, string>();
  for (const [externalId, input] of buyers) {
    const byRef = rows.find((row) => row.ref === externalId);
    // `=ilike` treats `_` and `%` in an address as wildcards: the match is confirmed here, exactly.
    const byEmail = input.email ? rows.find((row) => norm(row.email) === norm(input.email)) : undefined;
    const found = byRef ?? byEmail;
    if (!found) {
      const twin = input.email ? sameEmail.get(norm(input.email)) : undefined;
      if (twin === undefined) toCreate.push(input);
      if (input.email) sameEmail.set(norm(input.email), twin ?? externalId);
      continue;
    }
    ids.set(externalId, found.id);
    // A partner found by e-mail keeps a reference somebody else gave it; an empty one gets the buyer id.
    if (!byRef && !found.ref) {
      found.ref = externalId;
      await client.write('res.partner', [found.id], { ref: externalId });
    }
  }
  const created = await client.createMany(
    'res.partner',
    toCreate.map((input) => {
      const invoice = input.invoiceAddress;
      return {
        ...addressVals(invoice, country(invoice.countryCode)),
        name: invoice.company || invoice.name,
        is_company: Boolean(invoice.company),
        email: input.email ?? false,
        ref: input.externalId,
        customer_rank: 1,
      };
    }),
    NO_CHATTER,
  );
  if (created.length !== toCreate.length) {
    throw new AppError('bug', 'odoo.partner_create', 'Odoo did not return the new customers.');
  }
  toCreate.forEach((input, i) => ids.set(input.externalId, created[i]!));
  for (const input of buyers.values()) {
    const twin = input.email ? sameEmail.get(norm(input.email)) : undefined;
    if (!ids.has(input.externalId) && twin !== undefined) ids.set(input.externalId, ids.get(twin)!);
  }
  return ids;
}

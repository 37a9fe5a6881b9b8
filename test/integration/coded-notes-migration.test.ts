import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/db.ts';
import { createTestDatabase } from '../helpers/db.ts';

const MIGRATION = readFileSync(
  join(import.meta.dirname, '../../src/store/migrations/017_coded_notes.sql'),
  'utf8',
);

// Sentences exactly as the ERP connector and the push code stored them before migration 017.
const TAX_TWO = `Odoo's price-excluded tax would have added VAT on top of the gross prices; used the price-included "19%" → "19% INC", "7% excl. (Kaufland)" → "7% incl. (Kaufland)" so the total is what the buyer paid`;
const ROUNDING = `Odoo's total was 0.02 CZK off what the buyer paid (it rounds the VAT of the order's tax rates together); added the line "Rounding difference Kaufland" of -0.02 CZK, without tax, so the total is the buyer's`;

/**
 * Migration 017 on rows written before it: the old text columns of hub_orders and push_endpoints, alone in a
 * schema of their own, so the migration's conversion is what is tested (the run's template has 017 applied).
 */
describe('migration 017: stored corrections and push sentences become code + values', () => {
  let database: Database;
  const rows: Record<string, unknown>[] = [];
  const endpoints: Record<string, unknown>[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const client = await database.pool.connect();
    try {
      await client.query('CREATE SCHEMA legacy; SET search_path = legacy');
      await client.query('CREATE TABLE hub_orders (id int PRIMARY KEY, erp_correction text)');
      await client.query('CREATE TABLE push_endpoints (token text PRIMARY KEY, state_message text)');
      await client.query('INSERT INTO hub_orders VALUES ($1, $2), ($3, $4), ($5, $6), ($7, $8), ($9, NULL)', [
        1,
        TAX_TWO,
        2,
        `${TAX_TWO}; ${ROUNDING}`,
        3,
        ROUNDING.replace('of -0.02 CZK', 'of +0.02 CZK'),
        4,
        'Odoo changed something else',
        5,
      ]);
      await client.query(
        'INSERT INTO push_endpoints VALUES ($1, $2), ($3, $4), ($5, $6), ($7, $8), ($9, NULL)',
        [
          'a',
          'Add a fallback e-mail in the account settings: the marketplace needs one for its notifications, and mails it if it cannot reach AdlerDo.',
          'b',
          '3 subscription(s) are waiting for the marketplace to verify the callback address.',
          'c',
          'Push is off: stock, deliveries and cancellations are polled.',
          'd',
          'Kaufland answered 500. Orders are polled meanwhile.',
          'e',
        ],
      );
      await client.query(MIGRATION);
      rows.push(...(await client.query('SELECT * FROM hub_orders ORDER BY id')).rows);
      endpoints.push(...(await client.query('SELECT * FROM push_endpoints ORDER BY token')).rows);
    } finally {
      client.release();
    }
  });
  afterAll(() => database?.close());

  it('each swapped tax is one correction with both names; the rounding line keeps its signed amount', () => {
    const swap = (from: string, to: string) => ({
      code: 'order.erp_tax_included',
      values: { from, to },
      message: `Odoo's price-excluded tax "${from}" would have added VAT on top of the gross prices; used the price-included "${to}" so the total is what the buyer paid`,
    });
    const taxes = [swap('19%', '19% INC'), swap('7% excl. (Kaufland)', '7% incl. (Kaufland)')];
    expect(rows[0]!.erp_corrections).toEqual(taxes);
    expect(rows[1]!.erp_corrections).toEqual([
      ...taxes,
      {
        code: 'order.erp_rounding_line',
        values: { differenceMinor: -2, currency: 'CZK', line: 'Rounding difference Kaufland' },
        message: ROUNDING,
      },
    ]);
    expect(rows[2]!.erp_corrections).toEqual([
      expect.objectContaining({
        values: { differenceMinor: 2, currency: 'CZK', line: 'Rounding difference Kaufland' },
      }),
    ]);
  });

  it('a sentence it does not know is kept as written; no correction stays none; the old column is gone', () => {
    expect(rows[3]!.erp_corrections).toEqual([
      { code: 'order.erp_correction', values: {}, message: 'Odoo changed something else' },
    ]);
    expect(rows[4]!.erp_corrections).toBeNull();
    expect(Object.keys(rows[0]!).sort()).toEqual(['erp_corrections', 'id']);
  });

  it('push sentences get their codes (with the count of waiting subscriptions); others are kept as written', () => {
    expect(endpoints.map((e) => e.state_note)).toEqual([
      expect.objectContaining({ code: 'push.fallback_email_needed', values: {} }),
      expect.objectContaining({ code: 'push.subscriptions_waiting', values: { count: 3 } }),
      expect.objectContaining({ code: 'push.erp_off', values: {} }),
      {
        code: 'push.note',
        values: {},
        message: 'Kaufland answered 500. Orders are polled meanwhile.',
      },
      null,
    ]);
    expect(Object.keys(endpoints[0]!).sort()).toEqual(['state_note', 'token']);
  });
});

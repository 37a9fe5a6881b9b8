import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESOURCES, type Catalogue } from '../i18n/resources.ts';
import { holdReasonText, issueWords, type IssueWordsInput } from './issue-catalog.ts';

const SYNC_DIR = join(import.meta.dirname, '../../sync');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !/\.test\.ts$|test-support/.test(entry.name) ? [path] : [];
  });
}

/**
 * Every issue code the server can raise, read from the source as a grep would: the `export const X = 'a.b'`
 * constants of files that raise issues, and the entries of the code tables (ATTENTION, SKU_ISSUES).
 */
function raisedCodes(): string[] {
  const codes = new Set<string>();
  for (const file of sourceFiles(SYNC_DIR)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/export const [A-Z_]+ = '([a-z]+\.[a-z_]+)'/g)) codes.add(m[1]!);
    for (const table of text.matchAll(/export const (?:ATTENTION|SKU_ISSUES) = \{([^}]*)\}/g))
      for (const m of table[1]!.matchAll(/:\s*'([a-z]+\.[a-z_]+)'/g)) codes.add(m[1]!);
  }
  return [...codes].sort();
}

/** One issue per code with the details its producer writes (as in src/sync), to fill every sentence. */
const SAMPLES: Record<string, Array<Pick<IssueWordsInput, 'subject' | 'details'>>> = {
  'account.credentials_invalid': [{ subject: 'a1', details: { account: 'Shop DE' } }],
  'secrets.unreadable': [{ subject: 'a1', details: { account: 'Shop DE' } }],
  'erp.refusing': [{ subject: 'erp', details: { status: 'error', reason: 'Access denied' } }],
  'erp.unreachable': [
    { subject: 'erp', details: { code: 'odoo.timeout', reason: 'timed out' } },
    { subject: 'erp', details: { code: 'odoo.timeout', reason: 'timed out', since: '2026-12-02T09:05:00Z' } },
  ],
  'sync.step_failing': [
    {
      subject: 'orders',
      details: { code: 'x', account: 'Shop DE', step: 'orders', times: 3, reason: 'boom' },
    },
  ],
  'orders.held_too_long': [
    {
      subject: 'a1',
      details: { orders: 1, oldest: '2026-01-01T00:00:00Z', account: 'Shop DE', minutes: 60 },
    },
    {
      subject: 'a1',
      details: { orders: 4, oldest: '2026-01-01T00:00:00Z', account: 'Shop DE', minutes: 60 },
    },
  ],
  'shipment.rejected': [{ subject: 'line-1', details: { order: 'MO-1', error: 'bad tracking' } }],
  'shipment.carrier_unmapped': [{ subject: 'GLS', details: { carrier: 'GLS' } }],
  'order.sku_not_in_erp': [{ subject: 'MO-1', details: { skus: ['A-1', 'B-2'] } }],
  'order.refused_by_erp': [{ subject: 'MO-1', details: { error: 'Activate CZK' } }],
  'order.no_address': [{ subject: 'MO-1', details: {} }],
  'order.currency_mismatch': [
    { subject: 'MO-1', details: { currency: 'EUR', channel: 'cz', channelCurrency: 'CZK' } },
  ],
  'order.total_differs': [
    {
      subject: 'MO-1',
      details: { erpOrder: 'S0001', erpTotal: 1299, erpCurrency: 'EUR', paid: 1300, currency: 'EUR' },
    },
  ],
  'order.line_after_erp': [{ subject: 'MO-1', details: { erpOrder: 'S0001', skus: ['A-1'], units: 1 } }],
  'order.cancel_refused': [{ subject: 'MO-1', details: { error: 'already shipped' } }],
  'order.cancelled_after_shipping': [{ subject: 'MO-1', details: { erpOrder: 'S0001' } }],
  'order.erp_cancelled_after_shipping': [
    { subject: 'MO-1', details: { erpOrder: 'S0001', shipped: 1 } },
    { subject: 'MO-1', details: { erpOrder: 'S0001', shipped: 2 } },
  ],
  'order.partially_cancelled': [{ subject: 'MO-1', details: { erpOrder: 'S0001' } }],
  'order.return_unknown_order': [{ subject: 'MO-1', details: { returnLineId: 'r1', sku: 'A-1' } }],
  'order.return_not_prepared': [{ subject: 'MO-1', details: { erpOrder: 'S0001', error: 'no picking' } }],
  'order.return_answer_refused': [{ subject: 'MO-1', details: { outcome: 'accept', error: 'closed' } }],
  'order.credit_note_failed': [{ subject: 'MO-1', details: { erpOrder: 'S0001', error: 'locked' } }],
  'order.refund_not_booked': [{ subject: 'MO-1', details: { erpOrder: 'S0001', error: 'locked' } }],
  'order.document_unavailable': [{ subject: 'MO-1', details: { document: 'INV/1', error: 'no report' } }],
  'order.document_refused': [
    { subject: 'MO-1', details: { document: 'INV/1', fileName: 'INV_1.pdf', error: 'too large' } },
  ],
  'order.invoice_failed': [{ subject: 'MO-1', details: { erpOrder: 'S0001', error: 'no journal' } }],
  'sku.no_ean': [{ subject: 'A-1', details: { erp: 'Odoo', marketplace: 'Kaufland' } }],
  'sku.duplicate_ean': [
    { subject: '4006381333931', details: { skus: ['A-1', 'B-2'], erp: 'Odoo', marketplace: 'Kaufland' } },
  ],
  'sku.not_in_erp_offer': [
    { subject: 'A-1', details: { channel: 'de', erp: 'Odoo', marketplace: 'Kaufland' } },
  ],
  'offer.rejected': [
    {
      subject: 'A-1',
      details: { channel: 'de', code: 'x', reason: 'EAN unknown', erp: 'Odoo', marketplace: 'Kaufland' },
    },
  ],
  'offer.file_refused': ['download', 'unreadable', 'checked', 'import', 'refused'].map((cause) => ({
    subject: 'de',
    details: {
      channel: 'de',
      offers: 1200,
      cause,
      reason: 'File refused as a whole',
      erp: 'Odoo',
      marketplace: 'Kaufland',
    },
  })),
  'product.content_refused': [
    {
      subject: 'A-1',
      details: {
        sku: 'A-1',
        ean: '2000000000015',
        channel: 'de',
        reasons: 'description: missing',
        missing: 'description',
        erp: 'Odoo',
        marketplace: 'Kaufland',
      },
    },
  ],
  'price.currency_without_rate': ['unknown', 'inactive', 'no_rate'].map((state) => ({
    subject: 'CZK',
    details: { currency: 'CZK', companyCurrency: 'EUR', state, erp: 'Odoo', marketplace: 'Kaufland' },
  })),
  'price.rate_held': [
    {
      subject: 'CZK',
      details: { currency: 'CZK', accepted: null, rate: 0, erp: 'Odoo', marketplace: 'Kaufland' },
    },
    {
      subject: 'CZK',
      details: { currency: 'CZK', accepted: null, rate: 25, erp: 'Odoo', marketplace: 'Kaufland' },
    },
    {
      subject: 'CZK',
      details: { currency: 'CZK', accepted: 25, rate: 60, erp: 'Odoo', marketplace: 'Kaufland' },
    },
  ],
};

const SERVER = { message: 'SERVER MESSAGE', hint: 'SERVER HINT' };

function entry(language: string, code: string): Catalogue | undefined {
  let node: Catalogue | string | undefined = RESOURCES[language]?.issueTexts;
  for (const part of code.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'object' ? node : undefined;
}

const asText = (node: unknown) => (typeof node === 'string' ? node : '');
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);

describe('issue texts: every issue the server raises reads in German and English', () => {
  const codes = raisedCodes();

  it('finds the codes in the source (the scan itself works)', () => {
    expect(codes).toContain('account.credentials_invalid');
    expect(codes).toContain('price.currency_without_rate');
    expect(codes).toContain('order.invoice_failed');
    expect(codes.length).toBeGreaterThanOrEqual(30);
  });

  it.each(['en', 'de'])('every raised code has a message and a hint in %s, and a sample', (language) => {
    for (const code of codes) {
      const texts = entry(language, code);
      expect(texts, `${language} issueTexts has no ${code}`).toBeDefined();
      expect(
        Object.keys(texts!).some((k) => k.startsWith('message')),
        `${language} ${code} message`,
      ).toBe(true);
      expect(texts!.hint, `${language} ${code} hint`).toBeTypeOf('string');
      expect(SAMPLES[code], `a sample for ${code}`).toBeDefined();
    }
  });

  it('German and English sentences of a code name the same values', () => {
    for (const code of codes) {
      const en = entry('en', code)!;
      const de = entry('de', code)!;
      expect(Object.keys(de).sort(), code).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en))
        expect(placeholders(asText(de[key])).sort(), `${code}.${key}`).toEqual(
          placeholders(asText(en[key])).sort(),
        );
    }
  });

  it.each(['en', 'de'])('every sample is told fully from the %s catalogue, no value missing', (language) => {
    for (const code of codes) {
      for (const sample of SAMPLES[code] ?? []) {
        const words = issueWords({ code, ...SERVER, ...sample }, language);
        expect(words.message, `${code} ${JSON.stringify(sample.details)}`).not.toBe(SERVER.message);
        expect(words.hint, code).not.toBe(SERVER.hint);
        expect(`${words.message} ${words.hint}`, code).not.toMatch(/\{\{|undefined|null/);
        if (entry(language, code)?.hold === undefined) continue;
        const reason = holdReasonText(
          {
            marketplaceOrderId: sample.subject,
            holdReason: 'SERVER',
            holdCode: code,
            holdDetails: sample.details,
          },
          language,
        );
        expect(reason, `${code} hold`).not.toBe('SERVER');
        expect(reason, `${code} hold`).not.toMatch(/\{\{|undefined|null/);
      }
    }
  });

  it('fills the German sentence with the seller-facing values', () => {
    const unmapped = issueWords(
      { code: 'price.currency_without_rate', ...SERVER, ...SAMPLES['price.currency_without_rate']![2]! },
      'de',
    );
    expect(unmapped.message).toBe(
      'CZK ist in Odoo aktiv, hat aber keinen Kurs: Kaufland-Angebote in CZK erhalten keine neuen Angebote und keine Preisänderungen (der Bestand wird weiter synchronisiert).',
    );
    const total = issueWords(
      { code: 'order.total_differs', ...SERVER, ...SAMPLES['order.total_differs']![0]! },
      'de',
    );
    expect(total.message).toBe(
      'Der Verkaufsauftrag S0001 ergibt 12,99\u00a0€, der Käufer hat aber 13,00\u00a0€ bezahlt.',
    );
    const held = issueWords(
      { code: 'orders.held_too_long', ...SERVER, ...SAMPLES['orders.held_too_long']![1]! },
      'de',
    );
    expect(held.message).toContain('4 Bestellungen werden seit mehr als 60 Minuten');
    const down = issueWords({ code: 'erp.unreachable', ...SERVER, ...SAMPLES['erp.unreachable']![1]! }, 'de');
    // Since when, in the reader's time zone and German date order (02.12.2026, hh:05).
    expect(down.message).toMatch(/^Das ERP antwortet seit 02\.12\.2026, \d\d:05 nicht,/);
  });

  it("keeps the server's sentence for a new code or a missing value", () => {
    expect(issueWords({ code: 'brand.new', subject: 's', details: {}, ...SERVER }, 'de')).toEqual(SERVER);
    // Raised before the producer wrote the account name.
    expect(issueWords({ code: 'secrets.unreadable', subject: 'a1', details: {}, ...SERVER }, 'de')).toEqual(
      SERVER,
    );
    expect(
      issueWords(
        { code: 'order.cancelled_after_shipping', subject: 'MO-1', details: { erpOrder: null }, ...SERVER },
        'de',
      ).message,
    ).toBe('Bestellung MO-1 wurde auf dem Marktplatz storniert, nachdem sie (teilweise) versandt war.');
  });

  it('a held order gives its reason from the code of the issue that holds it', () => {
    const order = {
      marketplaceOrderId: 'MO-1',
      holdReason: 'SKU A-1, B-2 not in Odoo',
      holdCode: 'order.sku_not_in_erp',
      holdDetails: { skus: ['A-1', 'B-2'] },
    };
    expect(holdReasonText(order, 'de')).toBe('SKU A-1, B-2 fehlt in Odoo');
    expect(holdReasonText(order, 'en')).toBe('SKU A-1, B-2 not in Odoo');
    // No issue behind it (held before codes were read, or already cleared): the stored words.
    expect(holdReasonText({ ...order, holdCode: null }, 'de')).toBe('SKU A-1, B-2 not in Odoo');
  });
});

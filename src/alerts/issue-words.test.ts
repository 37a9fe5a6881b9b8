import { describe, expect, it } from 'vitest';
import { issueWords } from '../ui/lib/issue-catalog.ts';
import { ATTENTION } from '../sync/attention/attention-codes.ts';
import { ALERT_CODES } from './issue-items.ts';
import { issueWordsIn } from './issue-words.ts';

/** One issue per alerted code as the server raises it: English words, the values in details. */
const ISSUES = [
  {
    code: ATTENTION.credentialsInvalid,
    subject: 'a1',
    message: 'Shop DE: the marketplace refused the API keys, so this account has stopped syncing.',
    hint: 'Generate new keys in the Seller Portal if needed, then click "Update keys" and enter the new pair.',
    details: { account: 'Shop DE' },
  },
  {
    code: ATTENTION.secretsUnreadable,
    subject: 'a1',
    message: 'Shop DE: AdlerDo cannot read the stored keys of this account, so it has stopped syncing.',
    hint: 'Start AdlerDo with the master key these keys were saved with.',
    details: { account: 'Shop DE' },
  },
  {
    code: ATTENTION.erpRefusing,
    subject: 'erp',
    message: "The ERP refuses AdlerDo's connection, so no account syncs: Access denied",
    hint: 'Check the ERP connection.',
    details: { status: 'error', reason: 'Access denied' },
  },
  {
    code: ATTENTION.erpUnreachable,
    subject: 'erp',
    message: 'The ERP does not answer, so orders and stock wait: Odoo did not answer within 30 s.',
    hint: 'Check the ERP connection.',
    details: { code: 'odoo.timeout', reason: 'Odoo did not answer within 30 s.' },
  },
  {
    code: ATTENTION.stepFailing,
    subject: 'orders',
    message: 'Shop DE: the orders step failed 3 times in a row: Kaufland did not answer in time.',
    hint: 'See what the runs say on the Runs page.',
    details: {
      code: 'kaufland.timeout',
      account: 'Shop DE',
      step: 'orders',
      times: 3,
      reason: 'Kaufland did not answer GET /orders within 30 s.',
    },
  },
  {
    code: ATTENTION.ordersHeld,
    subject: 'a1',
    message: 'Shop DE: 2 orders are held back for more than 60 minutes and not in the ERP yet.',
    hint: 'Open the held orders to see why.',
    details: { orders: 2, account: 'Shop DE', minutes: 60, oldest: '2026-12-02T08:00:00Z' },
  },
  {
    code: ATTENTION.shipmentRejected,
    subject: 'line-1',
    message: 'The marketplace refused the shipment confirmation of order MO-1.',
    hint: 'Check the carrier.',
    details: { order: 'MO-1', error: 'invalid tracking number' },
  },
];

describe('alerts say issues in the web app’s words, in the alert language', () => {
  it('has a sample for every alerted code', () => {
    expect(ISSUES.map((i) => i.code).sort()).toEqual([...ALERT_CODES].sort());
  });

  for (const issue of ISSUES)
    it(`${issue.code}: German from the catalogue (as on screen), never the English message`, () => {
      const german = issueWordsIn('de', issue);
      expect(german).toEqual(issueWords(issue, 'de'));
      expect(german.message).not.toBe(issue.message);
      expect(german.hint).not.toBe(issue.hint);
      expect(german.message).not.toMatch(/\b(the|refused|failed|orders are)\b/);
    });

  it('a quoted run error is said in German too when its code has a text', () => {
    const failing = ISSUES.find((i) => i.code === ATTENTION.stepFailing)!;
    const { message } = issueWordsIn('de', failing);
    expect(message).toContain('Der Schritt „Bestellungen“ ist 3-mal hintereinander fehlgeschlagen');
    expect(message).toContain('Kaufland hat nicht rechtzeitig geantwortet');
    expect(message).not.toContain('did not answer');
  });

  it('English reads as on screen too; an unknown code keeps its own words', () => {
    const held = ISSUES.find((i) => i.code === ATTENTION.ordersHeld)!;
    expect(issueWordsIn('en', held).message).toBe(
      'Shop DE: 2 orders are held back for more than 60 minutes and not in the ERP yet.',
    );
    const unknown = { code: 'brand.new', subject: 'x', message: 'Something new.', hint: null, details: {} };
    expect(issueWordsIn('de', unknown)).toEqual({ message: 'Something new.', hint: null });
  });
});

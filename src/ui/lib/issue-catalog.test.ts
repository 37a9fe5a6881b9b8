import { describe, expect, it } from 'vitest';
import type { Issue } from '../dashboard-types.ts';
import { issueText } from './issue-catalog.ts';

const issue = (code: string, extra: Partial<Issue> = {}): Issue => ({
  id: '1',
  accountId: 'acc-1',
  step: 'sync',
  code,
  subject: 'acc-1',
  message: 'm',
  hint: null,
  details: {},
  occurrences: 1,
  createdAt: '2026-01-01T00:00:00Z',
  lastSeenAt: '2026-01-01T00:00:00Z',
  orderId: null,
  attention: false,
  ...extra,
});

describe('issue catalog: codes become words and a way to the fix', () => {
  it('refused keys lead to the key form of that account', () => {
    expect(issueText(issue('account.credentials_invalid', { attention: true }), 'en')).toEqual({
      title: 'Marketplace keys refused',
      action: { label: 'Update keys', to: '/accounts?keys=acc-1' },
    });
  });

  it('ERP trouble leads to the ERP page', () => {
    expect(issueText(issue('erp.unreachable', { accountId: null }), 'en').action).toEqual({
      label: 'Check the ERP connection',
      to: '/erp',
    });
  });

  it('a code without an entry still shows words, never the code', () => {
    expect(issueText(issue('brand.new_code'), 'en').title).toBe('Held back');
    expect(issueText(issue('brand.new_code', { attention: true }), 'en').title).toBe('Syncing has stopped');
    expect(issueText(issue('sku.no_ean'), 'en').title).not.toContain('sku.');
  });

  it('speaks German from the German catalogue, the carrier named in the action', () => {
    expect(issueText(issue('sku.no_ean'), 'de').title).toBe('Produkt ohne EAN kann nicht angeboten werden');
    expect(issueText(issue('shipment.carrier_unmapped', { subject: 'DPD Classic' }), 'de').action).toEqual({
      label: 'Versanddienstleister DPD Classic zuordnen',
      to: '/carriers?account=acc-1&carrier=DPD%20Classic',
    });
    expect(issueText(issue('brand.new_code', { attention: true }), 'de').title).toBe(
      'Die Synchronisierung ist angehalten',
    );
  });

  it('an unknown language falls back to English', () => {
    expect(issueText(issue('sku.no_ean'), 'xx').title).toBe('Product without an EAN cannot be offered');
  });
});

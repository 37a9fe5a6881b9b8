import { describe, expect, it } from 'vitest';
import { explainTransport } from './explain.ts';

describe('explainTransport: which API the ERP page names, and why', () => {
  it('automatic: JSON-2 from 19, JSON-RPC up to 18, no warning', () => {
    expect(explainTransport('auto', '19.0-20251014', 'json2')).toEqual({
      text: expect.stringContaining('JSON-2: chosen automatically') as string,
      warning: null,
    });
    expect(explainTransport('auto', '17.0', 'jsonrpc')).toEqual({
      text: expect.stringContaining('JSON-RPC: chosen automatically') as string,
      warning: null,
    });
  });

  it('forced JSON-RPC on a 19 says so and warns that 20 removes it; forced on a 17 does not warn', () => {
    const forced = explainTransport('jsonrpc', '19.0', 'jsonrpc');
    expect(forced?.text).toContain('forced');
    expect(forced?.warning).toMatch(/Odoo 19 deprecates JSON-RPC and Odoo 20 removes it/);
    expect(explainTransport('jsonrpc', '17.0', 'jsonrpc')?.warning).toBeNull();
  });

  it('nothing checked yet under automatic: nothing to say', () => {
    expect(explainTransport('auto', null, null)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../bench/args.ts';
import { realOdooFromEnv } from '../../bench/real-odoo.ts';

const conn = (prefix: string, url: string) => ({
  [`${prefix}_URL`]: url,
  [`${prefix}_DB`]: 'db',
  [`${prefix}_LOGIN`]: 'admin',
  [`${prefix}_KEY`]: 'secret',
});

describe('bench against a real Odoo: which one', () => {
  it('--odoo real19 shrinks the sizes like --odoo real and keeps the target', () => {
    const args = parseBenchArgs(['--odoo', 'real19', '--order-units', '2']);
    if (args === 'help') throw new Error('unexpected help');
    expect(args).toMatchObject({ odoo: 'real19', skus: 2_000, orders: 300, openOrders: 200, orderUnits: 2 });
    expect(() => parseBenchArgs(['--odoo', 'real18'])).toThrow(/sandbox, real or real19/);
    expect(() => parseBenchArgs(['--odoo', 'real19', '--storefront', 'cz'])).toThrow(/de only/);
  });

  it('real19 reads ODOO19_BENCH_* before the contract tests’ ODOO19_TEST_*, never the 17’s variables', () => {
    const both = { ...conn('ODOO_BENCH', 'http://seventeen'), ...conn('ODOO19_TEST', 'http://test19') };
    expect(realOdooFromEnv('real19', both)).toMatchObject({ url: 'http://test19', secret: 'secret' });
    expect(realOdooFromEnv('real', both)).toMatchObject({ url: 'http://seventeen' });
    expect(realOdooFromEnv('real19', { ...both, ...conn('ODOO19_BENCH', 'http://bench19') })).toMatchObject({
      url: 'http://bench19',
    });
    const none = realOdooFromEnv('real19', conn('ODOO_TEST', 'http://seventeen'));
    expect(none).toMatch(/ODOO19_BENCH_URL.*ODOO19_TEST_\*/);
  });
});

import { describe, expect, it } from 'vitest';
import { classifyOdooError, httpStatusError, networkError, NOT_APPLIED } from './errors.ts';

const call = { url: 'https://erp.example.com', model: 'sale.order', method: 'create' };
const kindAndCode = (name: string, message = 'x') => {
  const error = classifyOdooError({ name, message }, call);
  return [error.kind, error.code];
};

describe('Odoo error classification (NOTES.md "Errors")', () => {
  it.each([
    ['odoo.exceptions.AccessDenied', 'config', 'odoo.auth_failed'],
    ['werkzeug.exceptions.Unauthorized', 'config', 'odoo.auth_failed'],
    ['odoo.exceptions.AccessError', 'config', 'odoo.access_denied'],
    ['odoo.exceptions.ValidationError', 'rejected', 'odoo.rejected'],
    ['odoo.exceptions.UserError', 'rejected', 'odoo.rejected'],
    ['odoo.exceptions.MissingError', 'rejected', 'odoo.missing_record'],
    ['builtins.ValueError', 'rejected', 'odoo.invalid_value'],
    ['builtins.AttributeError', 'bug', 'odoo.unknown_method'],
    ['psycopg2.errors.SerializationFailure', 'transient', 'odoo.concurrent_update'],
    ['builtins.KeyError', 'bug', 'odoo.server_error'],
  ])('%s → %s %s', (name, kind, code) => {
    expect(kindAndCode(name)).toEqual([kind, code]);
  });

  it('tells an unknown database from a database that is down', () => {
    expect(kindAndCode('psycopg2.OperationalError', 'FATAL:  database "nosuchdb" does not exist\n')).toEqual([
      'config',
      'odoo.unknown_database',
    ]);
    expect(kindAndCode('psycopg2.OperationalError', 'server closed the connection unexpectedly')).toEqual([
      'transient',
      'odoo.database_unavailable',
    ]);
  });

  it('names the model in access_denied', () => {
    const error = classifyOdooError(
      { name: 'odoo.exceptions.AccessError', message: 'You are not allowed…' },
      call,
    );
    expect(error.details).toMatchObject({ model: 'sale.order' });
    expect(error.message).toContain('sale.order');
  });

  it('marks only surely-unapplied transport failures as safe to repeat', () => {
    expect(httpStatusError(503, call, '').details?.[NOT_APPLIED]).toBe(true);
    expect(httpStatusError(500, call, '').details?.[NOT_APPLIED]).toBe(false);
    expect(httpStatusError(404, call, '')).toMatchObject({ kind: 'config', code: 'odoo.not_odoo' });
    const refused = networkError(
      Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }),
      call,
    );
    expect([refused.kind, refused.code, refused.details?.[NOT_APPLIED]]).toEqual([
      'transient',
      'odoo.unreachable',
      true,
    ]);
    const reset = networkError(
      Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }),
      call,
    );
    expect(reset.details?.[NOT_APPLIED]).toBe(false);
    expect(networkError(new DOMException('timed out', 'TimeoutError'), call)).toMatchObject({
      kind: 'transient',
      code: 'odoo.timeout',
    });
  });

  it('never puts the secret in a message', () => {
    const error = classifyOdooError({ name: 'odoo.exceptions.AccessDenied', message: 'Access Denied' }, call);
    expect(error.message).not.toMatch(/secret|key=/i);
  });
});

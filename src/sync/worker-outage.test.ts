import { describe, expect, it } from 'vitest';
import { isConnectionLoss } from './worker-outage.ts';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isConnectionLoss', () => {
  it('knows a database that went away (refused, terminated by a shutdown, still starting)', () => {
    expect(isConnectionLoss(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(isConnectionLoss(withCode('terminating connection due to administrator command', '57P01'))).toBe(
      true,
    );
    expect(isConnectionLoss(withCode('the database system is starting up', '57P03'))).toBe(true);
    expect(isConnectionLoss(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isConnectionLoss(new Error('Client has encountered a connection error and is not queryable')),
    ).toBe(true);
  });

  it('leaves every other failure to end the process', () => {
    expect(isConnectionLoss(withCode('duplicate key value violates unique constraint', '23505'))).toBe(false);
    expect(isConnectionLoss(new TypeError('cannot read properties of undefined'))).toBe(false);
    expect(isConnectionLoss('ECONNREFUSED')).toBe(false);
    expect(isConnectionLoss(undefined)).toBe(false);
  });
});

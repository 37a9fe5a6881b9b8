import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('ADLERDO_RUN_RETENTION_DAYS', () => {
  it('keeps run records 30 days unless told otherwise', () => {
    expect(loadConfig({}).ADLERDO_RUN_RETENTION_DAYS).toBe(30);
    expect(loadConfig({ ADLERDO_RUN_RETENTION_DAYS: '90' }).ADLERDO_RUN_RETENTION_DAYS).toBe(90);
    expect(loadConfig({ ADLERDO_RUN_RETENTION_DAYS: '7' }).ADLERDO_RUN_RETENTION_DAYS).toBe(7);
  });

  it('refuses what it cannot keep, saying why', () => {
    expect(() => loadConfig({ ADLERDO_RUN_RETENTION_DAYS: '6' })).toThrow(
      /ADLERDO_RUN_RETENTION_DAYS: must be at least 7 \(days\): the ERP outage reads a week of runs back/,
    );
    expect(() => loadConfig({ ADLERDO_RUN_RETENTION_DAYS: 'a month' })).toThrow(
      /ADLERDO_RUN_RETENTION_DAYS: must be a whole number of days, e\.g\. 30/,
    );
    expect(() => loadConfig({ ADLERDO_RUN_RETENTION_DAYS: '14.5' })).toThrow(/whole number of days/);
    expect(() => loadConfig({ ADLERDO_RUN_RETENTION_DAYS: '40000' })).toThrow(/at most 3650/);
  });
});

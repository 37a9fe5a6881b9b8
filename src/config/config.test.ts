import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(8080);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(path.isAbsolute(config.dataDir)).toBe(true);
  });

  it('names the bad variable and what is wrong with it', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('reads secrets from NAME_FILE', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cfg-'));
    const file = path.join(dir, 'url');
    writeFileSync(file, 'postgres://u@localhost/db\n');
    expect(loadConfig({ DATABASE_URL_FILE: file }).DATABASE_URL).toBe('postgres://u@localhost/db');
    expect(() => loadConfig({ DATABASE_URL_FILE: path.join(dir, 'missing') })).toThrow(/cannot be read/);
  });

  it('alert e-mails: the SMTP URL from the environment or a file, a bad one named without echoing it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cfg-'));
    const file = path.join(dir, 'smtp');
    writeFileSync(file, 'smtps://alerts:s3cret-pw@mail.example.com:465\n');
    const config = loadConfig({ ADLERDO_SMTP_URL_FILE: file, ADLERDO_ALERT_FROM: 'adlerdo@example.com' });
    expect(config.ADLERDO_SMTP_URL).toBe('smtps://alerts:s3cret-pw@mail.example.com:465');
    expect(config.ADLERDO_ALERT_INTERVAL_SECONDS).toBe(300);
    expect(config.ADLERDO_ALERT_CLEARED).toBe(true);
    let message = '';
    try {
      loadConfig({ ADLERDO_SMTP_URL: 'http://alerts:s3cret-pw@mail.example.com' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/ADLERDO_SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(message).not.toContain('s3cret-pw');
    expect(() => loadConfig({ ADLERDO_ALERT_FROM: 'nobody' })).toThrow(/ADLERDO_ALERT_FROM/);
    expect(() => loadConfig({ ADLERDO_ATTENTION_FAILED_RUNS: '0' })).toThrow(/ADLERDO_ATTENTION_FAILED_RUNS/);
  });
});

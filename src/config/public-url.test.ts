import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('ADLERDO_PUBLIC_URL', () => {
  it('is optional, keeps a path prefix and drops the trailing slash', () => {
    expect(loadConfig({}).ADLERDO_PUBLIC_URL).toBeUndefined();
    expect(loadConfig({ ADLERDO_PUBLIC_URL: 'https://shop.example.com/adlerdo/' }).ADLERDO_PUBLIC_URL).toBe(
      'https://shop.example.com/adlerdo',
    );
    expect(loadConfig({}).ADLERDO_PUSH_POLL_SECONDS).toBe(300);
  });

  it('takes http only for loopback hosts', () => {
    expect(loadConfig({ ADLERDO_PUBLIC_URL: 'http://127.0.0.1:8080' }).ADLERDO_PUBLIC_URL).toBe(
      'http://127.0.0.1:8080',
    );
    expect(loadConfig({ ADLERDO_PUBLIC_URL: 'http://[::1]:8080' }).ADLERDO_PUBLIC_URL).toBe(
      'http://[::1]:8080',
    );
    expect(() => loadConfig({ ADLERDO_PUBLIC_URL: 'http://shop.example.com' })).toThrow(
      /ADLERDO_PUBLIC_URL: must start with https:\/\//,
    );
    expect(() => loadConfig({ ADLERDO_PUBLIC_URL: 'ftp://shop.example.com' })).toThrow(/ADLERDO_PUBLIC_URL/);
    expect(() => loadConfig({ ADLERDO_PUBLIC_URL: 'shop.example.com' })).toThrow(/ADLERDO_PUBLIC_URL/);
    expect(() => loadConfig({ ADLERDO_PUBLIC_URL: 'https://shop.example.com/?x=1' })).toThrow(
      /query, fragment/,
    );
  });
});

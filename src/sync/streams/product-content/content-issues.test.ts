import { describe, expect, it } from 'vitest';
import { refusalWords } from './content-issues.ts';

describe('refusalWords', () => {
  it('says each refusal with its attribute, value and reason', () => {
    expect(
      refusalWords([
        { attribute: 'description', value: null, reason: 'missing' },
        {
          attribute: 'picture',
          value: 'https://x/p.jpg',
          reason: 'picture could not be downloaded (HTTP 404)',
        },
        { attribute: null, value: null, reason: 'not enough product data' },
      ]),
    ).toBe(
      'description: missing; picture https://x/p.jpg: picture could not be downloaded (HTTP 404); not enough product data',
    );
  });

  it('names the language of each refusal when the product went out in several', () => {
    expect(
      refusalWords([
        { attribute: 'description', value: null, reason: 'missing', language: 'de-DE' },
        { attribute: 'ean', value: '', reason: 'not accepted', language: 'cs-CZ' },
      ]),
    ).toBe('(de-DE) description: missing; (cs-CZ) ean: not accepted');
  });
});

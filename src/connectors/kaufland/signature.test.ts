import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signRequest } from './signature.ts';

interface Vector {
  id: string;
  secret: string;
  method: string;
  uri: string;
  body: string;
  timestamp: number;
  signature: string;
}

const vectorsFile = path.resolve(import.meta.dirname, '../../../reference/kaufland/signature-vectors.json');
const { vectors } = JSON.parse(readFileSync(vectorsFile, 'utf8')) as { vectors: Vector[] };

describe('signRequest', () => {
  it('has vectors to check', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(8);
  });

  it.each(vectors)('matches vector $id', (vector) => {
    const { signature, ...input } = vector;
    expect(signRequest(input)).toBe(signature);
  });

  it('keys with the secret as text, not as decoded hex', () => {
    const input = { method: 'GET', uri: 'https://x/v2/', body: '', timestamp: 1 };
    const hexSecret = 'a7d0cb1da1ddbc86';
    expect(signRequest({ ...input, secret: hexSecret })).not.toBe(
      signRequest({ ...input, secret: Buffer.from(hexSecret, 'hex').toString('latin1') }),
    );
  });
});

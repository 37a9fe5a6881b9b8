import { describe, expect, it } from 'vitest';
import { ApiError } from '../api.ts';
import { errorMessage, fieldMessage } from './error-text.ts';

describe('server errors in the reader’s language', () => {
  const taken = new ApiError(
    409,
    'account.name_taken',
    'An account named "Shop" already exists. Choose another name.',
    [{ field: 'name', message: 'This name is already used by another account.' }],
  );

  it('English shows the server’s own sentence, which may name the thing', () => {
    expect(errorMessage(taken, 'en')).toBe('An account named "Shop" already exists. Choose another name.');
    expect(fieldMessage(taken, taken.fields[0]!, 'en')).toBe('This name is already used by another account.');
  });

  it('German says it from the catalogue, by code and by field', () => {
    expect(errorMessage(taken, 'de')).toBe(
      'Es gibt bereits ein Konto mit diesem Namen. Bitte wählen Sie einen anderen Namen.',
    );
    expect(fieldMessage(taken, taken.fields[0]!, 'de')).toBe(
      'Diesen Namen verwendet bereits ein anderes Konto.',
    );
    const malformed = new ApiError(400, 'account.malformed_keys', 'x', [
      { field: 'clientSecret', message: 'The Client Secret should be …' },
    ]);
    expect(fieldMessage(malformed, malformed.fields[0]!, 'de')).toContain('64-stellige');
  });

  it('a code the catalogue does not know keeps the server’s words, also in German', () => {
    const fresh = new ApiError(400, 'brand.new', 'Something new went wrong.', [
      { field: 'a', message: 'A is odd.' },
    ]);
    expect(errorMessage(fresh, 'de')).toBe('Something new went wrong.');
    expect(fieldMessage(fresh, fresh.fields[0]!, 'de')).toBe('A is odd.');
    expect(errorMessage(new Error('plain'), 'de')).toBe('plain');
  });
});

import { describe, expect, it } from 'vitest';
import { AppError, toAppError } from './errors.ts';

describe('AppError', () => {
  it('only transient errors are retryable', () => {
    expect(new AppError('transient', 'x', 'm').retryable).toBe(true);
    expect(new AppError('config', 'x', 'm').retryable).toBe(false);
  });
  it('wraps foreign errors as bugs and keeps AppErrors', () => {
    const own = new AppError('rejected', 'r', 'm');
    expect(toAppError(own)).toBe(own);
    const wrapped = toAppError(new TypeError('boom'));
    expect(wrapped.kind).toBe('bug');
    expect(wrapped.message).toContain('boom');
  });
});

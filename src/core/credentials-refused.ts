import { AppError } from './errors.ts';

/**
 * Whether the other side refused the stored keys themselves (a 401, keys of the wrong shape): only then does an
 * account or the ERP turn "Credentials invalid" and pause. Other `config` errors (a redirect, a wrong URL, keys
 * AdlerDo cannot decrypt locally) say nothing about the keys, and must not send the seller to regenerate them.
 */
export function credentialsRefused(error: unknown): error is AppError {
  return error instanceof AppError && /\.(auth_failed|invalid_keys)$/.test(error.code);
}

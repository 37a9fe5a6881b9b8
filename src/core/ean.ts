import { AppError } from './errors.ts';

/**
 * Completes 12 digits to an EAN-13: the check digit weighs the digits 1, 3, 1, 3, … from the left and tops
 * the sum up to a multiple of 10. Kaufland looks products up by EAN, so generated EANs (demo, bench, tests) must be valid ones.
 */
export function ean13(first12: string): string {
  if (!/^\d{12}$/.test(first12))
    throw new AppError(
      'bug',
      'ean.bad_stem',
      `An EAN-13 needs 12 digits before the check digit, not "${first12}".`,
    );
  const sum = [...first12].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return `${first12}${(10 - (sum % 10)) % 10}`;
}

export function isValidEan13(ean: string): boolean {
  return /^\d{13}$/.test(ean) && ean13(ean.slice(0, 12)) === ean;
}

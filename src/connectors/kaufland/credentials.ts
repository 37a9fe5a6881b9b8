import type { MarketplaceCredentials } from '../../core/ports/marketplace.port.ts';

type ShapeError = { field: 'clientId' | 'clientSecret'; message: string };

/**
 * The Seller Portal shows a 32-character Client ID and a 64-character Client Secret, both hex. Only the shape
 * is checked here, leniently: any hex of 16+ characters passes, so keys of another length are not refused
 * before Kaufland itself has had its say.
 */
const HEX = /^[0-9a-f]+$/i;
const MIN_LENGTH = 16;

const LABELS = {
  clientId: { name: 'Client ID', length: 32 },
  clientSecret: { name: 'Client Secret', length: 64 },
} as const;

export function validateKauflandCredentialShape(
  credentials: Pick<MarketplaceCredentials, 'clientId' | 'clientSecret'>,
): ShapeError[] {
  const errors: ShapeError[] = [];
  for (const field of ['clientId', 'clientSecret'] as const) {
    const message = shapeProblem(credentials[field], LABELS[field]);
    if (message) errors.push({ field, message });
  }
  if (errors.length === 0 && looksSwapped(credentials)) {
    const message = 'The Client ID and Client Secret look swapped: the Client ID is the shorter key.';
    return [
      { field: 'clientId', message },
      { field: 'clientSecret', message },
    ];
  }
  return errors;
}

function shapeProblem(
  value: unknown,
  { name, length }: { name: string; length: number },
): string | undefined {
  if (typeof value !== 'string' || value.trim() === '')
    return `Enter the ${name} from the Kaufland Seller Portal.`;
  if (/\s/.test(value))
    return `The ${name} contains spaces or line breaks: copy it again from the Seller Portal.`;
  if (!HEX.test(value) || value.length < MIN_LENGTH) {
    return `The ${name} should be the ${length}-character key from the Seller Portal (digits 0-9 and letters a-f).`;
  }
  return undefined;
}

function looksSwapped({
  clientId,
  clientSecret,
}: Pick<MarketplaceCredentials, 'clientId' | 'clientSecret'>): boolean {
  return clientId.length === LABELS.clientSecret.length && clientSecret.length === LABELS.clientId.length;
}

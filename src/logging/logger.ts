import pino, { type Logger } from 'pino';

/**
 * Secrets must never reach a log line. Redaction catches them by key wherever they sit (up to two levels deep
 * inside request bodies); the code additionally never puts them into log objects on purpose.
 */
const SECRET_KEYS = [
  'clientSecret',
  'client_secret',
  'secret',
  'secret_key',
  'secretKey',
  'password',
  'apiKey',
  'api_key',
  'masterKey',
  'signature',
  'authorization',
  'cookie',
  'shop-signature',
  'set-cookie',
];

const REDACT_PATHS = SECRET_KEYS.flatMap((key) => [
  key,
  `*.${key}`,
  `*.*.${key}`,
  `req.headers["${key}"]`,
  `res.headers["${key}"]`,
]);

export type { Logger };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'adlerdo' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

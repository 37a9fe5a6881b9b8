import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../core/errors.ts';
import { publicUrlSchema } from './public-url.ts';

/**
 * Configuration comes from the environment only, checked once at start-up. Every secret may also come from
 * NAME_FILE (a path whose content is the value), the usual way to hand secrets to containers.
 */
// 0 asks the OS for a free port (tests, several instances on one machine).
const portSchema = z.coerce.number().int().min(0).max(65535);

// "true" (any proxy: only when nothing but the proxy can reach AdlerDo), "false" (default), a hop count ("1":
// the nearest proxy), or a comma-separated list of proxy addresses/CIDRs ("127.0.0.1,10.0.0.0/8").
const trustProxySchema = z
  .string()
  .trim()
  .regex(
    /^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/,
    'must be true, false, a hop count or a comma-separated list of proxy addresses',
  )
  .transform((value): boolean | number | string[] =>
    value === 'true'
      ? true
      : value === 'false'
        ? false
        : /^\d+$/.test(value)
          ? Number(value)
          : value.split(',').map((part) => part.trim()),
  )
  .refine(
    (value) => !Array.isArray(value) || value.every(isProxyAddress),
    'names an address that is not an IP or CIDR',
  );

function isProxyAddress(value: string): boolean {
  const [address = '', bits, ...rest] = value.split('/');
  return rest.length === 0 && isIP(address) !== 0 && (bits === undefined || /^\d{1,3}$/.test(bits));
}

const envSchema = z.object({
  PORT: portSchema.default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  ADLERDO_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  // Port of the embedded PostgreSQL; 0 picks a free one. Ignored with DATABASE_URL.
  ADLERDO_PG_PORT: portSchema.default(54329),
  ADLERDO_MASTER_KEY: z
    .string()
    .regex(
      /^[A-Za-z0-9+/=_-]{43,88}$/,
      'must be 32 random bytes, base64 or hex encoded (e.g. `openssl rand -base64 32`)',
    )
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // The API root new Kaufland accounts get when none is given (CLI and UI); existing accounts keep theirs.
  KAUFLAND_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://sellerapi.kaufland.com/v2' })
    .transform((u) => u.replace(/\/+$/, ''))
    .default('https://sellerapi.kaufland.com/v2'),
  // Jobs one worker process runs at once; each account still runs one step at a time.
  ADLERDO_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  // Step intervals in seconds, e.g. "orders=30,shipments=30,stock=30,catalog=300" (unlisted steps keep defaults).
  ADLERDO_SYNC_INTERVALS: z
    .string()
    .regex(
      /^(\s*\w+\s*=\s*\d+\s*)(,\s*\w+\s*=\s*\d+\s*)*$/,
      'must look like "orders=30,stock=30,catalog=300"',
    )
    .optional(),
  // Lets a Prometheus scraper read /metrics with `Authorization: Bearer <token>` (else a session is needed).
  ADLERDO_METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  // Sessions last 12 hours unless configured otherwise.
  ADLERDO_SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(12),
  // Behind a reverse proxy: which proxy's X-Forwarded-For/-Proto/-Host to believe (Fastify's trustProxy).
  ADLERDO_TRUST_PROXY: trustProxySchema.default(false),
  // The attention model (src/sync/attention): a step needs the seller after this many failed runs in a row,
  // held orders after this many minutes.
  ADLERDO_ATTENTION_FAILED_RUNS: z.coerce.number().int().min(1).max(100).default(3),
  ADLERDO_ATTENTION_HELD_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
  // Run records (sync_runs) older than this many days are deleted hourly (src/sync/runs-retention.ts). At least 7:
  // the ERP outage ("unreachable since …") reads a week of runs back.
  ADLERDO_RUN_RETENTION_DAYS: z.coerce
    .number({ error: 'must be a whole number of days, e.g. 30' })
    .int('must be a whole number of days, e.g. 30')
    .min(7, 'must be at least 7 (days): the ERP outage reads a week of runs back')
    .max(3650, 'must be at most 3650 (days, ten years)')
    .default(30),
  // Alerts (src/alerts): the operator's SMTP server as a URL (smtp://user:password@host:587, smtps://… for TLS on
  // connect) — it wins over the server entered on the settings page while it is set —, the default sender, the
  // least time between two messages per channel (issues opening meanwhile go out together), and whether an
  // issue's clearing is sent too.
  ADLERDO_SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\/[^\s]+$/,
      'must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.com:587',
    )
    .optional(),
  ADLERDO_ALERT_FROM: z.email('must be an e-mail address, e.g. adlerdo@example.com').optional(),
  ADLERDO_ALERT_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  ADLERDO_ALERT_CLEARED: z.stringbool().default(true),
  // Where Kaufland and Odoo reach this AdlerDo from outside, for push instead of polling (public-url.ts):
  // https only; http is accepted for loopback hosts, for tests and sandboxes on one machine.
  ADLERDO_PUBLIC_URL: publicUrlSchema.optional(),
  // With push working, the polls that push replaces run this often (seconds) as a safety net.
  ADLERDO_PUSH_POLL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(300),
  // Test only (crash scenario odoo-outage): the hub's own waits run this many times faster (src/core/clock.ts).
  ADLERDO_TIME_SCALE: z.coerce.number().min(1).max(1_000).default(1),
});

export type Config = Readonly<z.infer<typeof envSchema> & { dataDir: string }>;

const FILE_VARIABLES = [
  'DATABASE_URL',
  'ADLERDO_MASTER_KEY',
  'ADLERDO_METRICS_TOKEN',
  'ADLERDO_SMTP_URL',
] as const;

function resolveFileVariables(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(env)) out[key] = value === '' ? undefined : value;
  for (const name of FILE_VARIABLES) {
    const file = env[`${name}_FILE`];
    if (!file || out[name] !== undefined) continue;
    try {
      out[name] = readFileSync(file, 'utf8').trim();
    } catch (cause) {
      throw new AppError(
        'config',
        'config.file_unreadable',
        `${name}_FILE points to ${file}, which cannot be read.`,
        {
          cause,
        },
      );
    }
  }
  return out;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(resolveFileVariables(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new AppError('config', 'config.invalid', `Invalid configuration:\n${lines.join('\n')}`, {
      fields: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    });
  }
  return Object.freeze({ ...parsed.data, dataDir: path.resolve(parsed.data.ADLERDO_DATA_DIR) });
}

import path from 'node:path';
import * as z from 'zod';
import type { GuessLimits } from './modules/limits/limiter.ts';

function parseTrustProxy(value: string): false | number | string[] {
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return 1;
  if (/^\d+$/.test(v)) return Number(v);
  return v
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
}

/** The only place that reads process.env: everything else receives a typed Config. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// (leave it empty for SQLite)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PUBLIC_URL: z.string().url().optional(),
  /** Without PUBLIC_URL: the host names (comma-separated) links may be made with besides this machine's own. */
  ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `pretty`: lines a person reads in a terminal; `json`: one JSON object a line, for log collectors. */
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  NODE_ENV: z.string().optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  INVITE_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  RESPONDENT_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  INVITE_VALID_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /**
   * Which proxies in front of the app to believe about the client's address: `false` (none), a hop
   * count (`1`: the one proxy in front; `true` means 1), or a comma-separated list of proxy
   * addresses or CIDR ranges. Never "all": then any client chooses its own address with
   * X-Forwarded-For and every per-address limit is void.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v) => parseTrustProxy(v)),
  /** Rate-limit counters in Redis instead of the database (redis://[user:password@]host:port[/db]). */
  REDIS_URL: z
    .string()
    .regex(/^redis:\/\//, 'REDIS_URL must start with redis://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  REDIS_KEY_PREFIX: z.string().min(1).default('kruisbestuiving:limits:'),
  /** Guesses of resume codes, join codes and invitations: per round or meeting, and in all, per window. */
  GUESS_LIMIT_PER_SCOPE: z.coerce.number().int().min(1).default(30),
  GUESS_LIMIT_GLOBAL: z.coerce.number().int().min(1).default(300),
  GUESS_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(10),
  /** Chromium for the PDF reports (without it the PDF answers 503 and the HTML report still works). */
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  /** Largest photo a person may upload, in bytes (default 10 MB); larger uploads are refused and nothing is stored. */
  PHOTO_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(10_000)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /** Files (photos, imports) one person may send per kind in an hour; more are refused (429) in every app process. */
  UPLOADS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(60),
  /** Photos are resized to fit within this many pixels on their longest side. */
  PHOTO_MAX_DIMENSION: z.coerce.number().int().min(200).max(8000).default(2000),
  /** An S3-compatible object store for photos; without S3_BUCKET they are kept in DATA_DIR/photos. */
  S3_ENDPOINT: z
    .string()
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z
    .string()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /**
   * 32 random bytes in base64 that seal stored secrets (an organisation's single sign-on client
   * secret). Without it the app makes one in DATA_DIR/secrets.key on first use.
   */
  SECRETS_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'SECRETS_KEY must be 32 bytes in base64 (openssl rand -base64 32)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** SMTP server for e-mail (smtp://user:password@host:587 or smtps://…:465); without it nothing is mailed, everything stays in the app. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** The sender of every e-mail, e.g. `Kruisbestuiving <noreply@example.org>`; required with SMTP_URL. */
  MAIL_FROM: z
    .string()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** How often each app process looks for mail to send. */
  MAIL_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  /** App processes serving requests (PostgreSQL only; default 1). SQLite always has one. */
  WORKERS: z.coerce.number().int().min(1).max(64).optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  publicUrl: string | undefined;
  allowedHosts: string[];
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** JSON when NODE_ENV=production or LOG_FORMAT=json; readable lines otherwise. */
  logFormat: 'pretty' | 'json';
  session: { idleMinutes: number; maxHours: number };
  rateLimits: { loginPerMinute: number; invitePerMinute: number; respondentPerMinute: number };
  inviteValidDays: number;
  trustProxy: boolean | number | string[];
  guesses: GuessLimits;
  redis: { url: string; keyPrefix: string } | undefined;
  webDir: string;
  chromiumPath: string;
  /** Seals stored secrets; undefined: a key file in dataDir (see src/modules/sso/secret-box.ts). */
  secretsKey: string | undefined;
  /** Files (photos, imports) one person may send per kind in an hour. */
  uploadsPerHour: number;
  photos: {
    maxBytes: number;
    maxDimension: number;
    /** Set when photos go to an S3-compatible object store instead of DATA_DIR/photos. */
    objectStore:
      | {
          endpoint: string | undefined;
          region: string;
          bucket: string;
          accessKeyId: string | undefined;
          secretAccessKey: string | undefined;
          forcePathStyle: boolean;
        }
      | undefined;
  };
  /** Set only when SMTP_URL and MAIL_FROM are: then mail is queued and sent (see src/modules/mail). */
  mail: { smtpUrl: string; from: string; pollMs: number; firstRetryMs: number } | undefined;
  /** Processes that serve requests: WORKERS (default 1) on PostgreSQL, always 1 on SQLite. */
  workers: number;
};

export const BODY_LIMIT_BYTES = 256 * 1024;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.SMTP_URL && !e.MAIL_FROM) throw new Error('Invalid configuration:\n  MAIL_FROM: set the sender address of e-mails when SMTP_URL is set');
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'sqlite', file: path.join(dataDir, 'kruisbestuiving.sqlite') },
    publicUrl: e.PUBLIC_URL,
    allowedHosts: e.ALLOWED_HOSTS,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (e.NODE_ENV === 'production' ? 'json' : 'pretty'),
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS },
    rateLimits: { loginPerMinute: e.LOGIN_RATE_LIMIT, invitePerMinute: e.INVITE_RATE_LIMIT, respondentPerMinute: e.RESPONDENT_RATE_LIMIT },
    inviteValidDays: e.INVITE_VALID_DAYS,
    trustProxy: e.TRUST_PROXY,
    redis: e.REDIS_URL ? { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX } : undefined,
    guesses: { perScope: e.GUESS_LIMIT_PER_SCOPE, global: e.GUESS_LIMIT_GLOBAL, windowMinutes: e.GUESS_WINDOW_MINUTES },
    // Default 1 for now: two workers are safe (their refused submissions were tally deadlocks, now run
    // again by the group committer) but showed no gain on a shared machine yet; see docs/performance.md.
    workers: e.DATABASE_URL ? (e.WORKERS ?? 1) : 1,
    webDir: path.resolve(import.meta.dirname, '../dist/web'),
    chromiumPath: e.CHROMIUM_PATH,
    secretsKey: e.SECRETS_KEY,
    uploadsPerHour: e.UPLOADS_PER_HOUR,
    photos: {
      maxBytes: e.PHOTO_MAX_BYTES,
      maxDimension: e.PHOTO_MAX_DIMENSION,
      objectStore: e.S3_BUCKET
        ? {
            endpoint: e.S3_ENDPOINT,
            region: e.S3_REGION,
            bucket: e.S3_BUCKET,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            forcePathStyle: e.S3_FORCE_PATH_STYLE,
          }
        : undefined,
    },
    mail: e.SMTP_URL && e.MAIL_FROM ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, pollMs: e.MAIL_POLL_SECONDS * 1000, firstRetryMs: 60_000 } : undefined,
    ...overrides,
  };
}

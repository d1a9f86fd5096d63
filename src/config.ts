import path from 'node:path';
import * as z from 'zod';

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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Chromium for the PDF reports (without it the PDF answers 503 and the HTML report still works). */
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  publicUrl: string | undefined;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  session: { idleMinutes: number; maxHours: number };
  rateLimits: { loginPerMinute: number; invitePerMinute: number; respondentPerMinute: number };
  inviteValidDays: number;
  trustProxy: boolean;
  webDir: string;
  chromiumPath: string;
};

export const BODY_LIMIT_BYTES = 256 * 1024;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'sqlite', file: path.join(dataDir, 'kruisbestuiving.sqlite') },
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, maxHours: e.SESSION_MAX_HOURS },
    rateLimits: { loginPerMinute: e.LOGIN_RATE_LIMIT, invitePerMinute: e.INVITE_RATE_LIMIT, respondentPerMinute: e.RESPONDENT_RATE_LIMIT },
    inviteValidDays: e.INVITE_VALID_DAYS,
    trustProxy: e.TRUST_PROXY,
    webDir: path.resolve(import.meta.dirname, '../dist/web'),
    chromiumPath: e.CHROMIUM_PATH,
    ...overrides,
  };
}

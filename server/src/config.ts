import path from 'node:path';
import { z } from 'zod';

/** Raised for a bad configuration value; `main` prints its message as the one line before exiting. */
export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`${variable}: ${problem}`);
  }
}

const KEY_FORMAT = 'must be 32 bytes, as 64 hex digits or base64 (openssl rand -base64 32)';
const parseKey = (v: string): Buffer | null => {
  const key = /^[0-9a-f]{64}$/i.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
  return key.length === 32 ? key : null;
};

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .optional()
  .transform((v) => (v === undefined ? undefined : ['true', '1', 'yes'].includes(v)));

const positiveInt = (fallback: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number from 1 to ${max}` });
        return z.NEVER;
      }
      return n;
    });

const url = (protocols: string[]) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      let parsed: URL;
      try {
        parsed = new URL(v);
      } catch {
        ctx.addIssue({ code: 'custom', message: `is not a valid URL (expected ${protocols.join(' or ')}//…)` });
        return z.NEVER;
      }
      if (!protocols.includes(parsed.protocol)) {
        ctx.addIssue({ code: 'custom', message: `must start with ${protocols.join(' or ')}//` });
        return z.NEVER;
      }
      return parsed;
    });

const email = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return undefined;
    if (!z.email().safeParse(v.trim()).success) {
      ctx.addIssue({ code: 'custom', message: 'is not a valid e-mail address' });
      return z.NEVER;
    }
    return v.trim().toLowerCase();
  });

/** Every variable Kluis reads, in one place; the contract's table plus the few the team added. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return 4000;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) {
        ctx.addIssue({ code: 'custom', message: 'must be a port number from 0 to 65535' });
        return z.NEVER;
      }
      return n;
    }),
  HOST: z.string().optional(),
  PUBLIC_URL: url(['http:', 'https:']),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: url(['mysql:', 'mariadb:']),
  REDIS_URL: url(['redis:', 'rediss:']),
  /** clamd's TCP address (host or host:port, port 3310 by default); when set every upload is scanned first. */
  CLAMD_HOST: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v?.trim()) return undefined;
      const match = /^([\w.-]+|\[[0-9a-f:]+\])(?::(\d{1,5}))?$/i.exec(v.trim());
      if (!match) {
        ctx.addIssue({ code: 'custom', message: 'must be host or host:port' });
        return z.NEVER;
      }
      return { host: match[1]!.replace(/^\[|\]$/g, ''), port: Number(match[2] ?? 3310) };
    }),
  REDIS_PREFIX: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').default('kluis:'),
  SMTP_URL: url(['smtp:', 'smtps:']),
  MAIL_FROM: z.string().optional(),
  VONAGE_API_KEY: z.string().optional(),
  VONAGE_API_SECRET: z.string().optional(),
  VONAGE_FROM: z.string().optional(),
  VONAGE_REST_HOST: url(['http:', 'https:']),
  BOOTSTRAP_ADMIN_EMAIL: email,
  DEMO_DATA: flag,
  PORTAL_NAME: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters').default('Kluis'),
  MAX_UPLOAD_MB: positiveInt(25, 10_240),
  REQUIRE_SECOND_FACTOR: flag,
  TERMS_FILE: z.string().optional(),
  NOTIFY_BATCH_SECONDS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return 60;
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0 || n > 3600) {
        ctx.addIssue({ code: 'custom', message: 'must be a number of seconds from 0 to 3600' });
        return z.NEVER;
      }
      return n;
    }),
  OUTBOX_RETRY_SECONDS: positiveInt(30, 3600),
  SESSION_IDLE_MINUTES: positiveInt(30, 24 * 60),
  SESSION_ABSOLUTE_HOURS: positiveInt(12, 24 * 30),
  STORAGE_KEY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      return parseKey(v) ?? (ctx.addIssue({ code: 'custom', message: KEY_FORMAT }), z.NEVER);
    }),
  /** Keys being rotated out: they still open what they sealed, nothing new is written with them. */
  STORAGE_KEY_PREVIOUS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const keys = (v ?? '').split(',').map((k) => k.trim()).filter(Boolean).map(parseKey);
      if (keys.some((k) => !k)) {
        ctx.addIssue({ code: 'custom', message: `comma-separated keys; each ${KEY_FORMAT}` });
        return z.NEVER;
      }
      return keys as Buffer[];
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = ReturnType<typeof loadConfig>;

export const configVariables = Object.keys(schema.shape);

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const picked = Object.fromEntries(configVariables.map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = schema.safeParse(picked);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0]), issue.message);
  }
  const e = parsed.data;

  const vonageKeys = [e.VONAGE_API_KEY, e.VONAGE_API_SECRET];
  if (vonageKeys.some(Boolean) && !vonageKeys.every(Boolean)) {
    throw new ConfigError(e.VONAGE_API_KEY ? 'VONAGE_API_SECRET' : 'VONAGE_API_KEY', 'must be set together with the other Vonage credential');
  }
  if (e.VONAGE_API_KEY && !e.VONAGE_FROM) throw new ConfigError('VONAGE_FROM', 'must be set when Vonage credentials are set');
  if (e.MAIL_FROM !== undefined && !/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(e.MAIL_FROM.trim())) {
    throw new ConfigError('MAIL_FROM', 'must be an address, e.g. "Kluis <portal@example.nl>"');
  }

  const dataDir = path.resolve(e.DATA_DIR);
  const publicUrl = (e.PUBLIC_URL?.href ?? `http://localhost:${e.PORT}/`).replace(/\/$/, '');
  const embedded = !e.DATABASE_URL;
  return {
    env: e.NODE_ENV,
    production: e.NODE_ENV === 'production',
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    secureCookies: publicUrl.startsWith('https:'),
    dataDir,
    database: e.DATABASE_URL ? ({ kind: 'mysql', url: e.DATABASE_URL.href } as const) : ({ kind: 'sqlite', file: path.join(dataDir, 'kluis.sqlite') } as const),
    redisUrl: e.REDIS_URL?.href,
    redisPrefix: e.REDIS_PREFIX,
    clamd: e.CLAMD_HOST,
    smtpUrl: e.SMTP_URL?.href,
    mailFrom: e.MAIL_FROM?.trim() ?? `${e.PORTAL_NAME} <no-reply@${new URL(publicUrl).hostname}>`,
    vonage: e.VONAGE_API_KEY
      ? { apiKey: e.VONAGE_API_KEY, apiSecret: e.VONAGE_API_SECRET!, from: e.VONAGE_FROM!, restHost: e.VONAGE_REST_HOST?.href.replace(/\/$/, '') }
      : undefined,
    bootstrapAdminEmail: e.BOOTSTRAP_ADMIN_EMAIL,
    demoData: e.DEMO_DATA ?? embedded,
    portalName: e.PORTAL_NAME,
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    maxUploadFiles: 10,
    requireSecondFactor: e.REQUIRE_SECOND_FACTOR ?? true,
    termsFile: path.resolve(e.TERMS_FILE ?? path.join(dataDir, 'terms.md')),
    session: { idleMs: e.SESSION_IDLE_MINUTES * 60_000, absoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000 },
    storageKey: e.STORAGE_KEY,
    previousStorageKeys: e.STORAGE_KEY_PREVIOUS,
    notifyBatchMs: e.NOTIFY_BATCH_SECONDS * 1000,
    outbox: { retryBaseMs: e.OUTBOX_RETRY_SECONDS * 1000, pollMs: 1000 },
    logLevel: e.LOG_LEVEL,
  };
}

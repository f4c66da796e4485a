// Every setting LiveLens reads, validated once with zod. A bad value fails start-up (and `next build`,
// through next.config.ts) with a message that names the variable. Documented in .env.example.
//
// The launcher (`npm start`) fills in DATABASE_URL, PUSHER_* and AUTH_SECRET for its embedded services
// when they are not set, so they are optional here; `requireDatabaseUrl()` and friends give the
// readable error for a process started some other way without them.
import { z } from 'zod';
import { parseExchangeRates } from './money/convert';

const TRUE_WORDS = ['true', '1', 'yes', 'on'];
const FALSE_WORDS = ['false', '0', 'no', 'off'];

const booleanSetting = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => TRUE_WORDS.includes(v) || FALSE_WORDS.includes(v), {
    message: `must be one of ${[...TRUE_WORDS, ...FALSE_WORDS].join(', ')}`,
  })
  .transform((v) => TRUE_WORDS.includes(v));

const portSetting = z.coerce
  .number({ message: 'must be a whole number from 1 to 65535' })
  .int('must be a whole number from 1 to 65535')
  .min(1, 'must be a whole number from 1 to 65535')
  .max(65535, 'must be a whole number from 1 to 65535');

const positiveInt = (what: string) =>
  z.coerce.number({ message: `must be a whole number (${what})` }).int(`must be a whole number (${what})`).positive(`must be above 0 (${what})`);

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v), {
    message: 'must be a postgres:// or postgresql:// connection URL, e.g. postgresql://user:pass@localhost:5432/livelens',
  });

// A listen address: an IPv4 or IPv6 address (`0.0.0.0` or `::` for every interface) or a host name.
const listenHost = z
  .string()
  .trim()
  .pipe(z.union([z.ipv4(), z.ipv6(), z.hostname()], { message: 'must be an IP address (e.g. 127.0.0.1, 0.0.0.0, ::) or a host name' }));

const httpUrl = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\/[^\s/]+/.test(v), { message: 'must be an http:// or https:// URL' })
  .transform((v) => v.replace(/\/+$/, ''));

const envShape = z.object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),

    // Web app
    PORT: portSetting.default(3000),
    // Where `npm run start:web` (scripts/web-server.ts) listens; unset = every interface, as `npm start` does.
    WEB_HOST: listenHost.optional(),
    APP_URL: httpUrl.optional(),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)').optional(),
    // Build only: `standalone` makes `next build` write Next's standalone output (the Dockerfile sets it).
    NEXT_OUTPUT: z.enum(['standalone']).optional(),

    // Database
    DATABASE_URL: postgresUrl.optional(),
    LIVELENS_DATA_DIR: z.string().trim().min(1).default('.data'),
    EMBEDDED_PG_PORT: portSetting.default(54329),

    // Realtime (Pusher Channels or any Pusher-protocol server such as soketi)
    PUSHER_APP_ID: z.string().trim().min(1).optional(),
    PUSHER_KEY: z.string().trim().min(1).optional(),
    PUSHER_SECRET: z.string().trim().min(1).optional(),
    PUSHER_CLUSTER: z.string().trim().min(1).default('mt1'),
    PUSHER_HOST: z.string().trim().min(1).optional(),
    PUSHER_PORT: portSetting.optional(),
    PUSHER_USE_TLS: booleanSetting.optional(),
    // What the browser connects to, when it differs from the server-side host (e.g. behind a proxy).
    PUSHER_PUBLIC_HOST: z.string().trim().min(1).optional(),
    PUSHER_PUBLIC_PORT: portSetting.optional(),
    SOKETI_PORT: portSetting.default(6001),

    // Payments
    STRIPE_SECRET_KEY: z.string().trim().regex(/^(sk|rk)_(test|live)_\S+$/, 'must look like sk_test_… or sk_live_…').optional(),
    STRIPE_WEBHOOK_SECRET: z.string().trim().regex(/^whsec_\S+$/, 'must look like whsec_…').optional(),
    // Where the Stripe SDK sends API calls; only changed by tests that use a local stand-in.
    STRIPE_API_BASE: httpUrl.optional(),
    REPORT_PRICE_CENTS: positiveInt('price of a growth report in cents').default(1900),
    REPORT_CURRENCY: z.string().trim().toLowerCase().regex(/^[a-z]{3}$/, 'must be a 3-letter ISO currency code').default('usd'),

    // Money shown in other currencies is converted from USD at these rates (per US dollar), dated
    // (lib/money/convert.ts has the defaults and their date).
    EXCHANGE_RATES: z
      .string()
      .trim()
      .refine((v) => { try { parseExchangeRates(v, '2000-01-01'); return true; } catch { return false; } }, {
        message: 'must be CODE=rate pairs per US dollar separated by commas, e.g. EUR=0.86,RUB=78.2,THB=32.3,CNY=7.08',
      })
      .optional(),
    EXCHANGE_RATES_DATE: z
      .string()
      .trim()
      .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), { message: 'must be the day the rates are from, as YYYY-MM-DD' })
      .optional(),

    // TikTok
    TIKTOK_SIGN_API_KEY: z.string().trim().min(1).optional(),
    TIKTOK_SESSION_ID: z.string().trim().min(1).optional(),
    TIKTOK_PROXY: httpUrl.optional(),
    TIKTOK_PROFILE_BASE_URL: httpUrl.default('https://www.tiktok.com'),
    TIKTOK_FETCH_TIMEOUT_MS: positiveInt('milliseconds').default(10000),
    // Bilibili live (issue 20): the room API and the live site, configurable so tests use a local stand-in,
    // and a logged-in account's SESSDATA cookie (without it Bilibili masks viewers' names).
    BILIBILI_API_BASE: httpUrl.default('https://api.live.bilibili.com'),
    BILIBILI_LIVE_BASE: httpUrl.default('https://live.bilibili.com'),
    // The main API: wbi signing keys and the anonymous browser id the live API asks for (worker/sources/bilibili.ts).
    BILIBILI_MAIN_API_BASE: httpUrl.default('https://api.bilibili.com'),
    BILIBILI_SESSDATA: z.string().trim().min(1).optional(),
    // What a creator receives per diamond (USD); estimates show a ±20% range around it.
    USD_PER_DIAMOND: z.coerce.number({ message: 'must be a number of US dollars, e.g. 0.005' }).positive('must be above 0').max(1, 'must be at most 1 (dollars per diamond)').default(0.005),
    // Multiplies every rate limit (sign-in, sign-up, lookups, tracking): raise it behind a shared address
    // (an office NAT) or for browser tests that sign in many times from one machine.
    RATE_LIMIT_SCALE: z.coerce.number({ message: 'must be a number, e.g. 1 or 10' }).min(1, 'must be at least 1').max(10_000).default(1),
    // How many proxies in front of the app (nginx, a load balancer) append to X-Forwarded-For; the client's
    // address for per-IP rate limits is read that far back and no further (lib/client-ip.ts).
    TRUST_PROXY_HOPS: z.coerce
      .number({ message: 'must be a whole number of proxies, e.g. 0 or 1' })
      .int('must be a whole number of proxies')
      .min(0, 'must be 0 or more')
      .max(10, 'must be at most 10')
      .default(0),
    // How long the production server's shared cache (tools/infra/shared-cache.ts) may serve a response that
    // Next marks as shareable (s-maxage), in ms; 0 turns it off.
    WEB_SHARED_CACHE_MS: z.coerce
      .number({ message: 'must be a whole number of milliseconds, e.g. 1000 (0 turns the cache off)' })
      .int('must be a whole number of milliseconds')
      .min(0, 'must be 0 or more milliseconds')
      .max(60_000, 'must be at most 60000 milliseconds')
      .default(1000),

    // Worker
    WORKER_ID: z.string().trim().min(1).optional(),
    WORKER_HEARTBEAT_MS: positiveInt('milliseconds').default(5000),
    LIVE_CHECKS_PER_MINUTE: positiveInt('global live checks and connects per minute').default(20),
    LIVE_CHECKS_PER_HOUR: positiveInt('global live checks and connects per hour').default(600),
    CHAT_RETENTION_DAYS: positiveInt('days').default(90),
    WHEEL_SPIN_RETENTION_DAYS: positiveInt('days').default(90),
    WORKER_CAPACITY: positiveInt('accounts one worker watches at most').default(500),
    WORKER_LEASE_TTL_MS: positiveInt('milliseconds').default(30_000),
    WORKER_CYCLE_MS: positiveInt('milliseconds').default(10_000),
    WORKER_METRICS_PORT: portSetting.optional(),
    // The production web server's Prometheus metrics (request durations by route), on a port of their own.
    WEB_METRICS_PORT: portSetting.optional(),
    // The address the metrics endpoints (worker and web) listen on; loopback unless a scraper on another host must reach them.
    METRICS_HOST: listenHost.default('127.0.0.1'),
    LIVE_RECHECK_MINUTES: positiveInt('minutes between live checks of an offline account').default(5),
    STREAK_TIMEOUT_MS: positiveInt('milliseconds of quiet before an unfinished gift streak is closed').default(10_000),
    // Mail: an SMTP server (SMTP_URL, or SMTP_HOST and friends). Without one, `npm start` runs the embedded
    // mail catcher (SMTP on MAIL_CATCHER_SMTP_PORT, a web inbox on MAIL_INBOX_PORT, loopback only).
    SMTP_URL: z.string().trim().refine((v) => /^smtps?:\/\/\S+$/.test(v), { message: 'must be an smtp:// or smtps:// URL, e.g. smtps://user:pass@smtp.example.com:465' }).optional(),
    SMTP_HOST: z.string().trim().min(1).optional(),
    SMTP_PORT: portSetting.optional(),
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    SMTP_SECURE: booleanSetting.optional(),
    MAIL_FROM: z.string().trim().min(3).default('LiveLens <no-reply@livelens.local>'),
    // Shown in the footer of every message (a postal address, as anti-spam laws ask of notifications).
    MAIL_POSTAL_ADDRESS: z.string().trim().max(200).optional(),
    MAIL_INBOX_PORT: portSetting.default(1080),
    MAIL_CATCHER_SMTP_PORT: portSetting.default(1025),
    // Set by the launcher when it runs the mail catcher: the dashboard links to the inbox in demo mode.
    LIVELENS_MAIL_INBOX_URL: httpUrl.optional(),

    // Notifications: webhook addresses may not point at loopback or private networks unless this is on
    // (self-hosters notifying a service on their own network, and the tests' stand-ins).
    NOTIFY_ALLOW_PRIVATE_URLS: booleanSetting.optional(),
    // Tests only: a local stand-in for Telegram's Bot API.
    TELEGRAM_API_BASE: httpUrl.default('https://api.telegram.org'),

    // Media library (overlay sounds, images, videos): files go to LIVELENS_DATA_DIR/media unless S3_BUCKET
    // names an S3-compatible bucket (AWS, MinIO, R2, Ceph …); S3_ENDPOINT for anything but AWS itself.
    S3_BUCKET: z.string().trim().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name (3–63 lower-case letters, digits, dots, hyphens)').optional(),
    S3_ENDPOINT: httpUrl.optional(),
    S3_REGION: z.string().trim().regex(/^[a-z0-9-]{2,40}$/, 'must be a region name, e.g. us-east-1 (any value your S3-compatible server accepts)').default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().trim().min(1).optional(),

    // Load the demo user and demo data into an empty database (on by default only for the embedded
    // Postgres: a production database set through DATABASE_URL never gets a known demo password).
    DEMO_MODE: booleanSetting.optional(),
    // Replay recorded demo sessions for the seeded demo accounts (on by default without a TikTok key).
    DEMO_REPLAY: booleanSetting.optional(),
    // Between two demo lives of one account (±20 %): every few hours, as streamers go live, so the demo's
    // 7-day totals stay those of a believable account instead of growing with every few minutes running.
    DEMO_REPLAY_PAUSE_SECONDS: positiveInt('seconds between two demo lives').default(4 * 3600),
    // How fast demo lives play: 1 is real time. Tests that wait for whole demo lives play them faster.
    DEMO_REPLAY_SPEED: z.coerce
      .number({ message: 'must be a number from 0.1 to 100 (× real time)' })
      .min(0.1, 'must be a number from 0.1 to 100 (× real time)')
      .max(100, 'must be a number from 0.1 to 100 (× real time)')
      .default(1),
});

/** Every setting's name (the .env.example test checks each one is documented). */
export const ENV_KEYS = Object.keys(envShape.shape);

export const envSchema = envShape.superRefine((env, ctx) => {
    const pusher = ['PUSHER_APP_ID', 'PUSHER_KEY', 'PUSHER_SECRET'] as const;
    const set = pusher.filter((k) => env[k] !== undefined);
    if (set.length > 0 && set.length < pusher.length) {
      for (const k of pusher.filter((k) => env[k] === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [k],
          message: `is required when ${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set (set all three, or none to use the embedded soketi)`,
        });
      }
    }
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['STRIPE_WEBHOOK_SECRET'], message: 'is required when STRIPE_SECRET_KEY is set (from `stripe listen` or the Stripe dashboard)' });
    }
    if (env.SMTP_URL && env.SMTP_HOST) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_HOST'], message: 'set either SMTP_URL or SMTP_HOST (with SMTP_PORT, SMTP_USER, SMTP_PASSWORD), not both' });
    }
    if (env.EXCHANGE_RATES && !env.EXCHANGE_RATES_DATE) {
      ctx.addIssue({ code: 'custom', path: ['EXCHANGE_RATES_DATE'], message: 'is required when EXCHANGE_RATES is set: the day the rates are from, as YYYY-MM-DD (pages show it)' });
    }
    if (env.S3_BUCKET) {
      for (const k of ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
        if (!env[k]) ctx.addIssue({ code: 'custom', path: [k], message: 'is required when S3_BUCKET is set (the key of a user that may read, write and delete in the bucket)' });
      }
    } else {
      for (const k of ['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
        if (env[k]) ctx.addIssue({ code: 'custom', path: [k], message: 'is set but S3_BUCKET is not: set the bucket too, or remove the S3 settings to keep media on local disk' });
      }
    }
    if (env.WEB_METRICS_PORT !== undefined && env.WEB_METRICS_PORT === env.PORT) {
      ctx.addIssue({ code: 'custom', path: ['WEB_METRICS_PORT'], message: 'must differ from PORT: metrics are served on a port of their own, never on the public app port' });
    }
    if (env.STRIPE_WEBHOOK_SECRET && !env.STRIPE_SECRET_KEY) {
      ctx.addIssue({ code: 'custom', path: ['STRIPE_SECRET_KEY'], message: 'is required when STRIPE_WEBHOOK_SECRET is set' });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid LiveLens settings:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every setting and its format.`);
    this.name = 'EnvError';
  }
}

/** Parses settings from `source` (process.env by default). Empty strings count as unset. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(envShape.shape)) {
    const value = source[key];
    if (value !== undefined && value.trim() !== '') cleaned[key] = value;
  }
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(settings)';
    const raw = typeof issue.path[0] === 'string' ? cleaned[issue.path[0]] : undefined;
    const shown = raw === undefined || /SECRET|PASSWORD|KEY/.test(name) ? '' : ` (got "${raw.slice(0, 80)}")`;
    return `${name} ${issue.message}${shown}`;
  });
  throw new EnvError(problems);
}

let cached: { source: NodeJS.ProcessEnv; env: Env } | undefined;

/** The validated settings of this process, parsed on first use. */
export function getEnv(): Env {
  if (!cached || cached.source !== process.env) cached = { source: process.env, env: parseEnv(process.env) };
  return cached.env;
}

/** Forget the parsed settings (tests and the launcher change process.env). */
export function resetEnvCache(): void {
  cached = undefined;
}

export function requireDatabaseUrl(env: Env = getEnv()): string {
  if (!env.DATABASE_URL) {
    throw new EnvError([
      'DATABASE_URL is not set. `npm start` / `npm run dev` start an embedded Postgres and set it; ' +
        'when running a part on its own, set DATABASE_URL=postgresql://user:pass@host:5432/db.',
    ]);
  }
  return env.DATABASE_URL;
}

export type PusherServerConfig = {
  appId: string;
  key: string;
  secret: string;
  cluster: string;
  host?: string;
  port?: number;
  useTLS: boolean;
};

export function requirePusherConfig(env: Env = getEnv()): PusherServerConfig {
  if (!env.PUSHER_APP_ID || !env.PUSHER_KEY || !env.PUSHER_SECRET) {
    throw new EnvError([
      'PUSHER_APP_ID, PUSHER_KEY and PUSHER_SECRET are not set. `npm start` starts a local soketi and sets ' +
        'them; otherwise use the credentials of your Pusher app.',
    ]);
  }
  return {
    appId: env.PUSHER_APP_ID,
    key: env.PUSHER_KEY,
    secret: env.PUSHER_SECRET,
    cluster: env.PUSHER_CLUSTER,
    host: env.PUSHER_HOST,
    port: env.PUSHER_PORT,
    // Hosted Pusher (no host) is always TLS; a self-hosted server defaults to plain ws on loopback.
    useTLS: env.PUSHER_USE_TLS ?? env.PUSHER_HOST === undefined,
  };
}

export function appUrl(env: Env = getEnv()): string {
  return env.APP_URL ?? `http://localhost:${env.PORT}`;
}

/** Whether an SMTP server is configured (otherwise the embedded mail catcher takes the mail). */
export function smtpConfigured(env: Env = getEnv()): boolean {
  return env.SMTP_URL !== undefined || env.SMTP_HOST !== undefined;
}

/** Demo data and the demo user on an empty database: DEMO_MODE, or by default only with the embedded Postgres. */
export function demoModeEnabled(env: Env = getEnv(), usingEmbeddedDatabase = env.DATABASE_URL === undefined): boolean {
  return env.DEMO_MODE ?? usingEmbeddedDatabase;
}

export function stripeEnabled(env: Env = getEnv()): boolean {
  return env.STRIPE_SECRET_KEY !== undefined;
}

export type S3Config = { bucket: string; endpoint?: string; region: string; accessKeyId: string; secretAccessKey: string };

/** The S3-compatible bucket media is stored in, or null for local disk under LIVELENS_DATA_DIR. */
export function s3Config(env: Env = getEnv()): S3Config | null {
  if (!env.S3_BUCKET || !env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY) return null;
  return { bucket: env.S3_BUCKET, endpoint: env.S3_ENDPOINT, region: env.S3_REGION, accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY };
}

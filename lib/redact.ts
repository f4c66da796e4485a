// Takes secrets out of what is about to be logged. pino's own `redact` option censors values by their key
// path only, and the secrets that leak in practice sit inside strings: a connection string in a driver's
// error message, a Telegram bot token in a request URL, a Stripe key echoed by an SDK error. So every log
// call goes through `redactValue` (lib/logger.ts), which censors
//   - values under keys that name a secret (password, secret, token, cookie, authorization, api key …),
//   - the current values of the secret settings (AUTH_SECRET, PUSHER_SECRET, STRIPE_*, SMTP_PASSWORD, …)
//     wherever they appear,
//   - and shapes that are secrets whatever their source: a URL's password, Bearer/Basic credentials,
//     Stripe keys, Telegram bot tokens, Discord/Slack webhook paths.
export const REDACTED = '[redacted]';

const SECRET_KEY = /(^|[-_])pass(wd)?$|password|secret|token|api[-_]?key|^authorization$|^proxy-authorization$|^cookie$|^set-cookie$|session[-_]?id|private[-_]?key|^webhook[-_]?url$|^credentials?$/i;

// Settings whose values are secrets (lib/env.ts); URL settings contribute only their password.
const SECRET_SETTINGS = ['AUTH_SECRET', 'NEXTAUTH_SECRET', 'PUSHER_SECRET', 'STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'SMTP_PASSWORD', 'S3_SECRET_ACCESS_KEY', 'TIKTOK_SIGN_API_KEY', 'TIKTOK_SESSION_ID', 'BILIBILI_SESSDATA', 'POSTGRES_PASSWORD'];
const URL_SETTINGS = ['DATABASE_URL', 'SMTP_URL', 'TIKTOK_PROXY', 'PGBOUNCER_URL'];

const PATTERNS: [RegExp, string][] = [
  // scheme://user:password@host → scheme://user:[redacted]@host
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s@/]+@/gi, `$1:${REDACTED}@`],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REDACTED}`],
  [/\b(sk|rk|pk)_(test|live)_[A-Za-z0-9]{8,}/g, REDACTED],
  [/\bwhsec_[A-Za-z0-9+/=]{8,}/g, REDACTED],
  // Telegram bot tokens: bot<digits>:<35 characters>, in API URLs or alone.
  [/\b(bot)?\d{6,12}:[A-Za-z0-9_-]{30,}/g, `$1${REDACTED}`],
  [/(\/api\/webhooks\/\d+\/)[A-Za-z0-9._-]+/g, `$1${REDACTED}`],
  [/(hooks\.slack\.com\/(services|workflows|triggers)\/)[A-Za-z0-9/_-]+/g, `$1${REDACTED}`],
  [/\b(next-auth\.session-token|__Secure-next-auth\.session-token|next-auth\.csrf-token)=[^;\s]+/g, `$1=${REDACTED}`],
];

let known: { source: NodeJS.ProcessEnv; fingerprint: string; values: string[] } | undefined;

/** The secret settings' current values, longest first (re-read when the environment changes). */
function secretValues(source: NodeJS.ProcessEnv = process.env): string[] {
  const fingerprint = [...SECRET_SETTINGS, ...URL_SETTINGS].map((k) => source[k] ?? '').join('\u0000');
  if (known?.source === source && known.fingerprint === fingerprint) return known.values;
  const values = new Set<string>();
  for (const key of SECRET_SETTINGS) {
    const value = source[key]?.trim();
    if (value && value.length >= 6) values.add(value);
  }
  for (const key of URL_SETTINGS) {
    try {
      const password = decodeURIComponent(new URL(source[key] ?? '').password);
      if (password.length >= 4) values.add(password);
    } catch {
      // Unset or not a URL.
    }
  }
  known = { source, fingerprint, values: [...values].sort((a, b) => b.length - a.length) };
  return known.values;
}

/** `text` with every secret it contains replaced by [redacted]. */
export function redactText(text: string, env: NodeJS.ProcessEnv = process.env): string {
  let out = text;
  for (const value of secretValues(env)) if (out.includes(value)) out = out.split(value).join(REDACTED);
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** A copy of `value` fit to log: secrets censored by key and by content, errors as plain objects. */
export function redactValue(value: unknown, env: NodeJS.ProcessEnv = process.env, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value, env);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '[nested too deep]';
  if (value instanceof Error) {
    const cause = (value as { cause?: unknown }).cause;
    return redactValue(
      {
        type: value.name,
        message: value.message,
        stack: value.stack?.split('\n').slice(0, 6).join('\n'),
        ...('code' in value ? { code: value.code } : {}),
        ...(cause !== undefined ? { cause } : {}),
      },
      env,
      depth + 1,
    );
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.slice(0, 100).map((item) => redactValue(item, env, depth + 1));
  if (value instanceof Map) return redactValue(Object.fromEntries(value), env, depth + 1);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) && item !== undefined && item !== null && item !== '' ? REDACTED : redactValue(item, env, depth + 1);
  }
  return out;
}

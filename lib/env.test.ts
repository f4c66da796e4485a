import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_KEYS, EnvError, parseEnv, requireDatabaseUrl, requirePusherConfig } from '@/lib/env';

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  throw new Error('expected the settings to be rejected');
}

describe('parseEnv', () => {
  it('applies documented defaults to an empty environment', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.EMBEDDED_PG_PORT).toBe(54329);
    expect(env.SOKETI_PORT).toBe(6001);
    expect(env.LIVELENS_DATA_DIR).toBe('.data');
    expect(env.PUSHER_CLUSTER).toBe('mt1');
    expect(env.REPORT_PRICE_CENTS).toBe(1900);
    expect(env.TIKTOK_PROFILE_BASE_URL).toBe('https://www.tiktok.com');
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('validates listen addresses (WEB_HOST, METRICS_HOST) and keeps metrics on loopback by default', () => {
    expect(parseEnv({}).METRICS_HOST).toBe('127.0.0.1');
    expect(parseEnv({}).WEB_HOST).toBeUndefined();
    const env = parseEnv({ METRICS_HOST: '::', WEB_HOST: 'web-1.internal' });
    expect(env.METRICS_HOST).toBe('::');
    expect(env.WEB_HOST).toBe('web-1.internal');
    expect(parseEnv({ METRICS_HOST: ' 0.0.0.0 ' }).METRICS_HOST).toBe('0.0.0.0');
    expect(problemsOf({ METRICS_HOST: 'http://0.0.0.0' })[0]).toMatch(/^METRICS_HOST must be an IP address .* \(got "http:\/\/0\.0\.0\.0"\)$/);
    expect(problemsOf({ WEB_HOST: 'a b' })[0]).toMatch(/^WEB_HOST must be an IP address/);
  });

  it('takes WEB_METRICS_PORT only apart from the app port', () => {
    expect(parseEnv({ WEB_METRICS_PORT: '9470' }).WEB_METRICS_PORT).toBe(9470);
    expect(problemsOf({ PORT: '3000', WEB_METRICS_PORT: '3000' })[0]).toMatch(/^WEB_METRICS_PORT must differ from PORT/);
    expect(problemsOf({ WEB_METRICS_PORT: '70000' })[0]).toMatch(/^WEB_METRICS_PORT must be a whole number/);
  });

  it('treats empty strings as unset, as .env files often contain them', () => {
    const env = parseEnv({ PORT: '', DATABASE_URL: '  ', PUSHER_KEY: '' });
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PUSHER_KEY).toBeUndefined();
  });

  it('coerces numbers and booleans', () => {
    const env = parseEnv({ PORT: '8080', PUSHER_USE_TLS: 'no', DEMO_REPLAY: 'On', LIVE_CHECKS_PER_MINUTE: '5' });
    expect(env.PORT).toBe(8080);
    expect(env.PUSHER_USE_TLS).toBe(false);
    expect(env.DEMO_REPLAY).toBe(true);
    expect(env.LIVE_CHECKS_PER_MINUTE).toBe(5);
  });

  it('names the bad variable and shows the bad value', () => {
    const problems = problemsOf({ PORT: 'abc' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^PORT must be a whole number from 1 to 65535 \(got "abc"\)$/);
    expect(problemsOf({ PORT: '70000' })[0]).toContain('PORT');
    expect(problemsOf({ DATABASE_URL: 'mysql://x' })[0]).toMatch(/^DATABASE_URL must be a postgres:\/\//);
    expect(problemsOf({ DEMO_REPLAY: 'maybe' })[0]).toMatch(/^DEMO_REPLAY must be one of/);
  });

  it('reports every bad variable at once, in a message that points to .env.example', () => {
    try {
      parseEnv({ PORT: 'x', LOG_LEVEL: 'loud', REPORT_CURRENCY: 'dollars' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const message = (error as EnvError).message;
      for (const name of ['PORT', 'LOG_LEVEL', 'REPORT_CURRENCY']) expect(message).toContain(name);
      expect(message).toContain('.env.example');
    }
  });

  it('never echoes secret values in errors', () => {
    const problems = problemsOf({ STRIPE_SECRET_KEY: 'pk_live_not-a-secret-key', AUTH_SECRET: 'short' });
    expect(problems.join('\n')).not.toContain('pk_live_not-a-secret-key');
    expect(problems.join('\n')).not.toContain('"short"');
    expect(problems.some((p) => p.startsWith('AUTH_SECRET'))).toBe(true);
  });

  it('requires the three Pusher credentials together', () => {
    const problems = problemsOf({ PUSHER_KEY: 'k' });
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^PUSHER_APP_ID is required when PUSHER_KEY is set/), expect.stringMatching(/^PUSHER_SECRET is required/)]),
    );
    expect(() => parseEnv({ PUSHER_APP_ID: '1', PUSHER_KEY: 'k', PUSHER_SECRET: 's' })).not.toThrow();
  });

  it('requires the Stripe secret key and webhook secret together', () => {
    expect(problemsOf({ STRIPE_SECRET_KEY: 'sk_test_abc' })[0]).toMatch(/^STRIPE_WEBHOOK_SECRET is required/);
    expect(problemsOf({ STRIPE_WEBHOOK_SECRET: 'whsec_abc' })[0]).toMatch(/^STRIPE_SECRET_KEY is required/);
  });
});

describe('required settings', () => {
  it('explains how to get a database when DATABASE_URL is missing', () => {
    expect(() => requireDatabaseUrl(parseEnv({}))).toThrow(/DATABASE_URL is not set.*npm start/s);
    expect(requireDatabaseUrl(parseEnv({ DATABASE_URL: 'postgresql://u:p@h:5432/d' }))).toBe('postgresql://u:p@h:5432/d');
  });

  it('uses TLS for hosted Pusher and plain websockets for a self-hosted host by default', () => {
    const hosted = requirePusherConfig(parseEnv({ PUSHER_APP_ID: '1', PUSHER_KEY: 'k', PUSHER_SECRET: 's', PUSHER_CLUSTER: 'eu' }));
    expect(hosted).toMatchObject({ cluster: 'eu', useTLS: true, host: undefined });
    const local = requirePusherConfig(parseEnv({ PUSHER_APP_ID: '1', PUSHER_KEY: 'k', PUSHER_SECRET: 's', PUSHER_HOST: '127.0.0.1', PUSHER_PORT: '6001' }));
    expect(local).toMatchObject({ host: '127.0.0.1', port: 6001, useTLS: false });
    expect(() => requirePusherConfig(parseEnv({}))).toThrow(/PUSHER_APP_ID, PUSHER_KEY and PUSHER_SECRET are not set/);
  });

  it('documents every setting in .env.example', () => {
    const example = fs.readFileSync(path.join(import.meta.dirname, '..', '.env.example'), 'utf8');
    const undocumented = ENV_KEYS.filter((key) => !new RegExp(`^#?\\s*${key}=`, 'm').test(example));
    expect(undocumented).toEqual([]);
  });
});

describe('demo mode', () => {
  it('is on for the embedded database only, unless DEMO_MODE says otherwise', async () => {
    const { demoModeEnabled, parseEnv } = await import('@/lib/env');
    expect(demoModeEnabled(parseEnv({}))).toBe(true);
    // An empty production database never gets the demo user and its published password.
    expect(demoModeEnabled(parseEnv({ DATABASE_URL: 'postgresql://u:p@db.example:5432/livelens' }))).toBe(false);
    expect(demoModeEnabled(parseEnv({ DATABASE_URL: 'postgresql://u:p@db.example:5432/livelens', DEMO_MODE: 'true' }))).toBe(true);
    expect(demoModeEnabled(parseEnv({ DEMO_MODE: 'false' }))).toBe(false);
  });
});

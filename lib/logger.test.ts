// Log lines are pino's JSON, and secrets never reach them: by key, by the secret settings' values and by
// their shape (URL passwords, Stripe keys, bot tokens, webhook paths, cookies, Authorization headers).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '@/lib/logger';
import { REDACTED, redactText } from '@/lib/redact';

const SECRETS = {
  AUTH_SECRET: 'auth-secret-0123456789abcdefghijklmnopqrstuv',
  PUSHER_SECRET: 'pusher-secret-9f8e7d6c',
  STRIPE_SECRET_KEY: 'sk_test_51Habcdefghijklmnop',
  STRIPE_WEBHOOK_SECRET: 'whsec_abcdefghijklmnop1234',
  SMTP_PASSWORD: 'smtp-pa55word!',
  DATABASE_URL: 'postgresql://livelens:db-pa55@db.internal:5432/livelens',
};

function collect(): { lines: string[]; log: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, log: createLogger('redact-test', { destination: { write: (line) => void lines.push(line) } }) };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('structured logs', () => {
  it('writes one pino JSON line with time, level, name, message and fields', () => {
    vi.stubEnv('LOG_LEVEL', 'info');
    const { lines, log } = collect();
    log.child('sub').info('worker started', { rooms: 3, big: 12n });
    log.debug('not at info');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'info', name: 'redact-test:sub', msg: 'worker started', rooms: 3, big: '12', pid: process.pid });
    expect(new Date(String(entry.time)).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('redacts secrets in messages, fields, nested objects and errors', () => {
    for (const [key, value] of Object.entries(SECRETS)) vi.stubEnv(key, value);
    const { lines, log } = collect();
    const botToken = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1';
    log.error(`could not connect to ${SECRETS.DATABASE_URL}`, {
      error: new Error(`password authentication failed: ${SECRETS.DATABASE_URL}`),
      smtp: `smtps://mailer:${SECRETS.SMTP_PASSWORD}@smtp.example.com:465`,
      echoed: `AUTH_SECRET=${SECRETS.AUTH_SECRET} PUSHER_SECRET=${SECRETS.PUSHER_SECRET}`,
      stripe: { message: `Invalid API Key provided: ${SECRETS.STRIPE_SECRET_KEY}`, signing: SECRETS.STRIPE_WEBHOOK_SECRET },
      otherStripeKey: 'rk_live_ZZZZyyyyXXXXwwww1234',
      headers: { cookie: 'next-auth.session-token=eyJhbGciOi.abc.def', authorization: 'Bearer abc.def.ghi-jkl', 'user-agent': 'curl/8' },
      telegram: `https://api.telegram.org/bot${botToken}/sendMessage`,
      discord: 'https://discord.com/api/webhooks/1234567890/AbCdEf-GhIjKlMnOpQrStUvWxYz_0123456789',
      slack: 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXX',
      password: 'plain-field-password',
      webhookUrl: 'https://example.com/hook?key=1',
    });
    const line = lines[0] ?? '';
    const secrets = [
      ...Object.values(SECRETS).filter((v) => !v.startsWith('postgresql')),
      'db-pa55',
      botToken,
      'rk_live_ZZZZyyyyXXXXwwww1234',
      'eyJhbGciOi.abc.def',
      'abc.def.ghi-jkl',
      'AbCdEf-GhIjKlMnOpQrStUvWxYz_0123456789',
      'XXXXXXXXXXXXXXXX',
      'plain-field-password',
      'example.com/hook',
    ];
    for (const secret of secrets) expect(line, secret).not.toContain(secret);
    const entry = JSON.parse(line) as Record<string, unknown>;
    // What is not secret stays, so the line is still useful.
    expect(entry.msg).toBe(`could not connect to postgresql://livelens:${REDACTED}@db.internal:5432/livelens`);
    expect(entry.headers).toEqual({ cookie: REDACTED, authorization: REDACTED, 'user-agent': 'curl/8' });
    expect(entry.error).toMatchObject({ type: 'Error', message: `password authentication failed: postgresql://livelens:${REDACTED}@db.internal:5432/livelens` });
    expect(entry.telegram).toBe(`https://api.telegram.org/bot${REDACTED}/sendMessage`);
  });

  it('redacts a setting that changed after the first log line', () => {
    vi.stubEnv('LOG_LEVEL', 'info');
    const { lines, log } = collect();
    log.info('first');
    vi.stubEnv('PUSHER_SECRET', 'rotated-pusher-secret-42');
    log.info('the realtime server said: bad signature for rotated-pusher-secret-42');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`bad signature for ${REDACTED}`);
    expect(redactText('nothing secret here')).toBe('nothing secret here');
  });
});

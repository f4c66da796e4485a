// The SMTP transport: the configured server (SMTP_URL or SMTP_HOST…), else the embedded mail catcher that
// `npm start` runs on loopback. nodemailer 7 (next-auth 4's peer range).
import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { getEnv, smtpConfigured, type Env } from '@/lib/env';

export type MailTransport = Pick<Transporter, 'sendMail'>;

export function createMailTransport(env: Env = getEnv()): MailTransport {
  const timeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };
  if (env.SMTP_URL) return nodemailer.createTransport(env.SMTP_URL, timeouts);
  if (smtpConfigured(env)) {
    return nodemailer.createTransport({
      host: env.SMTP_HOST,
      port: env.SMTP_PORT ?? (env.SMTP_SECURE ? 465 : 587),
      secure: env.SMTP_SECURE ?? false,
      auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' } : undefined,
      ...timeouts,
    });
  }
  // The embedded catcher: plain SMTP on loopback, no authentication.
  return nodemailer.createTransport({ host: '127.0.0.1', port: env.MAIL_CATCHER_SMTP_PORT, secure: false, ignoreTLS: true, ...timeouts });
}

// The email outbox: a request queues a message (one insert, never waiting for SMTP) and the worker sends
// what is due, retrying with exponential backoff (1 min, 2, 4 … up to 6 h) for up to 8 attempts. A message
// that gives up is marked FAILED with its last error; when it was a notification, its channel shows it.
import 'server-only';
import type { Db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import type { Mail } from '@/lib/mail/layout';
import type { MailTransport } from '@/lib/mail/transport';

export const MAX_ATTEMPTS = 8;
/** Messages claimed per round (each send is bounded by the transport's timeouts, about 40 s at worst). */
const BATCH = 5;
/** How long claimed messages are left to the worker that claimed them (a dead worker's go to others then). */
export const CLAIM_MS = 4 * 60_000;

export type QueuedMail = Mail & { to: string; kind: string; userId?: string | null; channelId?: string | null };

export async function enqueueMail(db: Db, mail: QueuedMail): Promise<string> {
  const row = await db.emailMessage.create({
    data: { to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers ?? undefined, kind: mail.kind, userId: mail.userId ?? null, channelId: mail.channelId ?? null },
  });
  return row.id;
}

/** Minutes to wait after the n-th failed attempt. */
export function backoffMs(attempts: number): number {
  return Math.min(6 * 60, 2 ** Math.max(0, attempts - 1)) * 60_000;
}

/** A permanent refusal (5xx SMTP reply to the recipient or message): retrying cannot help. */
function isPermanent(error: unknown): boolean {
  const code = error && typeof error === 'object' && 'responseCode' in error ? Number(error.responseCode) : 0;
  return code >= 500 && code < 600;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

export type OutboxRun = { sent: number; retried: number; failed: number };

/** Sends the messages that are due (taken with SKIP LOCKED, so several workers share the queue). */
export async function processOutbox(db: Db, transport: MailTransport, options: { now?: Date; limit?: number; /** only these messages (tests) */ ids?: string[] } = {}): Promise<OutboxRun> {
  const now = options.now ?? new Date();
  const run: OutboxRun = { sent: 0, retried: 0, failed: 0 };
  const due = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM email_outbox WHERE status = 'PENDING' AND next_attempt_at <= ${now}
        AND (${options.ids ?? null}::text[] IS NULL OR id = ANY(${options.ids ?? null}::text[]))
      ORDER BY next_attempt_at LIMIT ${options.limit ?? BATCH} FOR UPDATE SKIP LOCKED`;
    // Claimed: pushed ahead, so another worker does not send it while this one does.
    if (rows.length > 0) await tx.emailMessage.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { nextAttemptAt: new Date(now.getTime() + CLAIM_MS) } });
    return rows.length > 0 ? tx.emailMessage.findMany({ where: { id: { in: rows.map((r) => r.id) } } }) : [];
  });
  const from = getEnv().MAIL_FROM;
  for (const message of due) {
    const attempts = message.attempts + 1;
    try {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: (message.headers as Record<string, string> | null) ?? undefined,
      });
      await db.emailMessage.update({ where: { id: message.id }, data: { status: 'SENT', attempts, sentAt: new Date(), lastError: null } });
      if (message.channelId) await db.notificationChannel.updateMany({ where: { id: message.channelId }, data: { lastSentAt: new Date() } });
      run.sent++;
    } catch (error) {
      const giveUp = attempts >= MAX_ATTEMPTS || isPermanent(error);
      const lastError = describe(error);
      await db.emailMessage.update({
        where: { id: message.id },
        data: giveUp ? { status: 'FAILED', attempts, lastError } : { attempts, lastError, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)) },
      });
      if (message.channelId) await db.notificationChannel.updateMany({ where: { id: message.channelId }, data: { lastError: `Email to ${message.to}: ${lastError}`, lastErrorAt: new Date() } });
      if (giveUp) run.failed++;
      else run.retried++;
    }
  }
  return run;
}

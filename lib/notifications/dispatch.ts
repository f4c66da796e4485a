// Sends the notification deliveries that are due, several workers sharing the queue (SKIP LOCKED), and
// records each channel's last success or error for its settings page. A delivery is tried at most
// MAX_ATTEMPTS times (backoff 30 s, 1 min, 2 min, 4 min), a 429 waits as long as asked (at most an hour),
// and a refusal that retrying cannot fix (4xx) gives up at once.
import 'server-only';
import type { Db } from '@/lib/db';
import { DELIVERY_ERRORS } from '@/lib/notifications/delivery-errors';
import { sendToChannel, type SendOutcome } from '@/lib/notifications/send';
import type { NotificationPayload } from '@/lib/notifications/types';

export const MAX_ATTEMPTS = 5;
/** Deliveries claimed per round: each takes at most one request timeout (10 s), so a round ends well inside the claim. */
const BATCH = 5;
/**
 * How long a claimed delivery is left to the worker that claimed it. A worker that dies mid-round leaves
 * its claimed deliveries to the others after this long, so it bounds how late a notification can be.
 */
export const CLAIM_MS = 60_000;

export function retryDelayMs(attempts: number, outcome: Extract<SendOutcome, { kind: 'retry' }>): number {
  if (outcome.retryAfterMs !== undefined) return Math.min(3600_000, Math.max(1000, outcome.retryAfterMs));
  return 30_000 * 2 ** Math.max(0, attempts - 1);
}

export type DispatchRun = { sent: number; retried: number; failed: number };

export async function processDeliveries(db: Db, options: { now?: Date; limit?: number; timeoutMs?: number; /** only these channels (tests) */ channelIds?: string[] } = {}): Promise<DispatchRun> {
  const now = options.now ?? new Date();
  const run: DispatchRun = { sent: 0, retried: 0, failed: 0 };
  const due = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT d.id FROM notification_deliveries d JOIN notification_channels c ON c.id = d.channel_id
      WHERE d.status = 'PENDING' AND d.next_attempt_at <= ${now} AND c.enabled
        AND (${options.channelIds ?? null}::text[] IS NULL OR d.channel_id = ANY(${options.channelIds ?? null}::text[]))
      ORDER BY d.next_attempt_at LIMIT ${options.limit ?? BATCH} FOR UPDATE OF d SKIP LOCKED`;
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    await tx.notificationDelivery.updateMany({ where: { id: { in: ids } }, data: { nextAttemptAt: new Date(now.getTime() + CLAIM_MS) } });
    return tx.notificationDelivery.findMany({ where: { id: { in: ids } }, include: { channel: true } });
  });
  for (const delivery of due) {
    const attempts = delivery.attempts + 1;
    const outcome = await sendToChannel(db, delivery.channel, delivery.payload as NotificationPayload, delivery, { timeoutMs: options.timeoutMs });
    if (outcome.kind === 'sent') {
      await db.notificationDelivery.update({ where: { id: delivery.id }, data: { status: 'SENT', attempts, sentAt: new Date(), lastError: null } });
      // An email is sent by the outbox, which records its own success.
      if (delivery.channel.kind !== 'EMAIL') await db.notificationChannel.update({ where: { id: delivery.channelId }, data: { lastSentAt: new Date() } });
      run.sent++;
      continue;
    }
    const giveUp = outcome.kind === 'give-up' || attempts >= MAX_ATTEMPTS;
    const error = giveUp && outcome.kind === 'retry' ? DELIVERY_ERRORS.gaveUp(outcome.error, attempts) : outcome.error;
    await db.notificationDelivery.update({
      where: { id: delivery.id },
      data: giveUp ? { status: 'FAILED', attempts, lastError: error } : { attempts, lastError: error, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts, outcome)) },
    });
    await db.notificationChannel.update({ where: { id: delivery.channelId }, data: { lastError: error, lastErrorAt: new Date() } });
    if (giveUp) run.failed++;
    else run.retried++;
  }
  return run;
}

/** "Send a test message": queued like any other and sent at once, so the button shows what happened. */
export async function sendTestMessage(db: Db, channelId: string, workspaceName: string): Promise<{ ok: boolean; error: string | null }> {
  const delivery = await db.notificationDelivery.create({
    data: { channelId, eventKey: `test:${Date.now()}:${Math.random().toString(36).slice(2, 8)}`, event: 'test', payload: { event: 'test', workspace: workspaceName } satisfies NotificationPayload },
    include: { channel: true },
  });
  const outcome = await sendToChannel(db, delivery.channel, delivery.payload as NotificationPayload, delivery);
  if (outcome.kind === 'sent') {
    await db.notificationDelivery.update({ where: { id: delivery.id }, data: { status: 'SENT', attempts: 1, sentAt: new Date() } });
    if (delivery.channel.kind !== 'EMAIL') await db.notificationChannel.update({ where: { id: channelId }, data: { lastSentAt: new Date(), lastError: null, lastErrorAt: null } });
    return { ok: true, error: null };
  }
  // A test is not retried: the person is looking at the answer.
  await db.notificationDelivery.update({ where: { id: delivery.id }, data: { status: 'FAILED', attempts: 1, lastError: outcome.error } });
  await db.notificationChannel.update({ where: { id: channelId }, data: { lastError: outcome.error, lastErrorAt: new Date() } });
  return { ok: false, error: outcome.error };
}

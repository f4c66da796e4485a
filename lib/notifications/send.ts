// Delivering one notification to one channel, and what the answer means: sent; try again later (a
// timeout, a 5xx, a 429 with its retry_after honoured); or give up (a 4xx: the settings are wrong, and
// retrying would only repeat the refusal). Generic webhooks are signed:
//
//   X-LiveLens-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
//
// A receiver recomputes v1 over the raw body with the channel's signing secret (shown in the settings),
// compares in constant time, and refuses a t more than 5 minutes old (replays).
import 'server-only';
import { createHmac } from 'node:crypto';
import type { Db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import type { NotificationChannel } from '@/lib/generated/prisma/client';
import { renderMail } from '@/lib/mail/layout';
import { enqueueMail } from '@/lib/mail/outbox';
import { mailReader, READER_FIELDS, type MailReader } from '@/lib/mail/translate';
import { openConfig } from '@/lib/notifications/channels';
import { DELIVERY_ERRORS, type DeliveryService } from '@/lib/notifications/delivery-errors';
import { formatNotification } from '@/lib/notifications/format';
import type { NotificationPayload } from '@/lib/notifications/types';
import { unsubscribeOneClickUrl, unsubscribePageUrl } from '@/lib/notifications/unsubscribe';
import { checkUrlTarget, UnsafeUrlError } from '@/lib/notifications/url-guard';

export type SendOutcome = { kind: 'sent' } | { kind: 'retry'; error: string; retryAfterMs?: number } | { kind: 'give-up'; error: string };

const TIMEOUT_MS = 10_000;

export function signWebhook(secret: string, body: string, at = Math.floor(Date.now() / 1000)): string {
  return `t=${at},v1=${createHmac('sha256', secret).update(`${at}.${body}`).digest('hex')}`;
}

/** Seconds to wait from a 429: Discord's JSON retry_after, Telegram's parameters.retry_after, or Retry-After. */
function retryAfterMs(response: Response, body: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object') {
      const direct = 'retry_after' in parsed ? Number(parsed.retry_after) : NaN;
      const nested = 'parameters' in parsed && parsed.parameters && typeof parsed.parameters === 'object' && 'retry_after' in parsed.parameters ? Number(parsed.parameters.retry_after) : NaN;
      const seconds = Number.isFinite(direct) ? direct : nested;
      if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
    }
  } catch {
    // Not JSON: the header, if any.
  }
  const header = Number(response.headers.get('retry-after'));
  return Number.isFinite(header) && header >= 0 ? header * 1000 : undefined;
}

/** What Telegram or Discord said went wrong, for the settings page. */
function describeRefusal(service: DeliveryService, response: Response, body: string): string {
  let detail = body.slice(0, 200);
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object') {
      if ('description' in parsed) detail = String(parsed.description);
      else if ('message' in parsed) detail = String(parsed.message);
    }
  } catch {
    // Plain text is kept as it is.
  }
  return DELIVERY_ERRORS.refused(service, response.status, detail);
}

export type SendOptions = { timeoutMs?: number };

async function post(service: DeliveryService, url: string, body: string, headers: Record<string, string>, options: SendOptions): Promise<SendOutcome> {
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  let response: Response;
  try {
    await checkUrlTarget(new URL(url));
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': 'LiveLens-Notifications/1', ...headers }, body, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
  } catch (error) {
    if (error instanceof UnsafeUrlError) return { kind: 'give-up', error: error.message };
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return { kind: 'retry', error: timedOut ? DELIVERY_ERRORS.timedOut(service, timeoutMs / 1000) : DELIVERY_ERRORS.unreachable(service, error instanceof Error ? error.message : String(error)) };
  }
  const text = await response.text().catch(() => '');
  if (response.ok) return { kind: 'sent' };
  if (response.status === 429) return { kind: 'retry', error: DELIVERY_ERRORS.slowDown(service), retryAfterMs: retryAfterMs(response, text) };
  if (response.status >= 500) return { kind: 'retry', error: describeRefusal(service, response, text) };
  if (response.status >= 300 && response.status < 400) return { kind: 'give-up', error: DELIVERY_ERRORS.redirect(service, response.status) };
  return { kind: 'give-up', error: describeRefusal(service, response, text) };
}

/** Whose language, zone and currency a channel's messages use: the member it emails, else who set it up. */
async function readerOf(db: Db, channel: NotificationChannel, config: ReturnType<typeof openConfig>): Promise<MailReader> {
  const userId = channel.kind === 'EMAIL' && 'userId' in config ? config.userId : channel.createdById;
  const user = userId ? await db.user.findUnique({ where: { id: userId }, select: READER_FIELDS }) : null;
  return mailReader(user);
}

export async function sendToChannel(db: Db, channel: NotificationChannel, payload: NotificationPayload, delivery: { id: string }, options: SendOptions = {}): Promise<SendOutcome> {
  const config = openConfig(channel);
  const reader = await readerOf(db, channel, config);
  const message = formatNotification(payload, reader);
  switch (channel.kind) {
    case 'DISCORD': {
      if (!('url' in config) || !config.url) return { kind: 'give-up', error: DELIVERY_ERRORS.unreadableUrl };
      const body = JSON.stringify({
        username: 'LiveLens',
        allowed_mentions: { parse: [] },
        embeds: [{ title: message.title.slice(0, 256), description: message.lines.join('\n').slice(0, 4000), url: message.url, color: 0xff2d55 }],
      });
      return post('Discord', config.url, body, {}, options);
    }
    case 'TELEGRAM': {
      if (!('botToken' in config) || !config.botToken) return { kind: 'give-up', error: DELIVERY_ERRORS.unreadableToken };
      const body = JSON.stringify({ chat_id: config.chatId, text: [message.title, '', ...message.lines, '', message.url].join('\n').slice(0, 4000), disable_web_page_preview: true });
      return post('Telegram', `${getEnv().TELEGRAM_API_BASE}/bot${config.botToken}/sendMessage`, body, {}, options);
    }
    case 'WEBHOOK': {
      if (!('secret' in config) || !config.url) return { kind: 'give-up', error: DELIVERY_ERRORS.unreadableUrl };
      const body = JSON.stringify({ id: delivery.id, event: payload.event, title: message.title, text: message.lines.join('\n'), url: message.url, data: payload, sentAt: new Date().toISOString() });
      return post('The webhook', config.url, body, { 'x-livelens-event': payload.event, 'x-livelens-delivery': delivery.id, 'x-livelens-signature': signWebhook(config.secret, body) }, options);
    }
    case 'EMAIL': {
      const userId = 'userId' in config ? config.userId : '';
      const member = await db.workspaceMember.findUnique({ where: { workspaceId_userId: { workspaceId: channel.workspaceId, userId } }, include: { user: { select: { email: true } } } });
      if (!member) return { kind: 'give-up', error: DELIVERY_ERRORS.memberLeft };
      await enqueueMail(db, {
        to: member.user.email,
        kind: 'notification',
        userId,
        channelId: channel.id,
        ...renderMail({
          subject: message.title,
          heading: message.title,
          paragraphs: message.lines,
          action: { label: reader.t('notify.open'), url: message.url },
          unsubscribeUrl: unsubscribePageUrl(channel.id),
          labels: { orOpen: reader.t('chrome.orOpen'), turnOff: reader.t('chrome.turnOff') },
          lang: reader.display.locale,
        }),
        headers: { 'List-Unsubscribe': `<${unsubscribeOneClickUrl(channel.id)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      });
      return { kind: 'sent' };
    }
  }
}

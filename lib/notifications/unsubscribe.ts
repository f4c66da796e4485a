// The unsubscribe link of notification emails: `{channelId}.{HMAC}` (keyed by AUTH_SECRET), so it needs no
// table and cannot be made for another channel. Using it turns that email channel off.
import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '@/lib/db';
import { appUrl, getEnv } from '@/lib/env';

function mac(channelId: string): string {
  return createHmac('sha256', `${getEnv().AUTH_SECRET ?? ''}:unsubscribe`).update(channelId).digest('base64url').slice(0, 32);
}

export function unsubscribeToken(channelId: string): string {
  return `${channelId}.${mac(channelId)}`;
}

/** The page a person opens from the message's footer. */
export function unsubscribePageUrl(channelId: string): string {
  return `${appUrl()}/unsubscribe/${unsubscribeToken(channelId)}`;
}

/** The one-click address mail programs POST to (List-Unsubscribe-Post, RFC 8058). */
export function unsubscribeOneClickUrl(channelId: string): string {
  return `${appUrl()}/api/notifications/unsubscribe/${unsubscribeToken(channelId)}`;
}

export function channelOfToken(token: string): string | null {
  const [channelId, given] = token.split('.');
  if (!channelId || !given || !/^[A-Za-z0-9_-]{1,64}$/.test(channelId)) return null;
  const expected = Buffer.from(mac(channelId));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? channelId : null;
}

/** Turns the email channel off; true when the token was good (also when it was off already). */
export async function unsubscribe(db: Db, token: string): Promise<{ ok: boolean; name?: string }> {
  const channelId = channelOfToken(token);
  if (!channelId) return { ok: false };
  const channel = await db.notificationChannel.findFirst({ where: { id: channelId, kind: 'EMAIL' } });
  if (!channel) return { ok: false };
  await db.notificationChannel.update({ where: { id: channel.id }, data: { enabled: false } });
  return { ok: true, name: channel.name };
}

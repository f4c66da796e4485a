// A workspace's notification channels: email (to one of its members), Discord (a webhook URL), Telegram
// (a bot token and a chat id) and a signed generic webhook. Secrets are sealed at rest and never shown
// back, except a webhook's signing secret, which the receiver needs. Another workspace's channel is "not
// found", like every other dashboard id.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '@/lib/api/errors';
import { seal, unseal } from '@/lib/crypto/secret-box';
import type { Db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import type { NotificationChannel } from '@/lib/generated/prisma/client';
import type { Locale } from '@/lib/i18n/locales';
import { translateDeliveryError } from '@/lib/notifications/delivery-errors';
import type { ChannelView } from '@/lib/notifications/types';
import { checkUrlShape, UnsafeUrlError } from '@/lib/notifications/url-guard';
import type { Actor, WorkspaceContext } from '@/lib/workspaces/context';

const PURPOSE = 'notification-channel';
export const MAX_CHANNELS_PER_WORKSPACE = 20;

const DISCORD_HOSTS = new Set(['discord.com', 'discordapp.com', 'ptb.discord.com', 'canary.discord.com']);
const DISCORD_PATH = /^\/api\/webhooks\/\d{5,25}\/[A-Za-z0-9_-]{20,120}\/?$/;

const name = z.string().trim().max(60).optional();
export const channelInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('EMAIL'), name, userId: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('DISCORD'), name, url: z.string().trim().max(300) }),
  z.object({
    kind: z.literal('TELEGRAM'),
    name,
    botToken: z.string().trim().regex(/^\d{5,12}:[A-Za-z0-9_-]{30,50}$/, 'A bot token looks like 123456789:AA…, as @BotFather gives it.'),
    chatId: z.string().trim().regex(/^(-?\d{1,20}|@[A-Za-z0-9_]{5,32})$/, 'A chat id is a number (e.g. -1001234567890) or a public channel’s @name.'),
  }),
  z.object({ kind: z.literal('WEBHOOK'), name, url: z.string().trim().max(500) }),
]);
export type ChannelInput = z.infer<typeof channelInputSchema>;

/** The stored config of each kind (sealed fields hold `enc:v1:` strings). */
export type EmailConfig = { userId: string };
export type DiscordConfig = { url: string };
export type TelegramConfig = { botToken: string; chatId: string };
export type WebhookConfig = { url: string; secret: string };

function badField(field: string, message: string): AppError {
  return new AppError('BAD_REQUEST', `${field}: ${message}`);
}

function checkedUrl(field: string, raw: string): URL {
  try {
    return checkUrlShape(raw);
  } catch (error) {
    if (error instanceof UnsafeUrlError) throw badField(field, error.message);
    throw error;
  }
}

async function buildConfig(db: Db, workspaceId: string, input: ChannelInput): Promise<{ config: object; defaultName: string }> {
  switch (input.kind) {
    case 'EMAIL': {
      const member = await db.workspaceMember.findUnique({ where: { workspaceId_userId: { workspaceId, userId: input.userId } }, include: { user: { select: { email: true } } } });
      if (!member) throw badField('userId', 'Email notifications go to a member of this workspace; choose one.');
      return { config: { userId: input.userId } satisfies EmailConfig, defaultName: `Email to ${member.user.email}` };
    }
    case 'DISCORD': {
      const url = checkedUrl('url', input.url);
      if (!DISCORD_PATH.test(url.pathname) || (!DISCORD_HOSTS.has(url.hostname) && getEnv().NOTIFY_ALLOW_PRIVATE_URLS !== true)) {
        throw badField('url', 'Paste the webhook URL Discord gives (Server settings → Integrations → Webhooks → Copy Webhook URL), like https://discord.com/api/webhooks/123…/abc….');
      }
      return { config: { url: seal(url.toString(), PURPOSE) } satisfies DiscordConfig, defaultName: 'Discord' };
    }
    case 'TELEGRAM':
      return { config: { botToken: seal(input.botToken, PURPOSE), chatId: input.chatId } satisfies TelegramConfig, defaultName: `Telegram ${input.chatId}` };
    case 'WEBHOOK': {
      const url = checkedUrl('url', input.url);
      return { config: { url: seal(url.toString(), PURPOSE), secret: seal(randomBytes(32).toString('base64url'), PURPOSE) } satisfies WebhookConfig, defaultName: `Webhook to ${url.host}` };
    }
  }
}

const open = (value: unknown) => (typeof value === 'string' ? (unseal(value, PURPOSE) ?? '') : '');
const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const obj = (config: unknown): Record<string, unknown> => (config && typeof config === 'object' ? (config as Record<string, unknown>) : {});

/** The channel's secrets in clear, for sending (the worker). */
export function openConfig(channel: Pick<NotificationChannel, 'kind' | 'config'>): EmailConfig | DiscordConfig | TelegramConfig | WebhookConfig {
  const c = obj(channel.config);
  switch (channel.kind) {
    case 'EMAIL':
      return { userId: text(c.userId) };
    case 'DISCORD':
      return { url: open(c.url) };
    case 'TELEGRAM':
      return { botToken: open(c.botToken), chatId: text(c.chatId) };
    case 'WEBHOOK':
      return { url: open(c.url), secret: open(c.secret) };
  }
}

function maskUrl(raw: string): string {
  try {
    const url = new URL(raw);
    const [first] = url.pathname.split('/').filter(Boolean);
    return `${url.host}/${first ?? ''}${url.pathname.length > (first?.length ?? 0) + 1 ? '/…' : ''}`;
  } catch {
    return '(unreadable: save it again)';
  }
}

/** A channel as its settings card shows it, its last error in the reader's language. */
async function toView(db: Db, row: NotificationChannel, locale: Locale = 'en'): Promise<ChannelView> {
  const config = openConfig(row);
  let target = '';
  let signingSecret: string | undefined;
  if ('userId' in config) target = (await db.user.findUnique({ where: { id: config.userId }, select: { email: true } }))?.email ?? '(a former member)';
  else if ('botToken' in config) target = `chat ${config.chatId} · bot ${config.botToken.split(':')[0] ?? ''}`;
  else if ('secret' in config) {
    target = maskUrl(config.url);
    signingSecret = config.secret;
  } else target = maskUrl(config.url);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    enabled: row.enabled,
    target,
    lastError: row.lastError === null ? null : translateDeliveryError(row.lastError, locale),
    lastErrorAt: row.lastErrorAt?.toISOString() ?? null,
    lastSentAt: row.lastSentAt?.toISOString() ?? null,
    ...(signingSecret ? { signingSecret } : {}),
  };
}

export async function listChannels(db: Db, workspaceId: string, locale: Locale = 'en'): Promise<ChannelView[]> {
  const rows = await db.notificationChannel.findMany({ where: { workspaceId }, orderBy: { createdAt: 'asc' } });
  return Promise.all(rows.map((row) => toView(db, row, locale)));
}

export async function requireChannel(db: Db, workspaceId: string, channelId: string): Promise<NotificationChannel> {
  const row = await db.notificationChannel.findFirst({ where: { id: channelId, workspaceId } });
  if (!row) throw new AppError('NOT_FOUND', 'No such notification channel in this workspace.');
  return row;
}

export async function createChannel(db: Db, actor: Actor, input: ChannelInput): Promise<ChannelView> {
  if ((await db.notificationChannel.count({ where: { workspaceId: actor.workspaceId } })) >= MAX_CHANNELS_PER_WORKSPACE) {
    throw new AppError('CONFLICT', `This workspace has ${MAX_CHANNELS_PER_WORKSPACE} channels already; delete one you no longer use.`);
  }
  const { config, defaultName } = await buildConfig(db, actor.workspaceId, input);
  const row = await db.notificationChannel.create({ data: { workspaceId: actor.workspaceId, createdById: actor.userId, kind: input.kind, name: input.name?.trim() || defaultName, config } });
  return toView(db, row);
}

export async function updateChannel(db: Db, ws: WorkspaceContext, channelId: string, input: { name?: string; enabled?: boolean }, locale: Locale = 'en'): Promise<ChannelView> {
  const row = await requireChannel(db, ws.workspaceId, channelId);
  const updated = await db.notificationChannel.update({
    where: { id: row.id },
    // Turning a channel back on clears its last error: the user has looked at it.
    data: { ...(input.name?.trim() ? { name: input.name.trim().slice(0, 60) } : {}), ...(input.enabled !== undefined ? { enabled: input.enabled, ...(input.enabled ? { lastError: null, lastErrorAt: null } : {}) } : {}) },
  });
  return toView(db, updated, locale);
}

export async function deleteChannel(db: Db, workspaceId: string, channelId: string): Promise<void> {
  const row = await requireChannel(db, workspaceId, channelId);
  await db.notificationChannel.delete({ where: { id: row.id } });
}

// Notifications end to end against local stand-ins that speak Discord's webhook and Telegram's Bot API
// over HTTP, a generic webhook receiver that checks the signature, and the test mail catcher: went live
// exactly once per live (also when two workers run the job at the same time, and again after a restart),
// the end-of-live summary, gift-spike thresholds and cooldown, retries, 429s and giving up, the test
// button, channel validation and the address guard, and unsubscribing.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, db } from '@/lib/db';
import { appUrl, requireDatabaseUrl, resetEnvCache } from '@/lib/env';
import type { GiftEvent } from '@/lib/live/events';
import { processOutbox } from '@/lib/mail/outbox';
import { mailReader } from '@/lib/mail/translate';
import { createMailTransport } from '@/lib/mail/transport';
import { createChannel, listChannels } from '@/lib/notifications/channels';
import { processDeliveries, sendTestMessage } from '@/lib/notifications/dispatch';
import { queueLiveNotifications } from '@/lib/notifications/events';
import { formatNotification } from '@/lib/notifications/format';
import type { NotificationPayload } from '@/lib/notifications/types';
import { BilibiliEventMapper } from '@/lib/platforms/bilibili/live-events';
import type { PlatformEvent } from '@/lib/platforms/events';
import { channelOfToken, unsubscribe, unsubscribeToken } from '@/lib/notifications/unsubscribe';
import { checkUrlShape, isPrivateAddress } from '@/lib/notifications/url-guard';
import { actorOf, createTestAccount, createTestUser, uniqueSuffix, watchTestAccount } from '@/tools/testing/factories';
import { waitForMessages } from '@/tools/testing/mail';
import { GOOD_BOT_TOKEN, NotifyStandIns } from '@/tools/testing/notify-stand-ins';
import { containing } from '@/tools/testing/match';
import { BatchWriter } from '@/worker/writer';

const standIns = new NotifyStandIns();

// Put back as found: the files that run next in this process read the same environment.
const { NOTIFY_ALLOW_PRIVATE_URLS, TELEGRAM_API_BASE } = process.env;
beforeAll(async () => {
  await standIns.start();
  Object.assign(process.env, { NOTIFY_ALLOW_PRIVATE_URLS: 'true', TELEGRAM_API_BASE: standIns.url });
  resetEnvCache();
});

afterAll(async () => {
  for (const [name, value] of Object.entries({ NOTIFY_ALLOW_PRIVATE_URLS, TELEGRAM_API_BASE })) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvCache();
  await standIns.stop();
});

/** A workspace watching a fresh account (TikTok's unless `createAccount` makes another), with one channel of each kind. */
async function setup(createAccount = () => createTestAccount(db, `notify.${uniqueSuffix()}`)) {
  const user = await createTestUser(db);
  const account = await createAccount();
  await watchTestAccount(db, user.workspaceId, account.id);
  const actor = actorOf(user);
  const email = await createChannel(db, actor, { kind: 'EMAIL', userId: user.id });
  const discord = await createChannel(db, actor, { kind: 'DISCORD', url: standIns.discordUrl() });
  const telegram = await createChannel(db, actor, { kind: 'TELEGRAM', botToken: GOOD_BOT_TOKEN, chatId: '-1001234567890' });
  const webhook = await createChannel(db, actor, { kind: 'WEBHOOK', url: `${standIns.url}/hooks/livelens` });
  standIns.webhookSecret = (await listChannels(db, user.workspaceId)).find((c) => c.id === webhook.id)?.signingSecret ?? '';
  const channelIds = [email.id, discord.id, telegram.id, webhook.id];
  return { user, account, channels: { email, discord, telegram, webhook }, channelIds };
}

describe('went live and live ended', () => {
  it('tells every channel once per live, however many workers run the job and however often', async () => {
    const { user, account, channelIds } = await setup();
    const live = await db.live.create({ data: { accountId: account.id, roomId: `n${uniqueSuffix()}${uniqueSuffix()}`, title: 'Night stream', startedAt: new Date() } });
    // Two workers (two connections, two processes' worth of pools) run the job at the same moment…
    const other = createDb(requireDatabaseUrl(), { max: 2 });
    try {
      await Promise.all([queueLiveNotifications(db), queueLiveNotifications(other)]);
      // …and once more after a restart or a lease moving: nothing new.
      await queueLiveNotifications(other);
    } finally {
      await other.$disconnect();
    }
    const deliveries = await db.notificationDelivery.findMany({ where: { channelId: { in: channelIds }, eventKey: `live:${live.id}:started` } });
    expect(deliveries).toHaveLength(4);
    await processDeliveries(db, { channelIds });
    await processDeliveries(db, { channelIds });
    const handle = account.handle;
    const discord = standIns.received.filter((r) => r.service === 'discord' && JSON.stringify(r.body).includes(handle));
    const telegram = standIns.received.filter((r) => r.service === 'telegram' && JSON.stringify(r.body).includes(handle));
    const webhook = standIns.received.filter((r) => r.service === 'webhook' && JSON.stringify(r.body).includes(handle));
    expect([discord.length, telegram.length, webhook.length]).toEqual([1, 1, 1]);
    expect(discord[0]?.body).toMatchObject({ embeds: [{ title: containing(`@${handle}`) }] });
    expect(String(telegram[0]?.body.text)).toContain('Night stream');
    expect(webhook[0]).toMatchObject({ signatureValid: true, body: { event: 'went-live', data: { liveId: live.id.toString() } } });
    expect(webhook[0]?.headers['x-livelens-event']).toBe('went-live');
    // The email went through the outbox, with an unsubscribe link.
    const mails = (await db.emailMessage.findMany({ where: { channelId: channelIds[0] } })).map((m) => m.id);
    await processOutbox(db, createMailTransport(), { ids: mails });
    const [mail] = await waitForMessages(user.email);
    expect(mail?.subject).toContain('is LIVE');
    expect(mail?.text).toMatch(/Turn these messages off: http:\/\/\S+\/unsubscribe\//);
    expect(await db.notificationDelivery.count({ where: { channelId: { in: channelIds }, status: 'SENT' } })).toBe(4);
  });

  it('sends the end-of-live summary: duration, peak viewers, diamonds and earnings, new followers, top 3 gifters', async () => {
    const { account, channelIds } = await setup();
    const started = new Date(Date.now() - 95 * 60_000);
    const live = await db.live.create({ data: { accountId: account.id, roomId: `e${uniqueSuffix()}${uniqueSuffix()}`, startedAt: started, endedAt: new Date(), endReason: 'stream_end', peakViewers: 812, diamonds: 12_500n, follows: 37 } });
    for (const [i, diamonds] of [5000, 3000, 1500, 200].entries()) {
      const viewer = await db.viewer.create({ data: { tiktokUserId: `9${Date.now()}${i}${uniqueSuffix().slice(0, 3).replace(/\D/g, '1')}`, handle: `gifter${i}`, nickname: `Gifter ${i}` } });
      await db.liveViewer.create({ data: { liveId: live.id, viewerId: viewer.id, diamonds: BigInt(diamonds), gifts: 1 } });
    }
    await queueLiveNotifications(db);
    const [ended] = await db.notificationDelivery.findMany({ where: { channelId: channelIds[3], eventKey: `live:${live.id}:ended` } });
    expect(ended?.payload).toMatchObject({
      event: 'live-ended',
      durationMinutes: 95,
      peakViewers: 812,
      diamonds: 12_500,
      earnings: { low: 50, high: 75 },
      newFollowers: 37,
      topGifters: [{ handle: 'gifter0', diamonds: 5000 }, { handle: 'gifter1', diamonds: 3000 }, { handle: 'gifter2', diamonds: 1500 }],
    });
    // The summary is queued a moment after "went live" (same round), so it is due a little later.
    await processDeliveries(db, { channelIds, now: new Date(Date.now() + 3000), limit: 50 });
    const text = String(standIns.received.find((r) => r.service === 'telegram' && String(r.body.text).includes(account.handle) && String(r.body.text).includes('ended'))?.body.text);
    expect(text).toContain('Duration: 1 h 35 min');
    expect(text).toContain('1. Gifter 0 (5,000 💎)');
  });

  it('writes in the language, time zone and currency of the person who set the channel up, and of the member an email goes to', async () => {
    const { user, account, channelIds } = await setup();
    await db.user.update({ where: { id: user.id }, data: { locale: 'ru', timeZone: 'Asia/Bangkok', currency: 'RUB' } });
    // 23:30 UTC is 06:30 the next morning in Bangkok.
    const started = new Date('2026-03-14T23:30:00Z');
    await db.live.create({ data: { accountId: account.id, roomId: `r${uniqueSuffix()}${uniqueSuffix()}`, title: 'Ночной эфир', startedAt: started, endedAt: new Date(started.getTime() + 95 * 60_000), endReason: 'stream_end', peakViewers: 1812, diamonds: 12_500n, follows: 37 } });
    await queueLiveNotifications(db);
    await processDeliveries(db, { channelIds, now: new Date(Date.now() + 3000), limit: 50 });
    const telegram = standIns.received.filter((r) => r.service === 'telegram' && String(r.body.text).includes(account.handle)).map((r) => String(r.body.text));
    const started_ = telegram.find((text) => text.includes('в эфире'));
    expect(started_).toContain('Ночной эфир');
    expect(started_).toMatch(/15 мар\. 2026\sг\., 06:30 \(Asia\/Bangkok \(GMT\+7\)\)/);
    const ended = telegram.find((text) => text.includes('завершён'));
    expect(ended).toContain('Длительность: 1 ч 35 мин');
    expect(ended).toContain('Пик зрителей: 1\u00a0812');
    // 12,500 diamonds ≈ $50–$75, shown in roubles at the dated rate and marked as converted.
    expect(ended).toMatch(/≈[\d\s\u00a0]+₽–[\d\s\u00a0]+₽/);
    expect(ended).toContain('по курсу на');
    const mails = (await db.emailMessage.findMany({ where: { channelId: channelIds[0] } })).map((m) => m.id);
    await processOutbox(db, createMailTransport(), { ids: mails });
    const received = await waitForMessages(user.email, 2);
    expect(received.map((m) => m.subject)).toEqual(expect.arrayContaining([containing('в эфире'), containing('завершён')]));
    expect(received[0]?.text).toMatch(/Отключить эти письма: http:\/\/\S+\/unsubscribe\//);
    expect(received[0]?.html).toContain('lang="ru"');
  });

  it('asks only the channels whose workspace’s rules want the event', async () => {
    const { user, account, channelIds } = await setup();
    await db.notificationRule.create({ data: { workspaceId: user.workspaceId, accountId: account.id, wentLive: false, liveEnded: true } });
    const live = await db.live.create({ data: { accountId: account.id, roomId: `r${uniqueSuffix()}${uniqueSuffix()}`, startedAt: new Date() } });
    await queueLiveNotifications(db);
    expect(await db.notificationDelivery.count({ where: { channelId: { in: channelIds }, eventKey: `live:${live.id}:started` } })).toBe(0);
  });
});

describe('Bilibili lives', () => {
  const digits = () => `${Date.now()}${uniqueSuffix()}`.replace(/\D/g, '').slice(-9);

  /** Bilibili's paid events for `live`, stored by the worker's writer as the Bilibili source has them stored. */
  async function writeBilibiliEvents(live: { id: bigint; accountId: string; roomId: string }, events: PlatformEvent[]) {
    const pool = new pg.Pool({ connectionString: requireDatabaseUrl(), max: 1 });
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const mapped = new BilibiliEventMapper(live.roomId).map(events).filter((event): event is GiftEvent => event.type === 'gift');
      await new BatchWriter().write(client, mapped.map((event) => ({ liveId: live.id.toString(), accountId: live.accountId, event, queuedAt: performance.now() })));
      await client.query('COMMIT');
    } finally {
      client.release();
      await pool.end();
    }
  }

  it('names the channel by its nickname and platform, never "@<uid>", and counts gold, Super Chats and guards', async () => {
    const uid = `35${digits()}`;
    const { account, channelIds } = await setup(() => db.channel.create({ data: { platform: 'bilibili', handle: uid, platformUserId: uid, nickname: '星海电台' } }));
    const started = new Date('2026-03-14T12:00:00Z');
    const at = (minute: number) => started.getTime() + minute * 60_000;
    const live = await db.live.create({
      data: { accountId: account.id, platform: 'bilibili', roomId: `9${digits()}`, title: '今晚唱歌', startedAt: started, endedAt: new Date(at(95)), endReason: 'stream_end', peakViewers: 812, follows: 37 },
    });
    const viewer = (name: string) => ({ userId: `7${digits()}`, name, avatarUrl: null });
    const [fan, owl, captain, freeloader, passer] = [viewer('露娜的粉丝'), viewer('夜猫子'), viewer('舰长大人'), viewer('白嫖党'), viewer('路人甲')];
    const base = (key: string, minute: number) => ({ platform: 'bilibili' as const, key: `${key}:${live.id}`, at: at(minute) });
    await writeBilibiliEvents(live, [
      { ...base('gift:1', 5), type: 'gift', viewer: fan, giftId: '31036', giftName: '小花花', count: 520, value: 52_000, unit: 'gold', paid: true },
      { ...base('sc:1', 20), type: 'super-chat', viewer: owl, content: '主播加油', value: 30_000, unit: 'gold', price: 30, currency: 'CNY' },
      { ...base('guard:1', 40), type: 'guard', viewer: captain, level: 3, levelName: '舰长', count: 1, value: 198_000, unit: 'gold' },
      // Silver gifts are free: their sender gave no value and is no top gifter.
      { ...base('gift:2', 50), type: 'gift', viewer: freeloader, giftId: '1', giftName: '辣条', count: 10_000, value: 0, unit: 'gold', paid: false },
      { ...base('gift:3', 60), type: 'gift', viewer: passer, giftId: '31036', giftName: '小花花', count: 10, value: 1_000, unit: 'gold', paid: true },
    ]);
    await queueLiveNotifications(db);
    const [ended] = await db.notificationDelivery.findMany({ where: { channelId: channelIds[3], eventKey: `live:${live.id}:ended` } });
    // The Super Chat and the guard purchase count for their senders, in gold.
    expect(ended?.payload).toMatchObject({
      account: { platform: 'bilibili', handle: uid, nickname: '星海电台' },
      diamonds: 281_000,
      topGifters: [{ nickname: '舰长大人', diamonds: 198_000 }, { nickname: '露娜的粉丝', diamonds: 52_000 }, { nickname: '夜猫子', diamonds: 30_000 }],
    });
    await processDeliveries(db, { channelIds, now: new Date(Date.now() + 3000), limit: 50 });
    const url = `${appUrl()}/dashboard/lives/${live.id}`;
    const telegram = standIns.received.filter((r) => r.service === 'telegram' && String(r.body.text).endsWith(url)).map((r) => String(r.body.text));
    expect(telegram).toEqual([
      ['星海电台 (Bilibili) is LIVE', '', '“今晚唱歌”', 'Started at Mar 14, 2026, 12:00 PM (UTC).', '', url].join('\n'),
      [
        '星海电台 (Bilibili) ended the LIVE',
        '',
        'Duration: 1 h 35 min',
        'Peak viewers: 812',
        'Gold: 281,000 (CN¥281 paid by viewers; about $16–$24 estimated)',
        'New followers: 37',
        'Top gifters: 1. 舰长大人 (198,000 🪙), 2. 露娜的粉丝 (52,000 🪙), 3. 夜猫子 (30,000 🪙)',
        '',
        url,
      ].join('\n'),
    ]);
    const discord = standIns.received.filter((r) => r.service === 'discord' && JSON.stringify(r.body).includes(url));
    expect(discord.map((r) => (r.body.embeds as { title: string }[] | undefined)?.[0]?.title)).toEqual(['星海电台 (Bilibili) is LIVE', '星海电台 (Bilibili) ended the LIVE']);
    expect(JSON.stringify(standIns.received.filter((r) => JSON.stringify(r.body).includes(url)))).not.toContain(`@${uid}`);
  });

  it('writes each language’s words for the platform, and reads a delivery queued before Bilibili as TikTok’s', async () => {
    const account = { platform: 'bilibili' as const, handle: '3546001200340056', nickname: '星海电台' };
    const ended: NotificationPayload = {
      event: 'live-ended', account, liveId: '1', startedAt: '2026-03-14T12:00:00Z', endedAt: '2026-03-14T13:35:00Z', durationMinutes: 95, peakViewers: 812,
      diamonds: 281_000, earnings: { low: 15.88, high: 23.83 }, newFollowers: 37, topGifters: [{ handle: '71', nickname: '舰长大人', diamonds: 198_000 }],
    };
    const spike: NotificationPayload = { event: 'gift-spike', account, liveId: '1', diamondsLastMinute: 52_000, baselinePerMinute: 1200, factor: 43.3 };
    const read = async (locale: string, payload: NotificationPayload) => {
      const { title, lines } = formatNotification(payload, await mailReader({ locale, timeZone: 'UTC', currency: 'USD' }));
      return [title, ...lines];
    };
    expect(await read('zh-CN', ended)).toEqual([
      '星海电台 (哔哩哔哩) 的直播已结束',
      '时长：1 小时 35 分钟',
      '观众峰值：812',
      '金瓜子：281,000（观众支付 ¥281，预估收入 US$16–US$24）',
      '新增粉丝：37',
      '送礼榜：1. 舰长大人 (198,000 🪙)',
    ]);
    expect(await read('zh-CN', spike)).toEqual(['星海电台 (哔哩哔哩) 的礼物激增', '最近一分钟收到 52,000 金瓜子，是本场平均每分钟 1,200 金瓜子的 43.3 倍。']);
    expect((await read('ru', ended))[3]).toBe('Золота: 281\u00a0000 (зрители заплатили 281\u00a0CN¥; оценка заработка: 16\u00a0$–24\u00a0$)');
    expect(await read('ru', spike)).toEqual(['Всплеск подарков у 星海电台 (Bilibili)', 'Золота за последнюю минуту: 52\u00a0000 — в 43,3 раза больше, чем обычно в этом эфире (1\u00a0200 в минуту).']);
    expect((await read('th', ended))[3]).toBe('ทอง: 281,000 (ผู้ชมจ่ายไป CN¥281 ส่วนรายได้โดยประมาณคือ US$16–US$24)');
    expect((await read('th', spike))[1]).toBe('52,000 ทองในหนึ่งนาทีที่ผ่านมา คิดเป็น 43.3 เท่าของค่าปกติในไลฟ์นี้ (ปกตินาทีละ 1,200 ทอง)');
    // Queued before this change: no platform, a TikTok account, in diamonds.
    const legacy: NotificationPayload = { ...spike, account: { handle: 'luna', nickname: 'Luna' } };
    expect(await read('en', legacy)).toEqual(['Gift spike on Luna (@luna)', '52,000 diamonds in the last minute: 43.3× the LIVE’s usual 1,200 a minute.']);
    expect((await read('en', { ...ended, account: { handle: 'luna', nickname: null } }))[5]).toBe('Top gifters: 1. 舰长大人 (198,000 💎)');
  });
});

describe('gift spikes', () => {
  it('alerts when the last minute brings N× the baseline, once per cooldown', async () => {
    const { user, account, channelIds } = await setup();
    await db.notificationRule.create({ data: { workspaceId: user.workspaceId, accountId: account.id, giftSpike: true, spikeFactor: 4, spikeCooldownMinutes: 10 } });
    const now = new Date();
    // 20 minutes of live with 2,000 diamonds before the last minute: a baseline of about 105 a minute.
    const live = await db.live.create({ data: { accountId: account.id, roomId: `s${uniqueSuffix()}${uniqueSuffix()}`, startedAt: new Date(now.getTime() - 20 * 60_000), lastEventAt: now, diamonds: 2000n } });
    const viewer = await db.viewer.create({ data: { tiktokUserId: `8${Date.now()}${uniqueSuffix().replace(/\D/g, '2')}` } });
    const gift = (diamonds: number, at: Date, key: string) =>
      db.gift.create({ data: { liveId: live.id, accountId: account.id, viewerId: viewer.id, dedupeKey: key, msgId: key, giftId: '1', giftName: 'Lion', diamondCount: diamonds, repeatCount: 1, diamonds, createdAt: at } });
    // 300 in the last minute: under 4×.
    await gift(300, new Date(now.getTime() - 20_000), 'a');
    await db.live.update({ where: { id: live.id }, data: { diamonds: 2300n } });
    await queueLiveNotifications(db, now);
    const spikes = () => db.notificationDelivery.count({ where: { channelId: { in: channelIds }, event: 'gift-spike' } });
    expect(await spikes()).toBe(0);
    // 800 more: 1,100 in the last minute, over 4× the baseline of 2,000 / 19 min.
    await gift(800, new Date(now.getTime() - 5_000), 'b');
    await db.live.update({ where: { id: live.id }, data: { diamonds: 3100n } });
    await queueLiveNotifications(db, now);
    expect(await spikes()).toBe(4);
    const [spike] = await db.notificationDelivery.findMany({ where: { channelId: channelIds[3], event: 'gift-spike' } });
    expect(spike?.payload).toMatchObject({ diamondsLastMinute: 1100, baselinePerMinute: expect.closeTo(105.3, 0) as number });
    // Within the cooldown: no second alert, even with another burst.
    await gift(2000, new Date(now.getTime() + 60_000), 'c');
    await db.live.update({ where: { id: live.id }, data: { diamonds: 5100n, lastEventAt: new Date(now.getTime() + 90_000) } });
    await queueLiveNotifications(db, new Date(now.getTime() + 90_000));
    expect(await spikes()).toBe(4);
  });
});

describe('gift spikes on Bilibili', () => {
  it('count the least baseline in gold: a few yuan in a quiet room is not a spike', async () => {
    const { user, account, channelIds } = await setup();
    await db.notificationRule.create({ data: { workspaceId: user.workspaceId, accountId: account.id, giftSpike: true, spikeFactor: 4, spikeCooldownMinutes: 10 } });
    const now = new Date();
    // A quiet Bilibili room: 20 minutes with 100 gold (¥0.10) before the last minute.
    const live = await db.live.create({ data: { accountId: account.id, platform: 'bilibili', roomId: `b${uniqueSuffix()}${uniqueSuffix()}`, startedAt: new Date(now.getTime() - 20 * 60_000), lastEventAt: now, diamonds: 100n } });
    const viewer = await db.viewer.create({ data: { tiktokUserId: `bilibili:9${Date.now()}${uniqueSuffix().replace(/\D/g, '3')}` } });
    const gift = (gold: number, key: string) =>
      db.gift.create({ data: { liveId: live.id, accountId: account.id, viewerId: viewer.id, dedupeKey: key, msgId: key, giftId: 'bilibili:1', giftName: '辣条', diamondCount: gold, repeatCount: 1, diamonds: gold, createdAt: new Date(now.getTime() - 10_000) } });
    const spikes = () => db.notificationDelivery.count({ where: { channelId: { in: channelIds }, event: 'gift-spike' } });
    // 2,000 gold (¥2, about 28 diamonds' worth) in the last minute: under 4× the least baseline of 10
    // diamonds' worth (about 708 gold). Counted as 10 gold a minute, it was a 200× "spike".
    await gift(2000, 'quiet');
    await db.live.update({ where: { id: live.id }, data: { diamonds: 2100n } });
    await queueLiveNotifications(db, now);
    expect(await spikes()).toBe(0);
    // 30,000 more (¥30): 32,000 in the minute, over 4× the least baseline.
    await gift(30_000, 'burst');
    await db.live.update({ where: { id: live.id }, data: { diamonds: 32_100n } });
    await queueLiveNotifications(db, now);
    expect(await spikes()).toBe(channelIds.length);
    const [spike] = await db.notificationDelivery.findMany({ where: { channelId: channelIds[0], event: 'gift-spike' } });
    expect(spike?.payload).toMatchObject({ diamondsLastMinute: 32_000, baselinePerMinute: expect.closeTo(707.6, 0) as number });
  });
});

describe('delivery failures', () => {
  it('retries a 5xx, waits as a 429 asks, and gives up at once on a 4xx with a clear last error on the channel', async () => {
    const { user } = await setup();
    const channel = await createChannel(db, actorOf(user), { kind: 'DISCORD', url: standIns.discordUrl() });
    const only = { channelIds: [channel.id] };
    const t0 = new Date();
    const delivery = await db.notificationDelivery.create({ data: { channelId: channel.id, eventKey: `t:${uniqueSuffix()}`, event: 'test', payload: { event: 'test', workspace: 'W' }, nextAttemptAt: t0 } });
    standIns.answerNext({ status: 502, body: { message: 'Bad gateway' } });
    await processDeliveries(db, { ...only, now: t0 });
    let row = await db.notificationDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, lastError: containing('Discord answered 502') });
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + 30_000);

    standIns.answerNext({ status: 429, body: { message: 'You are being rate limited.', retry_after: 7.5, global: false } });
    await processDeliveries(db, { ...only, now: row.nextAttemptAt });
    const at = row.nextAttemptAt;
    row = await db.notificationDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row.nextAttemptAt.getTime()).toBe(at.getTime() + 7500);

    await processDeliveries(db, { ...only, now: row.nextAttemptAt });
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: 'SENT', attempts: 3 });

    const doomed = await db.notificationDelivery.create({ data: { channelId: channel.id, eventKey: `t:${uniqueSuffix()}`, event: 'test', payload: { event: 'test', workspace: 'W' }, nextAttemptAt: new Date(0) } });
    standIns.answerNext({ status: 404, body: { message: 'Unknown Webhook', code: 10015 } });
    await processDeliveries(db, only);
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id: doomed.id } })).toMatchObject({ status: 'FAILED', attempts: 1 });
    const saved = await db.notificationChannel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(saved.lastError).toBe('Discord answered 404: Unknown Webhook. Check the channel’s settings (the token or URL may be wrong or revoked).');
    expect(saved.lastErrorAt).not.toBeNull();
  });

  it('treats a receiver that does not answer as a failure to retry, and stops after the last attempt', async () => {
    const { user } = await setup();
    const channel = await createChannel(db, actorOf(user), { kind: 'WEBHOOK', url: `${standIns.url}/hooks/slow` });
    let now = new Date();
    const delivery = await db.notificationDelivery.create({ data: { channelId: channel.id, eventKey: `t:${uniqueSuffix()}`, event: 'test', payload: { event: 'test', workspace: 'W' }, nextAttemptAt: now } });
    for (let attempt = 1; attempt <= 5; attempt++) {
      standIns.answerNext('hang');
      await processDeliveries(db, { channelIds: [channel.id], now, timeoutMs: 200 });
      const row = await db.notificationDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
      expect(row.attempts).toBe(attempt);
      now = row.nextAttemptAt;
    }
    const row = await db.notificationDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row).toMatchObject({ status: 'FAILED', lastError: 'The webhook did not answer within 0.2 s. Gave up after 5 attempts.' });
  });

  it('answers the test button with what happened: sent, or Telegram’s refusal of a wrong token', async () => {
    const { user, channels } = await setup();
    expect(await sendTestMessage(db, channels.telegram.id, 'My team')).toEqual({ ok: true, error: null });
    const wrong = await createChannel(db, actorOf(user), { kind: 'TELEGRAM', botToken: '987654321:AAwrong-token-wrong-token-wrong-tok', chatId: '42' });
    const result = await sendTestMessage(db, wrong.id, 'My team');
    expect(result).toEqual({ ok: false, error: 'Telegram answered 401: Unauthorized. Check the channel’s settings (the token or URL may be wrong or revoked).' });
    expect((await listChannels(db, user.workspaceId)).find((c) => c.id === wrong.id)).toMatchObject({ lastError: result.error, target: 'chat 42 · bot 987654321' });
  });
});

describe('settings and safety', () => {
  it('refuses bad channel settings with a clear message', async () => {
    const { user } = await setup();
    const stranger = await createTestUser(db);
    const actor = actorOf(user);
    await expect(createChannel(db, actor, { kind: 'EMAIL', userId: stranger.id })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: containing('member of this workspace') });
    await expect(createChannel(db, actor, { kind: 'DISCORD', url: 'not a url' })).rejects.toMatchObject({ message: 'url: This is not a valid URL.' });
    await expect(createChannel(db, actor, { kind: 'DISCORD', url: `${standIns.url}/not/a/webhook` })).rejects.toMatchObject({ message: containing('Paste the webhook URL Discord gives') });
    // Secrets are sealed at rest and not shown back.
    const saved = await db.notificationChannel.findFirstOrThrow({ where: { workspaceId: user.workspaceId, kind: 'TELEGRAM' } });
    expect(JSON.stringify(saved.config)).not.toContain(GOOD_BOT_TOKEN);
    expect(JSON.stringify(await listChannels(db, user.workspaceId))).not.toContain(GOOD_BOT_TOKEN.split(':')[1]);
  });

  it('keeps webhooks off loopback, private networks and the app itself unless allowed', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '0.0.0.0']) expect(isPrivateAddress(address), address).toBe(true);
    for (const address of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111']) expect(isPrivateAddress(address), address).toBe(false);
    delete process.env.NOTIFY_ALLOW_PRIVATE_URLS;
    resetEnvCache();
    try {
      for (const url of ['http://example.com/hook', 'https://127.0.0.1/hook', 'https://localhost:3000/x', 'https://169.254.169.254/latest/meta-data', 'https://[::1]/x', 'https://user:pw@example.com/x', 'https://10.0.0.5/x']) {
        expect(() => checkUrlShape(url), url).toThrow();
      }
      expect(checkUrlShape('https://hooks.example.com/livelens').host).toBe('hooks.example.com');
    } finally {
      process.env.NOTIFY_ALLOW_PRIVATE_URLS = 'true';
      resetEnvCache();
    }
  });

  it('turns an email channel off from the message’s unsubscribe link, and refuses a forged one', async () => {
    const { channels } = await setup();
    const token = unsubscribeToken(channels.email.id);
    expect(channelOfToken(token)).toBe(channels.email.id);
    expect(await unsubscribe(db, `${channels.email.id}.forged-mac-forged-mac-forged-mac0`)).toEqual({ ok: false });
    expect(await unsubscribe(db, unsubscribeToken(channels.discord.id))).toEqual({ ok: false });
    expect(await unsubscribe(db, token)).toMatchObject({ ok: true });
    expect((await db.notificationChannel.findUniqueOrThrow({ where: { id: channels.email.id } })).enabled).toBe(false);
  });
});

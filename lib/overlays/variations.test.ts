import { describe, expect, it } from 'vitest';
import { advanceAlertQueue, createAlertQueue, enqueueAlert, finishAlert, nextAlertChange, type AlertTiming } from '@/lib/overlays/alert-queue';
import { withLanguage } from '@/lib/overlays/default-texts';
import { giftAlertsSettings, readKindSettings, readSettings } from '@/lib/overlays/settings';
import {
  alertVariationsField,
  fillAlertTemplate,
  giftSubject,
  likeMilestone,
  likeMilestones,
  likeSubject,
  matchVariation,
  newVariation,
  planAlert,
  readVariations,
  referencedMedia,
  socialSubject,
  VARIATION_TEMPLATES,
  withVariationDefaults,
  type AlertVariation,
  type FallbackSettings,
} from '@/lib/overlays/variations';
import type { RealtimeGift, RealtimeSocial } from '@/lib/realtime/payloads';

const user = { id: 'u1', handle: 'mia', nickname: 'Mia', avatar: null, follower: false };
const gift = (giftId: string, diamonds: number, id = `g-${giftId}-${diamonds}`): RealtimeGift => ({ liveId: 'l1', id, user, giftId, name: `Gift ${giftId}`, image: null, diamondCount: 1, repeatCount: diamonds, diamonds, streakable: true, at: 0 });
const social = (kind: RealtimeSocial['kind'], id = `s-${kind}`): RealtimeSocial => ({ liveId: 'l1', id, kind, user, at: 0 });
const v = (id: string, patch: Partial<AlertVariation> = {}): AlertVariation => ({ ...newVariation(id, patch.event ?? 'gift'), ...patch });
const fallback: FallbackSettings = { minDiamonds: 10, durationSeconds: 5, template: '{name} sent {gift}', sound: true, volume: 0.5, speech: false, speechVoice: '' };

describe('matching variations', () => {
  it('takes the first match in list order, not the most specific', () => {
    const list = [v('any-big', { minDiamonds: 100 }), v('rose', { giftIds: ['5655'] })];
    expect(matchVariation(list, giftSubject(gift('5655', 500)))?.id).toBe('any-big');
    expect(matchVariation(list, giftSubject(gift('5655', 5)))?.id).toBe('rose');
    expect(matchVariation([...list].reverse(), giftSubject(gift('5655', 500)))?.id).toBe('rose');
  });

  it('matches one of several gift ids, and no other gift', () => {
    const list = [v('pair', { giftIds: ['1', '2'] })];
    expect(matchVariation(list, giftSubject(gift('1', 1)))?.id).toBe('pair');
    expect(matchVariation(list, giftSubject(gift('2', 1)))?.id).toBe('pair');
    expect(matchVariation(list, giftSubject(gift('3', 1)))).toBeNull();
  });

  it('bounds value tiers inclusively at both ends, 0 meaning no bound', () => {
    const list = [v('small', { minDiamonds: 1, maxDiamonds: 99 }), v('mid', { minDiamonds: 100, maxDiamonds: 999 }), v('big', { minDiamonds: 1000 })];
    const tier = (d: number) => matchVariation(list, giftSubject(gift('x', d)))?.id ?? null;
    expect([tier(1), tier(99), tier(100), tier(999), tier(1000), tier(1_000_000)]).toEqual(['small', 'small', 'mid', 'mid', 'big', 'big']);
    expect(matchVariation([v('open', { maxDiamonds: 10 })], giftSubject(gift('x', 0)))?.id).toBe('open');
  });

  it('matches by event kind: a gift rule never fires on a follow, and each social kind only on its own', () => {
    const list = [v('gifts'), v('follows', { event: 'follow' }), v('shares', { event: 'share' }), v('joins', { event: 'join' })];
    expect(matchVariation(list, socialSubject(social('follow')))?.id).toBe('follows');
    expect(matchVariation(list, socialSubject(social('share')))?.id).toBe('shares');
    expect(matchVariation(list, socialSubject(social('join')))?.id).toBe('joins');
    expect(matchVariation([v('gifts')], socialSubject(social('follow')))).toBeNull();
    expect(matchVariation([v('follows', { event: 'follow' })], giftSubject(gift('1', 1)))).toBeNull();
  });

  it('skips a disabled variation', () => {
    expect(matchVariation([v('off', { enabled: false }), v('on')], giftSubject(gift('1', 1)))?.id).toBe('on');
  });

  it('matches a like milestone by its step', () => {
    const list = [v('k10', { event: 'like', likeEvery: 10_000 }), v('k1', { event: 'like', likeEvery: 1000 })];
    expect(matchVariation(list, likeSubject('l1', 20_000))?.id).toBe('k10');
    expect(matchVariation(list, likeSubject('l1', 3000))?.id).toBe('k1');
    expect(matchVariation([v('k10', { event: 'like', likeEvery: 10_000 })], likeSubject('l1', 3000))).toBeNull();
  });
});

describe('like milestones', () => {
  it('finds the highest multiple passed, none on the first reading or without progress', () => {
    expect(likeMilestone(null, 5000, 1000)).toBeNull();
    expect(likeMilestone(950, 1010, 1000)).toBe(1000);
    expect(likeMilestone(950, 3100, 1000)).toBe(3000);
    expect(likeMilestone(1000, 1999, 1000)).toBeNull();
    expect(likeMilestone(1200, 1100, 1000)).toBeNull();
    expect(likeMilestone(999, 1000, 1000)).toBe(1000);
  });

  it('gives one milestone per distinct step of the enabled like variations', () => {
    const list = [v('a', { event: 'like', likeEvery: 1000 }), v('b', { event: 'like', likeEvery: 500 }), v('c', { event: 'like', likeEvery: 250, enabled: false }), v('g')];
    expect(likeMilestones(list, 900, 1100)).toEqual([1000]);
    expect(likeMilestones(list, 1100, 1600)).toEqual([1500]);
    expect(likeMilestones(list, 100, 200)).toEqual([]);
  });
});

describe('planning an alert', () => {
  it('falls back to the overlay settings for a gift over the threshold when nothing matches', () => {
    const plan = planAlert([v('rose', { giftIds: ['5655'] })], fallback, giftSubject(gift('1', 50)));
    expect(plan).toMatchObject({ variationId: null, template: '{name} sent {gift}', sound: { kind: 'chime' }, durationMs: 5000, visual: null });
    expect(planAlert([], fallback, giftSubject(gift('1', 9)))).toBeNull();
    expect(planAlert([], { ...fallback, sound: false }, giftSubject(gift('1', 50)))?.sound).toEqual({ kind: 'none' });
  });

  it('does not alert a follow without a follow variation', () => {
    expect(planAlert([], fallback, socialSubject(social('follow')))).toBeNull();
  });

  it('uses a matching variation even below the overlay threshold', () => {
    const plan = planAlert([v('tiny', { maxDiamonds: 5, sound: 'media', soundId: 'snd1', visualId: 'img1', durationSeconds: 3, animationIn: 'bounce', animationOut: 'slide-up', speech: true, speechVoice: 'Anna', volume: 0.3 })], fallback, giftSubject(gift('1', 1)));
    expect(plan).toMatchObject({ variationId: 'tiny', sound: { kind: 'media', mediaId: 'snd1' }, visual: { kind: 'IMAGE', mediaId: 'img1' }, durationMs: 3000, animationIn: 'bounce', animationOut: 'slide-up', speech: true, speechVoice: 'Anna', volume: 0.3 });
  });

  it('lets a shorter video cap the duration, never below a second, and a longer one is cut', () => {
    const base = { visualId: 'vid', visualKind: 'VIDEO' as const, durationSeconds: 10 };
    expect(planAlert([v('a', { ...base, visualMs: 4200 })], fallback, giftSubject(gift('1', 1)))?.durationMs).toBe(4200);
    expect(planAlert([v('a', { ...base, visualMs: 200 })], fallback, giftSubject(gift('1', 1)))?.durationMs).toBe(1000);
    expect(planAlert([v('a', { ...base, visualMs: 60_000 })], fallback, giftSubject(gift('1', 1)))?.durationMs).toBe(10_000);
    expect(planAlert([v('a', { ...base, visualMs: 0 })], fallback, giftSubject(gift('1', 1)))?.durationMs).toBe(10_000);
    // An image's stored length means nothing.
    expect(planAlert([v('a', { ...base, visualKind: 'IMAGE', visualMs: 2000 })], fallback, giftSubject(gift('1', 1)))?.durationMs).toBe(10_000);
  });

  it('plays no sound for a media sound without a file', () => {
    const broken = { ...v('a'), sound: 'media' as const, soundId: '' };
    expect(planAlert([broken], fallback, giftSubject(gift('1', 1)))?.sound).toEqual({ kind: 'none' });
  });

  it('lists the media files variations use', () => {
    expect(referencedMedia([v('a', { sound: 'media', soundId: 's1', visualId: 'i1' }), v('b', { soundId: 's2' })])).toEqual([
      { variationId: 'a', mediaId: 's1', role: 'sound' },
      { variationId: 'a', mediaId: 'i1', role: 'visual' },
    ]);
  });
});

describe('templates', () => {
  it('fills every placeholder and keeps {diamonds} working', () => {
    expect(fillAlertTemplate('{name}: {count}× {gift} = {value} ({diamonds}) {message} {other}', { name: 'Mia', gift: 'Rose', count: 3, value: 3, message: 'hi' })).toBe('Mia: 3× Rose = 3 (3) hi {other}');
  });

  it('is not re-expanded when a value itself looks like a placeholder', () => {
    expect(fillAlertTemplate('{name} sent {gift}', { name: '{gift}', gift: 'Rose', count: 1, value: 1, message: '' })).toBe('{gift} sent Rose');
  });
});

describe('stored settings', () => {
  it('keeps overlays saved before variations working: no variations, same settings', () => {
    const old = { minDiamonds: 5, template: '{name}!', sound: true };
    const settings = readSettings('GIFT_ALERTS', old);
    expect(settings.variations).toEqual([]);
    expect(settings).toMatchObject(old);
  });

  it('refuses duplicate ids and inverted tiers when saving', () => {
    expect(alertVariationsField.safeParse([newVariation('a'), newVariation('a')]).success).toBe(false);
    expect(giftAlertsSettings.safeParse({ variations: [{ ...newVariation('a'), minDiamonds: 10, maxDiamonds: 5 }] }).success).toBe(false);
    expect(giftAlertsSettings.safeParse({ variations: [{ ...newVariation('a'), sound: 'media', soundId: '' }] }).success).toBe(false);
    expect(giftAlertsSettings.safeParse({ variations: [{ ...newVariation('a'), visualId: '../../etc' }] }).success).toBe(false);
  });

  it('reads leniently: a broken entry is dropped, the others kept in order', () => {
    const stored = [newVariation('a'), { id: 'b', event: 'nonsense' }, newVariation('c', 'follow'), newVariation('a')];
    expect(readVariations(stored).map((x) => x.id)).toEqual(['a', 'c']);
    expect(readVariations('nope')).toEqual([]);
    expect(readKindSettings('GIFT_ALERTS', { variations: stored, minDiamonds: 7 }).settings).toMatchObject({ minDiamonds: 7, variations: [{ id: 'a' }, { id: 'c' }] });
  });
});

describe('the queue with per-alert durations', () => {
  const timing: AlertTiming = { durationMs: 5000, gapMs: 250 };

  it('keeps arrival order and never overlaps, each alert for its own length', () => {
    let q = createAlertQueue<string>();
    q = enqueueAlert(q, 'a', 'A', 0, timing, 8000);
    q = enqueueAlert(q, 'b', 'B', 10, timing, 2000);
    q = enqueueAlert(q, 'c', 'C', 20, timing);
    const shown: { id: string; from: number; to: number }[] = [];
    let now = 0;
    for (let i = 0; i < 20 && nextAlertChange(q) !== null; i++) {
      const before = q.current;
      now = nextAlertChange(q) ?? now;
      q = advanceAlertQueue(q, now, timing);
      if (before && before !== q.current) shown.push({ id: before.id, from: before.startedAt, to: before.endsAt });
    }
    expect(shown).toEqual([
      { id: 'a', from: 0, to: 8000 },
      { id: 'b', from: 8250, to: 10_250 },
      { id: 'c', from: 10_500, to: 15_500 },
    ]);
  });

  it('ends an alert early when its video ends, and only that alert', () => {
    let q = createAlertQueue<string>();
    q = enqueueAlert(q, 'a', 'A', 0, timing, 8000);
    q = enqueueAlert(q, 'b', 'B', 0, timing);
    expect(finishAlert(q, 'b', 100)).toBe(q);
    expect(finishAlert(q, 'a', 9000)).toBe(q);
    q = finishAlert(q, 'a', 3000);
    expect(nextAlertChange(q)).toBe(3000);
    q = advanceAlertQueue(q, 3000, timing);
    expect(q.current).toBeNull();
    q = advanceAlertQueue(q, 3250, timing);
    expect(q.current?.id).toBe('b');
  });
});

describe('events from other platforms', () => {
  it('carry their platform (read from the viewer’s namespaced id) for the alert’s badge; TikTok’s carry none', () => {
    const bilibiliUser = { ...user, id: 'bilibili:3546001' };
    expect(giftSubject({ ...gift('bilibili:31036', 100), user: bilibiliUser }).platform).toBe('bilibili');
    expect(socialSubject({ ...social('follow'), user: bilibiliUser }).platform).toBe('bilibili');
    expect(giftSubject(gift('5655', 1))).not.toHaveProperty('platform');
    expect(likeSubject('l1', 100)).not.toHaveProperty('platform');
    // A Super Chat's text fills the alert's {message}.
    expect(giftSubject({ ...gift('bilibili:super-chat', 30_000), user: bilibiliUser, message: '主播加油' }).message).toBe('主播加油');
  });

  it('tier a Bilibili gift by its worth in the overlay’s unit, and keep its own value for {value}', () => {
    const bilibiliUser = { ...user, id: 'bilibili:3546001' };
    // 1,000 gold (¥1) is worth about 14 diamonds at the default rates; the page is given the rate.
    const rates = { tiktok: 1, bilibili: 1 / 70.76 };
    const cheap = giftSubject({ ...gift('bilibili:31036', 1000), user: bilibiliUser }, rates);
    expect(cheap).toMatchObject({ value: 1000, worth: 14 });
    const tiers = [v('big', { minDiamonds: 100 }), v('small', { minDiamonds: 1, maxDiamonds: 99 })];
    // In gold it would have been a "100+ 💎" alert.
    expect(matchVariation(tiers, cheap)?.id).toBe('small');
    expect(matchVariation(tiers, giftSubject({ ...gift('bilibili:31036', 70_760), user: bilibiliUser }, rates))?.id).toBe('big');
    // The overlay's own threshold compares the worth too.
    expect(planAlert([], { ...fallback, minDiamonds: 20 }, cheap)).toBeNull();
    // A TikTok gift on a TikTok overlay is worth its diamonds.
    expect(giftSubject(gift('5655', 30), rates)).toMatchObject({ value: 30, worth: 30 });
  });

  it('alert on Super Chats and memberships as kinds of their own, with value tiers; the overlay’s settings still play them', () => {
    const bilibiliUser = { ...user, id: 'bilibili:3546001' };
    const superChat = giftSubject({ ...gift('bilibili:super-chat', 30_000), user: bilibiliUser, message: '主播加油', kind: 'super_chat' });
    const guard = giftSubject({ ...gift('bilibili:guard-3', 198_000), user: bilibiliUser, name: '舰长', kind: 'guard' });
    expect([superChat.kind, guard.kind]).toEqual(['superChat', 'membership']);
    const list = [v('gifts'), v('big-sc', { event: 'superChat', minDiamonds: 50_000 }), v('sc', { event: 'superChat' }), v('guard', { event: 'membership' })];
    expect(matchVariation(list, superChat)?.id).toBe('sc');
    expect(matchVariation(list, { ...superChat, worth: 50_000 })?.id).toBe('big-sc');
    expect(matchVariation(list, guard)?.id).toBe('guard');
    expect(matchVariation([v('gifts')], superChat)).toBeNull();
    // Without a variation of their kind they alert as paid events did before: by the overlay's settings.
    expect(planAlert([v('gifts', { giftIds: ['5655'] })], fallback, guard)).toMatchObject({ variationId: null, template: fallback.template });
    expect(fillAlertTemplate(VARIATION_TEMPLATES.en.superChat, { name: 'Mia', gift: '', count: 1, value: 30_000, message: superChat.message })).toBe('Mia: 主播加油');
    expect(fillAlertTemplate(VARIATION_TEMPLATES['zh-CN'].membership, { name: 'Mia', gift: guard.giftName, count: 1, value: 198_000, message: '' })).toBe('Mia 开通了舰长！');
  });

  it('default to this channel only, and refuse a cluster id that is not an id', () => {
    expect(readSettings('GIFT_ALERTS', {}).clusterId).toBe('');
    expect(giftAlertsSettings.safeParse({ clusterId: 'cl_123-abc' }).success).toBe(true);
    expect(giftAlertsSettings.safeParse({ clusterId: '../../etc' }).success).toBe(false);
  });
});

describe('a new variation’s text', () => {
  it('starts in the overlay’s language and fits its kind', () => {
    expect(newVariation('a', 'gift', 'ru').template).toBe('{name} дарит {gift} ×{count}');
    expect(newVariation('a', 'follow', 'th').template).toBe('{name} กดติดตามแล้ว!');
    expect(newVariation('a').template).toBe('{name} sent {count}× {gift}');
  });

  it('follows a change of "When" while untouched, and stays as written once edited', () => {
    const untouched = newVariation('a', 'gift', 'zh-CN');
    // It read "Mia sent 1× …" for a follow before: the gift text stayed when the kind changed.
    expect(withVariationDefaults(untouched, 'follow', 'zh-CN')).toMatchObject({ event: 'follow', template: '{name} 关注了主播！' });
    const written = { ...untouched, template: '谢谢 {name}!' };
    expect(withVariationDefaults(written, 'follow', 'zh-CN')).toMatchObject({ event: 'follow', template: '谢谢 {name}!' });
  });

  it('follows the overlay’s language while untouched', () => {
    const settings = readSettings('GIFT_ALERTS', { language: 'en', variations: [newVariation('a', 'share', 'en'), { ...newVariation('b', 'gift', 'en'), template: 'Thanks {name}' }] });
    const moved = withLanguage('GIFT_ALERTS', settings, 'ru');
    expect(moved.variations.map((x) => x.template)).toEqual(['{name} делится эфиром!', 'Thanks {name}']);
  });

  it('has every kind in every language, each with the placeholders its kind fills', () => {
    for (const texts of Object.values(VARIATION_TEMPLATES)) {
      expect(Object.keys(texts).sort()).toEqual(Object.keys(VARIATION_TEMPLATES.en).sort());
      expect(texts.gift).toMatch(/\{name\}[\s\S]*\{gift\}|\{gift\}[\s\S]*\{name\}/);
      expect(texts.like).toContain('{value}');
      expect(texts.superChat).toContain('{message}');
      expect(texts.membership).toContain('{gift}');
    }
  });
});

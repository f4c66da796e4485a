import { createTranslator } from 'use-intl/core';
import { describe, expect, it } from 'vitest';
import { editorWords } from '@/app/[locale]/(site)/dashboard/overlays/[overlayId]/_components/editor-words';
import { DEFAULT_RULES } from '@/lib/games/rules';
import type { Locale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import {
  describeRules,
  draftErrors,
  fieldId,
  fieldLabel,
  formatObsSize,
  formatWordList,
  humaniseIssue,
  nextGiftTier,
  OBS_SIZES,
  offersWordFilter,
  overlayUrl,
  parseWordList,
  previewPath,
  readDraft,
  requestErrorMessage,
  sameValue,
  settingsMessage,
  splitFieldError,
  testEventMessage,
  type EditorWords,
} from '@/lib/overlays/editor';
import { readEditorMessage } from '@/lib/overlays/preview';
import { OVERLAY_KINDS } from '@/lib/overlays/settings';

/** The editor's words in `locale`, from its catalogue as the dashboard builds them; a missing message or a bad argument fails the test. */
async function wordsIn(locale: Locale): Promise<EditorWords> {
  const t = createTranslator({
    locale,
    messages: await loadMessages(locale),
    namespace: 'overlayEditor',
    onError: (error) => {
      throw error;
    },
  });
  return editorWords(t, locale);
}

const en = await wordsIn('en');

describe('OBS sizes and URLs', () => {
  it('suggests a size for every kind that fits a portrait TikTok canvas', () => {
    for (const kind of OVERLAY_KINDS) {
      const size = OBS_SIZES[kind];
      expect(size.width).toBeGreaterThan(0);
      expect(size.width).toBeLessThanOrEqual(1080);
      expect(size.height).toBeLessThanOrEqual(1920);
    }
    expect(formatObsSize(OBS_SIZES.GOAL)).toBe('800 × 140');
  });

  it('builds the absolute overlay URL and the preview path', () => {
    expect(overlayUrl('https://livelens.app', 'abc_DEF-123')).toBe('https://livelens.app/overlay/abc_DEF-123');
    expect(overlayUrl('http://127.0.0.1:3100/', 'tok')).toBe('http://127.0.0.1:3100/overlay/tok');
    expect(previewPath('tok')).toBe('/overlay/tok?preview=1');
    // A token is base64url, but nothing odd may break out of the path.
    expect(overlayUrl('https://x.test', 'a/b?c')).toBe('https://x.test/overlay/a%2Fb%3Fc');
  });
});

describe('preview protocol', () => {
  it('builds the messages the overlay page accepts', () => {
    const origin = 'https://livelens.app';
    expect(settingsMessage({ target: 5 })).toEqual({ source: 'livelens-editor', type: 'settings', settings: { target: 5 } });
    expect(readEditorMessage({ origin, data: settingsMessage({ target: 5 }) }, origin)).toEqual(settingsMessage({ target: 5 }));
    expect(readEditorMessage({ origin, data: testEventMessage() }, origin)).toEqual({ source: 'livelens-editor', type: 'test' });
  });
});

describe('word lists', () => {
  it('reads one word per line like the server stores them', () => {
    expect(parseWordList('  Spam \n\nscam\r\nSPAM\n   \nfree coins\n')).toEqual(['spam', 'scam', 'free coins']);
    expect(parseWordList('')).toEqual([]);
    expect(formatWordList(['spam', 'scam'])).toBe('spam\nscam');
    expect(parseWordList(formatWordList(['a', 'b']))).toEqual(['a', 'b']);
  });
});

describe('gift tiers', () => {
  it('adds a tier above the highest one, never on a value already taken', () => {
    expect(nextGiftTier([])).toEqual({ minDiamonds: 1, multiplier: 1 });
    expect(nextGiftTier(DEFAULT_RULES.giftTiers)).toEqual({ minDiamonds: 1000, multiplier: 1.5 });
    expect(nextGiftTier([{ minDiamonds: 100, multiplier: 2 }, { minDiamonds: 5, multiplier: 1 }])).toEqual({ minDiamonds: 1000, multiplier: 2 });
    expect(nextGiftTier([{ minDiamonds: 1_000_000, multiplier: 3 }])).toEqual({ minDiamonds: 999_999, multiplier: 3 });
    expect(nextGiftTier([{ minDiamonds: Number.NaN, multiplier: 1 }])).toEqual({ minDiamonds: 1, multiplier: 1 });
  });
});

describe('rules in plain words', () => {
  it('explains the default rules', () => {
    expect(describeRules(DEFAULT_RULES, en)).toEqual([
      'Followers: 1 point per 10 likes; everyone else: 1 point per 15 likes. Only whole points count; leftover likes carry over.',
      'Gifts: diamonds × a multiplier, ×1 for gifts worth 1–9 diamonds each, ×1.2 for 10–99 and ×1.5 for 100 or more. Here too only whole points count; a fraction of a point carries over to the next gift.',
      'A gift streak counts once, when it ends. Nothing scores while the game is frozen.',
      'Example: 30 likes from a follower = 3 points; a 5-diamond gift sent 3 times in one streak = 15 points.',
    ]);
  });

  it('follows edits: unsorted tiers, one-value ranges, a first tier above 1, one like per point', () => {
    const lines = describeRules({
      likesPerPointFollower: 1,
      likesPerPointNonFollower: 2,
      giftTiers: [
        { minDiamonds: 100, multiplier: 2 },
        { minDiamonds: 5, multiplier: 1.25 },
        { minDiamonds: 6, multiplier: 1.5 },
      ],
    }, en);
    expect(lines[0]).toMatch(/^Followers: 1 point per like; everyone else: 1 point per 2 likes\./);
    expect(lines[1]).toBe('Gifts: diamonds × a multiplier, ×1.25 for gifts worth 5 diamonds each, ×1.5 for 6–99 and ×2 for 100 or more. Here too only whole points count; a fraction of a point carries over to the next gift.');
    expect(lines[2]).toBe('Gifts worth less than 5 diamonds count ×1.');
    expect(lines.at(-1)).toBe('Example: 3 likes from a follower = 3 points; a 5-diamond gift sent 3 times in one streak = 18 points.');
    // Whole points, as the board counts them (18.75 would contradict "only whole points count").
  });

  it('handles a single tier', () => {
    expect(describeRules({ ...DEFAULT_RULES, giftTiers: [{ minDiamonds: 1, multiplier: 2 }] }, en)[1]).toBe('Gifts: diamonds × a multiplier, ×2 for gifts worth 1 or more diamonds each. Here too only whole points count; a fraction of a point carries over to the next gift.');
  });
});

describe('validation messages', () => {
  it('turns zod wording into something to act on', () => {
    expect(humaniseIssue('Too small: expected number to be >=1', en)).toBe('Use 1 or more.');
    expect(humaniseIssue('Too big: expected number to be <=1000000000', en)).toBe('Use 1,000,000,000 or less.');
    expect(humaniseIssue('Invalid input: expected number, received NaN', en)).toBe('Enter a number.');
    expect(humaniseIssue('Invalid input: expected int, received number', en)).toBe('Use a whole number.');
    expect(humaniseIssue('Too big: expected string to have <=60 characters', en)).toBe('Use at most 60 characters.');
    expect(humaniseIssue('Too small: expected array to have >=1 items', en)).toBe('Keep at least one row.');
    expect(humaniseIssue('Invalid option: expected one of "likes"|"diamonds"|"follows"', en)).toBe('Pick one of: likes, diamonds, or follows.');
    expect(humaniseIssue('Two gift tiers start at the same value.', en)).toBe('Two gift tiers start at the same value.');
  });

  it('splits API messages into field and message', () => {
    expect(splitFieldError('target: Too small: expected number to be >=1', en)).toEqual({ field: 'target', message: 'Use 1 or more.' });
    expect(splitFieldError('rules.giftTiers.1.minDiamonds: Invalid input: expected int, received number', en)).toEqual({ field: 'rules.giftTiers.1.minDiamonds', message: 'Use a whole number.' });
    expect(splitFieldError('name: Give the overlay a name.', en)).toEqual({ field: 'name', message: 'Give the overlay a name.' });
    expect(splitFieldError('settings: Invalid input', en)).toEqual({ field: null, message: 'Check this value.' });
    expect(splitFieldError('Something went wrong on our side. Please try again in a moment.', en)).toEqual({ field: null, message: 'Something went wrong on our side. Please try again in a moment.' });
  });

  it('checks a draft with the API schema and reports every field', () => {
    const draft = readDraft('GOAL', {});
    expect(draftErrors(draft, en)).toEqual({});
    if (draft.kind !== 'GOAL') throw new Error('unreachable');
    expect(draftErrors({ kind: 'GOAL', settings: { ...draft.settings, target: 0, title: 'x'.repeat(61), scale: Number.NaN } }, en)).toEqual({
      target: 'Use 1 or more.',
      title: 'Use at most 60 characters.',
      scale: 'Enter a number.',
    });
    const board = readDraft('LEADERBOARD', {});
    if (board.kind !== 'LEADERBOARD') throw new Error('unreachable');
    const tiers = [...board.settings.rules.giftTiers, { minDiamonds: 10, multiplier: 2 }];
    expect(draftErrors({ kind: 'LEADERBOARD', settings: { ...board.settings, rules: { ...board.settings.rules, giftTiers: tiers } } }, en)).toEqual({ 'rules.giftTiers': 'Two gift tiers start at the same value.' });
  });

  it('asks a gift goal for its gift, and names the new widgets’ fields', async () => {
    const draft = readDraft('GOAL', {});
    if (draft.kind !== 'GOAL') throw new Error('unreachable');
    expect(draftErrors({ kind: 'GOAL', settings: { ...draft.settings, metric: 'gift' } }, en)).toEqual({ giftId: 'Choose a gift from the list.' });
    expect(draftErrors({ kind: 'GOAL', settings: { ...draft.settings, metric: 'gift', giftId: '5655', giftName: 'Rose' } }, en)).toEqual({});
    const timer = readDraft('TIMER', {});
    if (timer.kind !== 'TIMER') throw new Error('unreachable');
    expect(draftErrors({ kind: 'TIMER', settings: { ...timer.settings, likesPerStep: 0, capMinutes: -1 } }, en)).toEqual({ likesPerStep: 'Use 1 or more.', capMinutes: 'Use 0 or more.' });
    expect(fieldLabel('capMinutes', en)).toBe('Longest total time');
    const th = await wordsIn('th');
    expect(fieldLabel('giftId', th)).toBe('ของขวัญ');
    expect(humaniseIssue('Choose a gift from the list.', th)).toBe('เลือกของขวัญจากรายการ');
  });

  it('explains failed requests, including ones that never reached us', () => {
    const apiError = (status: number, message: string) => Object.assign(new Error(message), { status });
    expect(requestErrorMessage(new TypeError('Failed to fetch'), en)).toBe('Could not reach LiveLens. Check your connection and try again.');
    expect(requestErrorMessage(apiError(401, 'Sign in to use the dashboard.'), en)).toMatch(/^Your session has ended/);
    expect(requestErrorMessage(apiError(404, 'No such overlay in your dashboard.'), en)).toMatch(/no longer exists/);
    expect(requestErrorMessage(apiError(409, 'You have 100 overlays already; delete some you no longer use.'), en)).toBe('You have 100 overlays already; delete some you no longer use.');
    expect(requestErrorMessage(apiError(400, 'target: Too small: expected number to be >=1'), en)).toBe('Use 1 or more.');
  });

  it('names fields for the error summary and gives them stable ids', () => {
    expect(fieldLabel('target', en)).toBe('Target');
    expect(fieldLabel('rules.giftTiers.0.multiplier', en)).toBe('Gift tier 1 — multiplier');
    expect(fieldLabel('blockedWords.2', en)).toBe('Blocked word 3');
    expect(fieldLabel('mystery', en)).toBe('mystery');
    expect(fieldId('rules.giftTiers.0.minDiamonds')).toBe('setting-rules-giftTiers-0-minDiamonds');
  });
});

describe('in other languages', () => {
  it('explains the rules in Russian, with plurals and the locale’s numbers', async () => {
    const ru = await wordsIn('ru');
    expect(describeRules(DEFAULT_RULES, ru)).toEqual([
      'Подписчики: 1 очко за каждые 10 лайков; остальные: 1 очко за каждые 15 лайков. Засчитываются только целые очки; оставшиеся лайки переходят дальше.',
      'Подарки: алмазы × множитель — ×1 за подарки стоимостью от 1 до 9 алмазов за штуку, ×1,2 за 10–99 и ×1,5 от 100 и выше. Здесь тоже засчитываются только целые очки; дробная часть переходит на следующий подарок.',
      'Серия одинаковых подарков засчитывается один раз, когда она закончится. Пока игра заморожена, очки не начисляются.',
      'Пример: 30 лайков от подписчика = 3 очка; подарок за 5 алмазов, отправленный 3 раза одной серией, = 15 очков.',
    ]);
    const lines = describeRules({ likesPerPointFollower: 1, likesPerPointNonFollower: 21, giftTiers: [{ minDiamonds: 2, multiplier: 1.25 }] }, ru);
    expect(lines[0]).toMatch(/^Подписчики: 1 очко за каждый лайк; остальные: 1 очко за каждые 21 лайк\./);
    expect(lines[1]).toBe('Подарки: алмазы × множитель — ×1,25 за подарки стоимостью от 2 алмазов за штуку. Здесь тоже засчитываются только целые очки; дробная часть переходит на следующий подарок.');
    expect(lines[2]).toBe('Подарки дешевле 2 алмазов считаются с множителем ×1.');
    expect(lines.at(-1)).toBe('Пример: 3 лайка от подписчика = 3 очка; подарок за 5 алмазов, отправленный 3 раза одной серией, = 18 очков.');
  });

  it('checks a draft and names fields in Russian, and passes the server’s own (translated) messages through', async () => {
    const ru = await wordsIn('ru');
    const draft = readDraft('GOAL', {});
    if (draft.kind !== 'GOAL') throw new Error('unreachable');
    expect(draftErrors({ kind: 'GOAL', settings: { ...draft.settings, target: 1_000_000_001, title: 'x'.repeat(61), accent: 'red' } }, ru)).toEqual({
      target: 'Не больше 1\u00a0000\u00a0000\u00a0000.',
      title: 'Не длиннее 60 символов.',
      accent: 'Укажите цвет в виде #ff2d55.',
    });
    expect(fieldLabel('rules.giftTiers.1.minDiamonds', ru)).toBe('Уровень подарков 2 — от скольких алмазов');
    expect(fieldLabel('obsUrl', ru)).toBe('Адрес WebSocket OBS');
    expect(splitFieldError('target: Не меньше 1.', ru)).toEqual({ field: 'target', message: 'Не меньше 1.' });
    expect(requestErrorMessage(new TypeError('Failed to fetch'), ru)).toMatch(/^Не удалось связаться с LiveLens/);
  });

  it('writes Chinese with full-width punctuation', async () => {
    const zh = await wordsIn('zh-CN');
    expect(describeRules(DEFAULT_RULES, zh)[1]).toBe('礼物：钻石数 × 倍数。单个价值 1–9 钻石的礼物 ×1；10–99 钻石 ×1.2；100 钻石及以上 ×1.5。同样只计整分，不足 1 分的部分会累计到下一份礼物。');
    expect(humaniseIssue('Too small: expected number to be >=1', zh)).toBe('不能小于 1。');
    expect(humaniseIssue('Two gift tiers start at the same value.', zh)).toBe('有两个礼物档位的起始值相同。');
    expect(fieldLabel('blockedWords.0', zh)).toBe('屏蔽词 1');
  });
});

describe('drafts', () => {
  it('reads stored settings with defaults and compares them structurally', () => {
    const draft = readDraft('QA_GAME', { countdownSeconds: 9, accent: 'nope' });
    expect(draft.kind).toBe('QA_GAME');
    expect(draft.settings).toMatchObject({ countdownSeconds: 9, accent: '#ff2d55' });
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue(Number.NaN, Number.NaN)).toBe(true);
    expect(sameValue(null, {})).toBe(false);
  });
});

describe('word filter in the editor', () => {
  it('is offered only where viewers\' names or messages appear', () => {
    // A goal bar shows the streamer's own title and numbers: a word filter there would do nothing.
    expect(offersWordFilter('GOAL')).toBe(false);
    expect(offersWordFilter('VIEWER_COUNT')).toBe(false);
    expect(offersWordFilter('TIMER')).toBe(false);
    for (const kind of ['GIFT_ALERTS', 'LEADERBOARD', 'CHAT', 'ACTIVITY', 'QA_GAME', 'TOP_GIFTER'] as const) expect(offersWordFilter(kind)).toBe(true);
  });
});

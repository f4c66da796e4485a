import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import { computeRating, type RatingDistributions } from '@/lib/stats/rating';
import { pointsValues, ratingNoteValues } from './rating-notes';

const tenSteps = (step: number, start = step) => Array.from({ length: 10 }, (_, i) => start + i * step);
const RANKED: RatingDistributions = { followers: tenSteps(100), hearts: tenSteps(1_000), engagement: tenSteps(1), liveDiamonds30d: tenSteps(10, 0) };
const EMPTY: RatingDistributions = { followers: [], engagement: [], liveDiamonds30d: [] };

const ratings = {
  ranked: computeRating({ followers: 750, hearts: 5_000, engagementPercent: 8, liveDiamonds30d: 95 }, RANKED),
  fixed: computeRating({ followers: 1_000_000, hearts: 10_000_000, engagementPercent: 3, liveDiamonds30d: 100_000 }, EMPTY),
  small: computeRating({ followers: 500, hearts: 0, engagementPercent: 9, liveDiamonds30d: null }, EMPTY),
  top: computeRating({ followers: 20_000_000, hearts: 1, engagementPercent: null, liveDiamonds30d: null }, EMPTY),
  bilibili: computeRating({ platform: 'bilibili', followers: 750, hearts: null, engagementPercent: null, liveDiamonds30d: 95 }, RANKED),
  bilibiliFixed: computeRating({ platform: 'bilibili', followers: 128_400, hearts: null, engagementPercent: null, liveDiamonds30d: 5_000_000 }, EMPTY),
  bilibiliUnwatched: computeRating({ platform: 'bilibili', followers: 128_400, hearts: null, engagementPercent: null, liveDiamonds30d: null }, EMPTY),
};

async function translator(locale: (typeof LOCALES)[number]) {
  return createTranslator({
    locale,
    messages: await loadMessages(locale),
    namespace: 'profile.ratingNotes',
    onError: (error) => {
      throw error;
    },
  });
}

/** The page's wording of every part (as rating-badge.tsx does), with its points. */
async function explain(locale: (typeof LOCALES)[number], rating: (typeof ratings)[keyof typeof ratings]) {
  const t = await translator(locale);
  const words = { under: (to: string) => t('bandUnder', { to }), over: (from: string) => t('bandOver', { from }) };
  return rating.parts.map((part) => ({
    text: t(part.note.key, ratingNoteValues(part.note, locale, words)),
    points: part.basis === 'missing' ? t('notCounted') : t('points', pointsValues(part)),
  }));
}

describe('rating notes', () => {
  it('words each part on its own, in English', async () => {
    expect(await explain('en', ratings.ranked)).toEqual([
      { text: 'More followers than 70% of the 10 accounts LiveLens has seen.', points: '21 of 30 points' },
      { text: 'More likes in total than 45% of the 10 accounts LiveLens has seen.', points: '4.5 of 10 points' },
      { text: 'Higher engagement than 75% of the 10 accounts LiveLens has seen.', points: '22.5 of 30 points' },
      { text: 'More diamonds in the last 30 days than 100% of the 10 LIVE accounts LiveLens tracks.', points: '30 of 30 points' },
    ]);
    expect((await explain('en', ratings.fixed)).map((p) => p.text)).toEqual([
      'Followers: 1M, which scores 80 of 100 on a fixed scale from 100 (0) to 10M (100).',
      'Likes in total: 10M, which scores 80 of 100 on a fixed scale from 1K (0) to 100M (100).',
      'Engagement of 3.0% is 2.0× the typical 1.5% for accounts with 1M–10M followers: 100 of 100 (typical scores 50, twice typical or more 100).',
      'Diamonds in the last 30 days: 100K, which scores 60 of 100 on a fixed scale from 100 (0) to 10M (100).',
    ]);
    expect((await explain('en', ratings.small))[2]?.text).toBe(
      'Engagement of 9.0% is 1.5× the typical 6.0% for accounts with under 10K followers: 75 of 100 (typical scores 50, twice typical or more 100).',
    );
    const missing = await explain('en', ratings.top);
    expect(missing[2]?.points).toBe('not counted');
    expect(missing[3]?.text).toMatch(/^LiveLens has not watched this account’s lives/);
  });

  it('words a Bilibili channel in gold, saying why likes and engagement are not counted', async () => {
    expect(await explain('en', ratings.bilibili)).toEqual([
      { text: 'More followers than 70% of the 10 accounts LiveLens has seen.', points: '35 of 50 points' },
      { text: 'Bilibili’s live-room figures include no total of likes, so this part’s weight goes to the others.', points: 'not counted' },
      { text: 'Bilibili’s live-room figures include no likes per video, so engagement is not measured and this part’s weight goes to the others.', points: 'not counted' },
      { text: 'More gold in the last 30 days than 100% of the 10 live channels LiveLens tracks.', points: '50 of 50 points' },
    ]);
    expect((await explain('en', ratings.bilibiliFixed))[3]?.text).toBe('Gold in the last 30 days: 5M, which scores 60 of 100 on a fixed scale from 5K (0) to 500M (100).');
    expect((await explain('en', ratings.bilibiliUnwatched))[3]?.text).toBe('LiveLens has not watched this channel’s lives, so there is no gold to count and this part’s weight goes to the others.');
    for (const locale of LOCALES) {
      const t = await translator(locale);
      const words = (await explain(locale, ratings.bilibili)).map((p) => p.text).join(' ') + t('partLive', { unit: 'gold' });
      expect(words, locale).not.toMatch(/diamond|алмаз|เพชร|钻石|TikTok/i);
    }
    expect((await explain('ru', ratings.bilibili))[3]?.text).toBe('Золота за последние 30 дней больше, чем у 100\u00a0% из 10 каналов с эфирами, за которыми следит LiveLens.');
  });

  it('formats numbers in the page’s language', async () => {
    const ru = await explain('ru', ratings.ranked);
    expect(ru[0]).toEqual({ text: 'Подписчиков больше, чем у 70\u00a0% из 10 аккаунтов, которые видел LiveLens.', points: '21 балл из 30' });
    expect(ru[1]?.points).toBe('4,5 балла из 10');
    expect((await explain('ru', ratings.fixed))[0]?.text).toBe('Подписчиков: 1\u00a0млн — это 80 из 100 по фиксированной шкале, где 100 дают 0, а 10\u00a0млн — 100.');
    expect((await explain('ru', ratings.small))[2]?.text).toBe(
      'Вовлечённость 9,0\u00a0% при типичной 6,0\u00a0% для аккаунтов с числом подписчиков меньше 10\u00a0тыс.: отношение 1,5, то есть 75 из 100 (типичная даёт 50, вдвое выше и больше — 100).',
    );
    expect((await explain('zh-CN', ratings.ranked))[0]?.text).toBe('粉丝数超过 LiveLens 收录的 10 个账号中的 70%。');
  });

  it('renders every note of every kind in every language, with no argument left out', async () => {
    for (const locale of LOCALES) {
      for (const rating of Object.values(ratings)) {
        for (const part of await explain(locale, rating)) {
          expect(part.text, locale).not.toMatch(/[{}]/);
          expect(part.points, locale).not.toMatch(/[{}]/);
        }
      }
    }
    const seen = new Set(Object.values(ratings).flatMap((r) => r.parts.map((p) => p.note.key)));
    expect(seen.size).toBe(12);
  });
});

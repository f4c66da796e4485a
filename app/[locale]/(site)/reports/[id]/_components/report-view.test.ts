// The web report as a reader sees it: their language, zone and currency, and no variable names.
import { createTranslator, NextIntlClientProvider } from 'next-intl';
import { createElement, type ComponentProps } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { displayOf } from '@/lib/i18n/display-settings';
import type { Locale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import { DEFAULT_EXCHANGE_RATES, type Currency } from '@/lib/money/convert';
import { writeBandComparison } from '@/lib/reports/band-text';
import { generateReport } from '@/lib/reports/generate';
import { readStoredReport } from '@/lib/reports/stored';
import { writeGuideTexts } from '@/lib/reports/guide-text';
import { EVIDENCE_METRICS, type ReportData, type ReportInput } from '@/lib/reports/types';
import { ReportView } from './report-view';

const AT = new Date('2025-06-01T12:00:00.000Z');

const input: ReportInput = {
  account: { handle: 'nok.streams', nickname: 'Nok', verified: true, region: 'TH', privateAccount: false },
  snapshot: { fetchedAt: AT, followers: 25_000n, following: 300n, hearts: 120_000n, videos: 120n, diggs: 4_000n, friends: 50n, avgViews: null },
  history: [{ at: new Date(AT.getTime() - 28 * 86_400_000), videos: 114n, followers: 24_000n, hearts: 110_000n }],
  bandPeers: [12_000n, 20_000n, 30_000n, 40_000n, 50_000n].map((followers) => ({ followers, hearts: followers * 4n, videos: 100n })),
  collectedAt: AT,
  lives: [
    { startedAt: new Date('2025-05-10T23:00:00Z'), endedAt: new Date('2025-05-11T01:00:00Z'), diamonds: 5_000n },
    { startedAt: new Date('2025-05-20T14:00:00Z'), endedAt: new Date('2025-05-20T15:00:00Z'), diamonds: 1_000n },
  ],
  gifterDiamonds: [4_000n, 2_000n],
};

async function render(locale: Locale, timeZone: string, currency: Currency, report: ReportData = generateReport(input, AT)): Promise<string> {
  const messages = await loadMessages(locale);
  const display = displayOf({ locale, timeZone, timeZoneSource: 'saved', currency, rates: DEFAULT_EXCHANGE_RATES });
  const reader = { t: createTranslator({ locale, messages, namespace: 'reports' }), display };
  const guide = writeGuideTexts(report, reader);
  const comparison = writeBandComparison(report.band, reader, 'compact');
  // (.test.ts files have no JSX; the provider's props type wants its children among them.)
  const providerProps = { locale, messages, timeZone } as ComponentProps<typeof NextIntlClientProvider>;
  const html = renderToStaticMarkup(createElement(NextIntlClientProvider, providerProps, createElement(ReportView, { report, guide, comparison, display })));
  // The text as read: tags dropped, entities and the language's no-break spaces as plain text.
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[\s\u00a0\u202f]+/g, ' ');
}

describe('ReportView', () => {
  it('shows a Russian reader in Bangkok rubles marked ≈ with the rates note, dates and the best hour in their zone', async () => {
    const text = await render('ru', 'Asia/Bangkok', 'RUB');
    expect(text).toContain('создан 1 июня 2025 г. по данным на 1 июня 2025 г.');
    expect(text).toContain('Заработок в эфирах, 30 дн. ≈1 878 ₽–2 816 ₽');
    expect(text).toContain('Суммы со знаком ≈ в RUB пересчитаны из долларов США по курсу на 28 ноября 2025 г.');
    // 23:00 UTC is 06:00 in Bangkok; the tile names the zone.
    expect(text).toContain('Лучшее время начала 06:00–07:00 Asia/Bangkok (GMT+7)');
    expect(text).toContain('Эфиры, начатые между 06:00 и 07:00, собирали в среднем 5 000 алмазов');
    expect(text).toContain('2 мая 2025 г. – 1 июня 2025 г.');
    expect(text).toContain('Сравнение с аккаунтами, у которых 10 тыс.–100 тыс. подписчиков');
    expect(text).toContain('Основано на показателе «Видео в неделю»: 1,5 (ориентир — 3)');
    // Figures are named in words, never by their variable names.
    for (const metric of EVIDENCE_METRICS) expect(text).not.toContain(metric === 'followers' || metric === 'videos' ? `${metric} =` : metric);
  });

  it('shows a Chinese reader yuan and Shanghai time', async () => {
    const text = await render('zh-CN', 'Asia/Shanghai', 'CNY');
    expect(text).toContain('生成于 2025年6月1日，数据截至 2025年6月1日');
    expect(text).toContain('直播收入（30 天） ≈¥170–¥255');
    expect(text).toContain('最佳开播时间 07:00–08:00 Asia/Shanghai (GMT+8)');
    expect(text).toContain('依据：每周视频数 — 1.5（参考值：3）');
  });

  it('shows US dollars as they are, without the conversion note', async () => {
    const text = await render('en', 'UTC', 'USD');
    expect(text).toContain('LIVE earnings, 30 d $24–$36');
    expect(text).not.toContain('converted from US dollars');
    expect(text).toMatch(/Best start time 11:00 PM–12:00 AM UTC/);
    expect(text).toContain('Based on: Follower growth per week — 1.0% (benchmark: 1.0%)');
  });

  // "Earnings / video" added a sponsor's price for one video to Creator Rewards and called it earnings.
  it('shows Creator Rewards per video and a sponsored video price apart', async () => {
    const text = await render('en', 'UTC', 'USD');
    expect(text).not.toContain('Earnings / video');
    expect(text).toMatch(/Creator Rewards \/ video \$[\d.]+–\$[\d.]+ estimate/);
    expect(text).toMatch(/Sponsored video price \$[\d,]+–\$[\d,]+ paid per video a brand books/);
    const small = await render('en', 'UTC', 'USD', generateReport({ ...input, snapshot: { ...input.snapshot, followers: 800n } }, AT));
    expect(small).toContain('Creator Rewards / video — not eligible under 10K followers');
    expect(small).toContain('Sponsored video price — paid per video a brand books');
  });

  // Reports bought before that change kept the same parts (its "Earnings / video" was their sum, `total`),
  // priced the sponsored video at $10–$25 per 1,000 followers times engagement: $400–$1,000 here, far above
  // today's tiers. A paid snapshot keeps its numbers; it is read with today's labels, never as earnings.
  it.each([1, 2, 3])('shows a version %i report stored before the honest estimates with its own numbers, labelled apart', async (version) => {
    const text = await render('en', 'UTC', 'USD', storedBeforeHonestEstimates(version));
    expect(text).toContain('Creator Rewards / video $0.40–$1.00 estimate');
    expect(text).toContain('Sponsored video price $400–$1,000 paid per video a brand books');
    expect(text).not.toMatch(/earnings \/ video|earnings per video/i);
    expect(text).not.toContain('$400.40'); // the old total, sponsor's price and rewards added together
  });

  // Three accounts in the band used to give a table of dashes; now the table uses what there is.
  it('compares with the accounts there are when the band is too small for medians, and says how many are needed', async () => {
    const small = generateReport({ ...input, bandPeers: [12_000n, 30_000n].map((followers) => ({ followers, hearts: followers * 4n, videos: 100n })) }, AT);
    const en = card(await render('en', 'UTC', 'USD', small));
    expect(en).toContain('3 stored accounts in this band');
    expect(en).toContain('Measure This account Lowest–highest in band Place in band');
    expect(en).toContain('Followers 25K 12K–30K 2nd of 3');
    expect(en).toContain('Engagement 4.0% 4.0% 1st of 3');
    expect(en).toContain('Medians and percentiles need at least 5 accounts in a band; LiveLens stores 3 accounts in this one');
    expect(en).not.toContain('—');
    const ru = card(await render('ru', 'UTC', 'RUB', small).then((text) => text.replace('Сравнение с аккаунтами', 'Compared with accounts').replace('Активность', 'Activity')));
    expect(ru).toContain('2-е из 3');
    expect(ru).toContain('нужно минимум 5 аккаунтов, а LiveLens хранит в этой 3 аккаунта');
  });

  it('says there is nothing to compare with for an account alone in its band, and reads a version 2 report without places', async () => {
    const alone = card(await render('en', 'UTC', 'USD', generateReport({ ...input, bandPeers: [] }, AT)));
    expect(alone).toContain('This is the only account LiveLens stores in this band');
    expect(alone).not.toContain('Band median');
    const small = generateReport({ ...input, bandPeers: [12_000n, 30_000n].map((followers) => ({ followers, hearts: followers * 4n, videos: 100n })) }, AT);
    const old = card(await render('en', 'UTC', 'USD', { ...small, band: { ...small.band, standings: null } }));
    expect(old).toContain('when this report was made, LiveLens stored 3 accounts in this one, too few to compare with');
    expect(old).not.toContain('—');
  });
});

/**
 * A report as stored before the sponsored price came from published rate tiers (commit f711101), in the
 * shape of `version`, read back the way the report page reads it.
 */
function storedBeforeHonestEstimates(version: number): ReportData {
  const report = generateReport(input, AT);
  const range = (low: number, high: number) => ({ low, mid: (low + high) / 2, high });
  const perVideo = { ...report.numbers.perVideo!, creatorRewards: range(0.4, 1), sponsoredPost: range(400, 1_000), engagementFactor: 1.6, total: range(400.4, 1_001) };
  const { standings: _standings, ...bandV2 } = report.band;
  const stored = { ...report, version, numbers: { ...report.numbers, perVideo }, ...(version < 3 ? { band: bandV2 } : {}) };
  const data =
    version === 1 ? { ...stored, guide: [{ area: 'reach', title: 'Keep growing', body: 'Your followers grow.', evidence: { metric: 'followers', value: 25_000, benchmark: null, unit: 'followers' } }] } : stored;
  const read = readStoredReport(JSON.parse(JSON.stringify(data)));
  if (!read) throw new Error(`version ${version} report did not read`);
  expect(read.numbers.perVideo).toEqual(perVideo);
  return read;
}

/** The band card's text: from its title to the next card's. */
function card(text: string): string {
  return text.slice(text.indexOf('Compared with accounts'), text.indexOf('Activity'));
}

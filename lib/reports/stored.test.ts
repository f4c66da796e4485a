import { describe, expect, it } from 'vitest';
import { generateReport } from '@/lib/reports/generate';
import { readStoredReport } from '@/lib/reports/stored';
import { REPORT_VERSION, type ReportInput } from '@/lib/reports/types';

const AT = new Date('2025-06-01T12:00:00.000Z');

const input: ReportInput = {
  account: { handle: 'nok.streams', nickname: 'Nok', verified: false, region: 'TH', privateAccount: true },
  snapshot: { fetchedAt: AT, followers: 25_000n, following: 300n, hearts: 120_000n, videos: 120n, diggs: 4_000n, friends: 50n, avgViews: null },
  history: [{ at: new Date(AT.getTime() - 28 * 86_400_000), videos: 114n, followers: 24_000n, hearts: 110_000n }],
  bandPeers: [],
  collectedAt: AT,
  lives: [{ startedAt: new Date('2025-05-10T23:00:00Z'), endedAt: new Date('2025-05-11T01:00:00Z'), diamonds: 3_000n }],
  gifterDiamonds: [3_000n],
};

describe('readStoredReport', () => {
  const current = JSON.parse(JSON.stringify(generateReport(input, AT))) as unknown;

  it('reads a report of this version as it is', () => {
    expect(readStoredReport(current)).toEqual(current);
    expect(REPORT_VERSION).toBe(4);
  });

  it('reads a version 3 report (TikTok, no platform, no Super Chats or guards) as TikTok', () => {
    const report = generateReport(input, AT);
    const { platform, ...withoutPlatform } = report;
    expect(platform).toBe('tiktok');
    const live = report.numbers.live;
    expect(live).not.toBeNull();
    const { superChats30d: _s, guards30d: _g, ...liveV3 } = live ?? { superChats30d: 0, guards30d: 0 };
    const v3 = { ...withoutPlatform, version: 3, numbers: { ...report.numbers, live: liveV3 } };
    expect(readStoredReport(JSON.parse(JSON.stringify(v3)))).toEqual(report);
  });

  it('reads a version 2 report (no band standings) with its standings unknown, everything else as stored', () => {
    const report = generateReport(input, AT);
    const { standings, ...bandV2 } = report.band;
    expect(standings).not.toBeNull();
    const { platform: _platform, ...unnamed } = report;
    const read = readStoredReport(JSON.parse(JSON.stringify({ ...unnamed, version: 2, band: bandV2 })));
    expect(read).toEqual({ ...report, band: { ...bandV2, standings: null } });
  });

  it('reads a version 1 report (an English guide) with its guide written again from its figures', () => {
    const report = generateReport(input, AT);
    const { standings: _standings, ...bandV1 } = report.band;
    const v1 = {
      ...report,
      band: bandV1,
      version: 1,
      guide: [{ area: 'reach', title: 'Make your account public', body: 'Your account is private…', evidence: { metric: 'followers', value: 25_000, benchmark: null, unit: 'followers' } }],
    };
    const read = readStoredReport(JSON.parse(JSON.stringify(v1)));
    expect(read?.version).toBe(REPORT_VERSION);
    expect(read?.guide).toEqual(report.guide);
    expect(read?.guide[0]).toMatchObject({ area: 'reach', id: 'private', values: { followers: 25_000 } });
    expect(read?.numbers).toEqual(report.numbers);
    expect(read?.band).toEqual({ ...bandV1, standings: null });
  });

  it('gives null for data it cannot read', () => {
    expect(readStoredReport(null)).toBeNull();
    expect(readStoredReport({ version: 4 })).toBeNull();
    expect(readStoredReport({ ...(current as object), version: 5 })).toBeNull();
    expect(readStoredReport({ ...(current as object), platform: 'twitch' })).toBeNull();
    expect(readStoredReport({ ...(current as object), guide: [{ area: 'reach', id: 'no-such-advice', values: {}, evidence: { metric: 'followers', value: 1, benchmark: null } }] })).toBeNull();
  });
});

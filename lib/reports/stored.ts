// Reads a report as stored in `reports.data`, whatever version wrote it. Version 1 kept its guide as
// English text; its figures are all a guide needs, so its guide is written again from them (guide.ts)
// and the report reads in the reader's language like a new one. Versions 1 and 2 have no band standings
// (the peers' figures were not kept), so theirs read as null and the page says only what the band needs.
// Versions 1–3 are TikTok's (version 4 names the platform) and count no Super Chats or guards.
// Null for anything unreadable.
import { writeGuide } from '@/lib/reports/guide';
import { REPORT_VERSION, reportDataSchema, reportDataV1Schema, reportDataV2Schema, reportDataV3Schema, type ReportData } from '@/lib/reports/types';

type Numbers = ReportData['numbers'];
type NumbersV3 = Omit<Numbers, 'live'> & { live: Omit<NonNullable<Numbers['live']>, 'superChats30d' | 'guards30d'> | null };

/** Version 3's numbers as version 4 keeps them: TikTok's LIVE has no Super Chats or guards. */
function withPaidMessages(numbers: NumbersV3): Numbers {
  return { ...numbers, live: numbers.live && { ...numbers.live, superChats30d: null, guards30d: null } };
}

export function readStoredReport(data: unknown): ReportData | null {
  const current = reportDataSchema.safeParse(data);
  if (current.success) return current.data;
  const platform = 'tiktok' as const;
  const v3 = reportDataV3Schema.safeParse(data);
  if (v3.success) return { ...v3.data, version: REPORT_VERSION, platform, numbers: withPaidMessages(v3.data.numbers) };
  const v2 = reportDataV2Schema.safeParse(data);
  if (v2.success) return { ...v2.data, version: REPORT_VERSION, platform, numbers: withPaidMessages(v2.data.numbers), band: { ...v2.data.band, standings: null } };
  const v1 = reportDataV1Schema.safeParse(data);
  if (!v1.success) return null;
  const { account, cadence, growth, live } = v1.data;
  const numbers = withPaidMessages(v1.data.numbers);
  const band = { ...v1.data.band, standings: null };
  return { ...v1.data, version: REPORT_VERSION, platform, numbers, band, guide: writeGuide({ platform, account, numbers, band, cadence, growth, live }) };
}

// Reads a report as stored in `reports.data`, whatever version wrote it. Version 1 kept its guide as
// English text; its figures are all a guide needs, so its guide is written again from them (guide.ts)
// and the report reads in the reader's language like a new one. Versions 1 and 2 have no band standings
// (the peers' figures were not kept), so theirs read as null and the page says only what the band needs.
// Null for anything unreadable.
import { writeGuide } from '@/lib/reports/guide';
import { REPORT_VERSION, reportDataSchema, reportDataV1Schema, reportDataV2Schema, type ReportData } from '@/lib/reports/types';

export function readStoredReport(data: unknown): ReportData | null {
  const current = reportDataSchema.safeParse(data);
  if (current.success) return current.data;
  const v2 = reportDataV2Schema.safeParse(data);
  if (v2.success) return { ...v2.data, version: REPORT_VERSION, band: { ...v2.data.band, standings: null } };
  const v1 = reportDataV1Schema.safeParse(data);
  if (!v1.success) return null;
  const { account, numbers, cadence, growth, live } = v1.data;
  const band = { ...v1.data.band, standings: null };
  return { ...v1.data, version: REPORT_VERSION, band, guide: writeGuide({ account, numbers, band, cadence, growth, live }) };
}

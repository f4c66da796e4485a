// Reads a report as stored in `reports.data`, whatever version wrote it. Version 1 kept its guide as
// English text; its figures are all a guide needs, so its guide is written again from them (guide.ts)
// and the report reads in the reader's language like a new one. Null for anything unreadable.
import { writeGuide } from '@/lib/reports/guide';
import { REPORT_VERSION, reportDataSchema, reportDataV1Schema, type ReportData } from '@/lib/reports/types';

export function readStoredReport(data: unknown): ReportData | null {
  const current = reportDataSchema.safeParse(data);
  if (current.success) return current.data;
  const v1 = reportDataV1Schema.safeParse(data);
  if (!v1.success) return null;
  const { account, numbers, band, cadence, growth, live } = v1.data;
  return { ...v1.data, version: REPORT_VERSION, guide: writeGuide({ account, numbers, band, cadence, growth, live }) };
}

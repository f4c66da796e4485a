// What a connector that decodes its platform's messages itself (Bilibili's) reports about a live's messages:
// stored on tracked_accounts.source_report by the worker and shown on the account's status page. Commands
// the connector does not know are counted here, never an error (issue 20, item 3).
import { z } from 'zod';

const counts = z.record(z.string(), z.number());

export const sourceReportSchema = z.object({
  packets: z.number(),
  commands: z.number(),
  /** Messages received again (a duplicate packet, a reconnect's overlap), dropped. */
  duplicates: z.number(),
  unknown: counts,
  ignored: counts,
  malformed: counts,
  undecodable: z.number(),
  lastError: z.string().nullable(),
});

export type SourceReport = z.infer<typeof sourceReportSchema>;

/** The stored report, or null when there is none or it is not one. */
export function parseSourceReport(value: unknown): SourceReport | null {
  const parsed = sourceReportSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

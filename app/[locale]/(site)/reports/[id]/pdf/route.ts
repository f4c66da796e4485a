// GET /reports/{id}/pdf — the report as a PDF, for its owner or a share-link holder (others: 404).
// In the reader's language: the one its address names (/ru/reports/…/pdf), or for an address without
// one the language proxy.ts picks (saved choice, then the browser's); it arrives here as the [locale]
// segment of the rewritten address (called without one, the request's saved choice or browser language).
// Times and money follow the reader's settings (readerFormat).
import { z } from 'zod';
import { AppError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { readerFormat } from '@/lib/i18n/display';
import { LOCALES, localeOfRequest } from '@/lib/i18n/locales';
import { getReadableReport } from '@/lib/reports/access';
import { renderReportPdf } from '@/lib/reports/pdf';
import { readStoredReport } from '@/lib/reports/stored';

export const dynamic = 'force-dynamic';

const params = z.object({ locale: z.enum(LOCALES).optional(), id: z.string().max(64) });

// Optional: the owner reads it with their session, anyone else only with a live share link.
export const GET = route({ access: 'optional', params, query: z.object({ share: z.string().max(100).optional() }) }, async ({ request, user, params, query }) => {
  const readable = await getReadableReport(db, params.id, { userId: user?.id, shareToken: query.share });
  if (!readable) throw new AppError('NOT_FOUND', 'No such report.');
  const data = readStoredReport(readable.report.data);
  if (!data) throw new AppError('INTERNAL', 'This report was made by an older version of LiveLens and cannot be shown.');
  const locale = params.locale ?? localeOfRequest(request);
  const pdf = await renderReportPdf(data, await readerFormat(locale));
  return new Response(new Uint8Array(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="livelens-report-${data.account.handle}.pdf"`,
      'content-language': locale,
      'cache-control': 'private, no-store',
    },
  });
});

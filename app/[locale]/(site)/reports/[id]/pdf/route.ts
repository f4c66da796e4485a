// GET /reports/{id}/pdf — the report as a PDF, for its owner or a share-link holder (others: 404).
import { z } from 'zod';
import { AppError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { getReadableReport } from '@/lib/reports/access';
import { renderReportPdf } from '@/lib/reports/pdf';
import { reportDataSchema } from '@/lib/reports/types';

export const dynamic = 'force-dynamic';

// Optional: the owner reads it with their session, anyone else only with a live share link.
export const GET = route({ access: 'optional', params: z.object({ id: z.string().max(64) }), query: z.object({ share: z.string().max(100).optional() }) }, async ({ user, params, query }) => {
  const readable = await getReadableReport(db, params.id, { userId: user?.id, shareToken: query.share });
  if (!readable) throw new AppError('NOT_FOUND', 'No such report.');
  const data = reportDataSchema.parse(readable.report.data);
  const pdf = await renderReportPdf(data);
  return new Response(new Uint8Array(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="livelens-report-${data.account.handle}.pdf"`,
      'cache-control': 'private, no-store',
    },
  });
});

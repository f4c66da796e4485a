// GET /api/health — database, realtime server and worker heartbeat status; 200 when all are healthy.
import { route } from '@/lib/api/route';
import { getHealth } from '@/lib/health';

export const dynamic = 'force-dynamic';

export const GET = route({ access: 'public' }, async () => {
  const report = await getHealth();
  return Response.json(report, { status: report.status === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
});

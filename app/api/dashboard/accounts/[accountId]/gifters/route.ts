// GET /api/dashboard/accounts/{accountId}/gifters — a watched account's gifter leaderboard (7d, 30d or all).
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { requireWatchedAccount } from '@/lib/dashboard/access';
import { GIFTER_PERIODS, gifterLeaderboard } from '@/lib/dashboard/gifters';

export const dynamic = 'force-dynamic';

const gifterParams = z.object({ accountId: z.string().min(1).max(64) });
const leaderboardQuery = z.object({
  period: z.enum(GIFTER_PERIODS).default('7d'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export const GET = route({ access: 'member', params: gifterParams, query: leaderboardQuery }, async ({ ws, params, query }) => {
  await requireWatchedAccount(db, ws.workspaceId, params.accountId);
  const leaderboard = await gifterLeaderboard(db, params.accountId, { period: query.period, page: query.page });
  return Response.json({ period: query.period, ...leaderboard }, { headers: { 'cache-control': 'no-store' } });
});

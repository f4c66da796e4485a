// GET /api/notifications/rules — per watched account: which events notify this workspace.
// PUT /api/notifications/rules {accountId, wentLive, liveEnded, giftSpike, spikeFactor, spikeCooldownMinutes}
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { listRules, ruleInputSchema, saveRule } from '@/lib/notifications/rules';

export const dynamic = 'force-dynamic';

export const GET = route({ access: 'member' }, async ({ ws }) => ({ rules: await listRules(db, ws.workspaceId) }));

export const PUT = route({ access: 'member', body: ruleInputSchema, maxBodyBytes: 1024 }, async ({ ws, body }) => {
  await saveRule(db, ws.workspaceId, body);
  return { rules: await listRules(db, ws.workspaceId) };
});

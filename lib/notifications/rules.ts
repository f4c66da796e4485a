// Which events of each watched account a workspace is told about. No row means the defaults: went live and
// live ended on, gift spikes off (×3, at most one per 10 minutes).
import 'server-only';
import { z } from 'zod';
import type { Db } from '@/lib/db';
import { requireWatchedAccount } from '@/lib/dashboard/access';
import type { RuleView } from '@/lib/notifications/types';

export const ruleInputSchema = z.object({
  accountId: z.string().min(1).max(64),
  wentLive: z.boolean(),
  liveEnded: z.boolean(),
  giftSpike: z.boolean(),
  spikeFactor: z.number().min(1.5, 'must be at least 1.5').max(100, 'must be at most 100'),
  spikeCooldownMinutes: z.number().int().min(1, 'must be at least 1 minute').max(1440, 'must be at most a day (1440 minutes)'),
});

const DEFAULTS = { wentLive: true, liveEnded: true, giftSpike: false, spikeFactor: 3, spikeCooldownMinutes: 10 };

export async function listRules(db: Db, workspaceId: string): Promise<RuleView[]> {
  const accounts = await db.workspaceAccount.findMany({ where: { workspaceId }, include: { account: { select: { id: true, platform: true, handle: true, nickname: true } } }, orderBy: { createdAt: 'asc' } });
  const rules = await db.notificationRule.findMany({ where: { workspaceId } });
  const byAccount = new Map(rules.map((r) => [r.accountId, r]));
  return accounts.map(({ account }) => {
    const rule = byAccount.get(account.id);
    return { accountId: account.id, platform: account.platform, handle: account.handle, nickname: account.nickname, ...DEFAULTS, ...(rule ? { wentLive: rule.wentLive, liveEnded: rule.liveEnded, giftSpike: rule.giftSpike, spikeFactor: rule.spikeFactor, spikeCooldownMinutes: rule.spikeCooldownMinutes } : {}) };
  });
}

export async function saveRule(db: Db, workspaceId: string, input: z.infer<typeof ruleInputSchema>): Promise<void> {
  await requireWatchedAccount(db, workspaceId, input.accountId);
  const { accountId, ...values } = input;
  await db.notificationRule.upsert({ where: { workspaceId_accountId: { workspaceId, accountId } }, create: { workspaceId, accountId, ...values }, update: values });
}

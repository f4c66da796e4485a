// PATCH, DELETE /api/clusters/{clusterId} — renames a cluster and/or replaces its accounts; deletes it.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { clusterBodyFields, deleteCluster, updateCluster } from '@/lib/dashboard/clusters';

export const dynamic = 'force-dynamic';

const clusterParams = z.object({ clusterId: z.string().min(1).max(64) });
const updateClusterBody = z
  .object({ name: clusterBodyFields.name.optional(), accountIds: clusterBodyFields.accountIds.optional() })
  .refine((b) => b.name !== undefined || b.accountIds !== undefined, { message: 'Send a new name, a list of accounts, or both.' });

export const PATCH = route({ access: 'member', params: clusterParams, body: updateClusterBody }, async ({ ws, params, body }) => ({
  cluster: await updateCluster(db, ws.workspaceId, params.clusterId, body),
}));

export const DELETE = route({ access: 'member', params: clusterParams }, async ({ ws, params }) => {
  await deleteCluster(db, ws.workspaceId, params.clusterId);
  return { deleted: true };
});

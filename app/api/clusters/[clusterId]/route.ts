// PATCH, DELETE /api/clusters/{clusterId} — renames a cluster and/or replaces its accounts; deletes it.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { requireApiUser } from '@/lib/dashboard/access';
import { clusterBodyFields, deleteCluster, updateCluster } from '@/lib/dashboard/clusters';

export const dynamic = 'force-dynamic';

const clusterParams = z.object({ clusterId: z.string().min(1).max(64) });
const updateClusterBody = z
  .object({ name: clusterBodyFields.name.optional(), accountIds: clusterBodyFields.accountIds.optional() })
  .refine((b) => b.name !== undefined || b.accountIds !== undefined, { message: 'Send a new name, a list of accounts, or both.' });

export const PATCH = route({ params: clusterParams, body: updateClusterBody }, async ({ params, body }) => {
  const user = await requireApiUser();
  return { cluster: await updateCluster(db, user.id, params.clusterId, body) };
});

export const DELETE = route({ params: clusterParams }, async ({ params }) => {
  const user = await requireApiUser();
  await deleteCluster(db, user.id, params.clusterId);
  return { deleted: true };
});

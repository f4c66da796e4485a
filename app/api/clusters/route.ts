// POST /api/clusters — creates a cluster of accounts the current workspace watches.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { clusterBodyFields, createCluster } from '@/lib/dashboard/clusters';

export const dynamic = 'force-dynamic';

const createClusterBody = z.object({ name: clusterBodyFields.name, accountIds: clusterBodyFields.accountIds.default([]) });

export const POST = route({ access: 'member', body: createClusterBody }, async ({ ws, body }) => {
  const cluster = await createCluster(db, ws.workspaceId, body.name, body.accountIds, { createdById: ws.userId });
  return Response.json({ cluster }, { status: 201 });
});

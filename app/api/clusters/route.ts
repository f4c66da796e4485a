// POST /api/clusters — creates a cluster of accounts the signed-in user manages.
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { requireApiUser } from '@/lib/dashboard/access';
import { clusterBodyFields, createCluster } from '@/lib/dashboard/clusters';

export const dynamic = 'force-dynamic';

const createClusterBody = z.object({ name: clusterBodyFields.name, accountIds: clusterBodyFields.accountIds.default([]) });

export const POST = route({ body: createClusterBody }, async ({ body }) => {
  const user = await requireApiUser();
  const cluster = await createCluster(db, user.id, body.name, body.accountIds);
  return Response.json({ cluster }, { status: 201 });
});

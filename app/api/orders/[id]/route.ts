// GET /api/orders/{id} — the buyer's order and, once fulfilled, its report (the success page polls it).
import { z } from 'zod';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { getOwnOrder } from '@/lib/payments/orders';

export const dynamic = 'force-dynamic';

export const GET = route({ access: 'user', params: z.object({ id: z.string().max(64) }) }, async ({ user, params }) => {
  const order = await getOwnOrder(db, params.id, user.id);
  return { id: order.id, status: order.status, handle: order.account.handle, reportId: order.report?.id ?? null, testMode: order.testMode };
});

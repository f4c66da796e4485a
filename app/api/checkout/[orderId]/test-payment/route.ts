// POST /api/checkout/{orderId}/test-payment — the test-mode checkout's "pay" button (only without Stripe
// keys, only for test-mode orders): completes through the same fulfilment as a Stripe payment.
import { z } from 'zod';
import { AppError } from '@/lib/api/errors';
import { route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { fulfilOrder } from '@/lib/payments/fulfil';
import { getOwnOrder } from '@/lib/payments/orders';
import { getStripe } from '@/lib/payments/stripe';

export const dynamic = 'force-dynamic';

export const POST = route({ access: 'user', params: z.object({ orderId: z.string().max(64) }) }, async ({ user, params }) => {
  const order = await getOwnOrder(db, params.orderId, user.id);
  if (!order.testMode || getStripe()) throw new AppError('NOT_FOUND', 'No such test-mode order.');
  const outcome = await fulfilOrder(db, order.id, { paymentIntentId: null });
  return { outcome, orderId: order.id };
});

// POST /api/stripe/webhook — Stripe's payment events: raw body, signature verified, then handled once.
import { AppError } from '@/lib/api/errors';
import { readLimitedText } from '@/lib/api/body';
import { errorResponse, route } from '@/lib/api/route';
import { db } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { createLogger } from '@/lib/logger';
import { getStripe } from '@/lib/payments/stripe';
import { handleStripeEvent, verifyStripeEvent } from '@/lib/payments/webhook';

export const dynamic = 'force-dynamic';
const log = createLogger('stripe-webhook');

// Stripe's events are well under 64 KB; anything larger is not from Stripe.
const MAX_EVENT_BYTES = 256 * 1024;

// Public, from any origin: Stripe proves itself with the signature, which is over the exact raw body
// (so no body schema here: the wrapper must not parse it first).
export const POST = route({ access: 'public', origin: 'any' }, async ({ request }) => {
  const stripe = getStripe();
  const secret = getEnv().STRIPE_WEBHOOK_SECRET;
  if (!stripe || !secret) return errorResponse(new AppError('NOT_FOUND', 'Stripe is not configured on this server.'));
  const body = await readLimitedText(request, MAX_EVENT_BYTES);
  let event;
  try {
    event = verifyStripeEvent(stripe, body, request.headers.get('stripe-signature'), secret);
  } catch {
    return errorResponse(new AppError('BAD_REQUEST', 'The Stripe signature of this request is not valid.'));
  }
  try {
    const outcome = await handleStripeEvent(db, event);
    return Response.json({ received: true, outcome });
  } catch (error) {
    log.error('handling a Stripe event failed; Stripe will retry', { id: event.id, type: event.type, error });
    return errorResponse(new AppError('INTERNAL', 'The event could not be handled now; it will be retried.'));
  }
});

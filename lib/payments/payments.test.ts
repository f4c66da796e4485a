// Orders, Stripe Checkout and fulfilment. Stripe's API cannot be reached from here: session creation and
// retrieval go through the real Stripe SDK to a local stand-in of the Stripe API, and webhooks are real
// Stripe-signed payloads (stripe.webhooks.generateTestHeaderString) sent to the real route handler.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Stripe from 'stripe';
import { POST as webhookRoute } from '@/app/api/stripe/webhook/route';
import { db } from '@/lib/db';
import { resetEnvCache } from '@/lib/env';
import { confirmCheckoutSession, fulfilOrder } from '@/lib/payments/fulfil';
import { createOrder, startCheckout } from '@/lib/payments/orders';
import { createStripe } from '@/lib/payments/stripe';
import { getReadableReport } from '@/lib/reports/access';
import { createTestAccount, createTestUser } from '@/tools/testing/factories';
import { StripeStandIn } from '@/tools/testing/stripe-stand-in';
import { containing, matching } from '@/tools/testing/match';

const WEBHOOK_SECRET = 'whsec_test_livelens_webhook_secret';
const standIn = new StripeStandIn();
let stripe: Stripe;

beforeAll(async () => {
  await standIn.start();
  Object.assign(process.env, { STRIPE_SECRET_KEY: 'sk_test_livelens', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_BASE: standIn.url });
  resetEnvCache();
  stripe = createStripe('sk_test_livelens', standIn.url);
});

afterAll(async () => {
  await standIn.stop();
});

/** A buyer and an account with stored statistics (reports are built from them). */
async function buyerAndAccount() {
  const [user, account] = await Promise.all([createTestUser(db), createTestAccount(db)]);
  await db.profileSnapshot.create({ data: { accountId: account.id, followers: 54_000n, following: 210n, hearts: 1_900_000n, videos: 140n, diggs: 3_000n, friends: 40n } });
  return { user, account };
}

function signedRequest(payload: object, secret = WEBHOOK_SECRET): Request {
  const body = JSON.stringify(payload);
  const signature = stripe.webhooks.generateTestHeaderString({ payload: body, secret });
  return new Request('http://localhost/api/stripe/webhook', { method: 'POST', headers: { 'stripe-signature': signature, 'content-type': 'application/json' }, body });
}

let eventSeq = 0;
function event(type: string, object: Record<string, unknown>): { id: string; object: 'event'; type: string; api_version: string; created: number; data: { object: Record<string, unknown> } } {
  return { id: `evt_test_${Date.now()}_${++eventSeq}`, object: 'event', type, api_version: '2026-10-28.endive', created: Math.floor(Date.now() / 1000), data: { object } };
}

const session = (orderId: string, paymentStatus: 'paid' | 'unpaid' = 'paid', paid: { amount_total: number; currency: string } = { amount_total: 1900, currency: 'usd' }) => ({
  id: `cs_test_${orderId}`,
  ...paid,
  object: 'checkout.session',
  payment_status: paymentStatus,
  payment_intent: `pi_test_${orderId}`,
  client_reference_id: orderId,
  metadata: { orderId },
});

const noParams = { params: Promise.resolve({}) };

async function postWebhook(payload: object, secret?: string) {
  const response = await webhookRoute(signedRequest(payload, secret), noParams);
  return { status: response.status, body: (await response.json()) as { outcome?: string; error?: { code: string } } };
}

describe('checkout through the real Stripe SDK against a local stand-in of the Stripe API', () => {
  it('creates a payment-mode Checkout Session for a pending order, with the order in its metadata', async () => {
    const { user, account } = await buyerAndAccount();
    const order = await createOrder(db, user.id, account.id, false);
    const start = await startCheckout(db, order, { stripe, appUrl: 'http://localhost:3000', email: user.email, channel: `@${account.handle}` });
    expect(start.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/pay\/cs_test_standin_\d+$/);
    const sent = standIn.requests.at(-1);
    expect(sent?.path).toBe('/v1/checkout/sessions');
    expect(sent?.authorization).toBe('Bearer sk_test_livelens');
    expect(Object.fromEntries(sent?.form ?? [])).toMatchObject({
      mode: 'payment',
      client_reference_id: order.id,
      'metadata[orderId]': order.id,
      'line_items[0][price_data][unit_amount]': String(order.amountCents),
      'line_items[0][price_data][currency]': order.currency,
      success_url: `http://localhost:3000/checkout/success?order=${order.id}&session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `http://localhost:3000/checkout/cancel?order=${order.id}`,
    });
    const stored = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(stored).toMatchObject({ status: 'PENDING', stripeSessionId: matching(/^cs_test_standin_/) });
  });

  it('fulfils once Stripe says the session is paid (the success page confirming), and only once', async () => {
    const { user, account } = await buyerAndAccount();
    const order = await createOrder(db, user.id, account.id, false);
    await startCheckout(db, order, { stripe, appUrl: 'http://localhost:3000', channel: `@${account.handle}` });
    const { stripeSessionId } = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(await confirmCheckoutSession(db, stripe, order.id, stripeSessionId ?? '')).toBe('not_paid');
    standIn.markPaid(stripeSessionId ?? '');
    expect(await confirmCheckoutSession(db, stripe, order.id, stripeSessionId ?? '')).toBe('fulfilled');
    expect(await confirmCheckoutSession(db, stripe, order.id, stripeSessionId ?? '')).toBe('already_fulfilled');
    const fulfilled = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { report: true } });
    expect(fulfilled.status).toBe('FULFILLED');
    expect(fulfilled.stripePaymentIntentId).toBe(`pi_standin_${stripeSessionId}`);
    expect(fulfilled.report?.data).toMatchObject({ version: 4, platform: 'tiktok', account: { handle: account.handle } });
    // Another order's session cannot fulfil this one.
    const other = await createOrder(db, user.id, account.id, false);
    expect(await confirmCheckoutSession(db, stripe, other.id, stripeSessionId ?? '')).toBe('mismatch');
  });
});

describe('POST /api/stripe/webhook with Stripe-signed events', () => {
  it('fulfils on checkout.session.completed, and a replayed event changes nothing', async () => {
    const { user, account } = await buyerAndAccount();
    const order = await createOrder(db, user.id, account.id, false);
    const completed = event('checkout.session.completed', session(order.id));
    expect(await postWebhook(completed)).toEqual({ status: 200, body: { received: true, outcome: 'fulfilled' } });
    expect(await postWebhook(completed)).toEqual({ status: 200, body: { received: true, outcome: 'duplicate' } });
    expect(await db.report.count({ where: { orderId: order.id } })).toBe(1);
    expect(await db.processedStripeEvent.count({ where: { id: completed.id } })).toBe(1);
  });

  it('records and does not fulfil a signed payment whose amount, currency or session is not the order’s', async () => {
    const { user, account } = await buyerAndAccount();
    const order = await createOrder(db, user.id, account.id, false);
    // Someone else's Stripe session naming our order id, for 1 JPY: signed, but not our payment.
    const cheap = await postWebhook(event('checkout.session.completed', session(order.id, 'paid', { amount_total: 1, currency: 'jpy' })));
    expect(cheap).toMatchObject({ status: 200, body: { outcome: 'mismatch' } });
    let stored = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { report: true } });
    expect(stored).toMatchObject({ status: 'PENDING', report: null, problem: containing('paid 1 in minor units') });
    const wrongCurrency = await postWebhook(event('checkout.session.completed', session(order.id, 'paid', { amount_total: 1900, currency: 'eur' })));
    expect(wrongCurrency.body.outcome).toBe('mismatch');
    // Once the order has its own session, another session for the right amount does not pay for it either.
    await db.order.update({ where: { id: order.id }, data: { stripeSessionId: 'cs_test_the_real_one' } });
    const otherSession = await postWebhook(event('checkout.session.completed', session(order.id)));
    expect(otherSession.body.outcome).toBe('mismatch');
    stored = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { report: true } });
    expect(stored).toMatchObject({ status: 'PENDING', report: null, problem: containing('cs_test_the_real_one') });
    // The real one, for the right amount and currency, fulfils.
    const real = await postWebhook(event('checkout.session.completed', { ...session(order.id), id: 'cs_test_the_real_one' }));
    expect(real.body.outcome).toBe('fulfilled');
  });

  it('refuses a bad signature with 400 and changes nothing', async () => {
    const { user, account } = await buyerAndAccount();
    const order = await createOrder(db, user.id, account.id, false);
    const forged = await postWebhook(event('checkout.session.completed', session(order.id)), 'whsec_someone_else');
    expect(forged.status).toBe(400);
    expect(forged.body.error?.code).toBe('BAD_REQUEST');
    const unsigned = await webhookRoute(new Request('http://localhost/api/stripe/webhook', { method: 'POST', body: JSON.stringify(event('checkout.session.completed', session(order.id))) }), noParams);
    expect(unsigned.status).toBe(400);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('PENDING');
    expect(await db.report.count({ where: { orderId: order.id } })).toBe(0);
  });

  it('copes with events out of order: a delayed payment that succeeds before the completion arrives', async () => {
    const { user, account } = await buyerAndAccount();
    const order = await createOrder(db, user.id, account.id, false);
    expect((await postWebhook(event('checkout.session.async_payment_succeeded', session(order.id)))).body.outcome).toBe('fulfilled');
    expect((await postWebhook(event('checkout.session.completed', session(order.id, 'unpaid')))).body.outcome).toBe('awaiting_payment');
    expect((await postWebhook(event('checkout.session.async_payment_failed', session(order.id, 'unpaid')))).body.outcome).toBe('ignored');
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe('FULFILLED');
  });

  it('acknowledges an event for an unknown order without doing anything', async () => {
    const result = await postWebhook(event('checkout.session.completed', session('no-such-order')));
    expect(result).toEqual({ status: 200, body: { received: true, outcome: 'unknown_order' } });
  });

  it('marks failed and expired payments, and takes the report away after a full refund', async () => {
    const { user, account } = await buyerAndAccount();
    const failed = await createOrder(db, user.id, account.id, false);
    expect((await postWebhook(event('checkout.session.async_payment_failed', session(failed.id, 'unpaid')))).body.outcome).toBe('payment_failed');
    const expired = await createOrder(db, user.id, account.id, false);
    expect((await postWebhook(event('checkout.session.expired', session(expired.id, 'unpaid')))).body.outcome).toBe('expired');

    const paid = await createOrder(db, user.id, account.id, false);
    await postWebhook(event('checkout.session.completed', session(paid.id)));
    const report = await db.report.findUniqueOrThrow({ where: { orderId: paid.id } });
    expect(await getReadableReport(db, report.id, { userId: user.id })).not.toBeNull();
    const refund = event('charge.refunded', { id: `ch_${paid.id}`, object: 'charge', refunded: true, payment_intent: `pi_test_${paid.id}`, metadata: {} });
    expect((await postWebhook(refund)).body.outcome).toBe('refunded');
    expect((await db.order.findUniqueOrThrow({ where: { id: paid.id } })).status).toBe('REFUNDED');
    expect(await getReadableReport(db, report.id, { userId: user.id })).toBeNull();
    // A completion arriving after the refund does not bring the order back.
    expect(await fulfilOrder(db, paid.id, { paymentIntentId: null })).toBe('already_fulfilled');
    expect((await db.order.findUniqueOrThrow({ where: { id: paid.id } })).status).toBe('REFUNDED');
  });
});

// The Stripe SDK, configured from the settings. STRIPE_API_BASE sends its API calls to a local stand-in
// of Stripe's API (tests); everything else is the real SDK.
import 'server-only';
import Stripe from 'stripe';
import { getEnv, stripeEnabled } from '@/lib/env';

export type StripeClient = Stripe;

export function createStripe(secretKey: string, apiBase?: string): Stripe {
  const base = apiBase ? new URL(apiBase) : undefined;
  return new Stripe(secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(base ? { host: base.hostname, port: Number(base.port || (base.protocol === 'https:' ? 443 : 80)), protocol: base.protocol === 'https:' ? 'https' : 'http' } : {}),
  });
}

let client: Stripe | undefined;

/** The configured client, or undefined in test mode (no Stripe keys). */
export function getStripe(): Stripe | undefined {
  if (!stripeEnabled()) return undefined;
  const env = getEnv();
  client ??= createStripe(env.STRIPE_SECRET_KEY ?? '', env.STRIPE_API_BASE);
  return client;
}

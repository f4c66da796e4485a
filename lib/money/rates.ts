// The exchange rates this instance converts with: EXCHANGE_RATES (dated by EXCHANGE_RATES_DATE) over
// the built-in defaults. Server side; pages hand the result to client components.
import 'server-only';
import { getEnv } from '@/lib/env';
import { DEFAULT_EXCHANGE_RATES, parseExchangeRates, type ExchangeRates } from '@/lib/money/convert';

export function exchangeRates(): ExchangeRates {
  const env = getEnv();
  if (!env.EXCHANGE_RATES || !env.EXCHANGE_RATES_DATE) return DEFAULT_EXCHANGE_RATES;
  return parseExchangeRates(env.EXCHANGE_RATES, env.EXCHANGE_RATES_DATE);
}

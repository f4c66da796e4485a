// The unit a live's value is counted in on each platform (lives.diamonds, a gift's value) and what one unit
// is worth to the creator in US dollars. Values are stored in the platform's own unit and converted only
// when shown, so a changed rate never rewrites history.
import { DEFAULT_EXCHANGE_RATES } from '@/lib/money/convert';
import type { Platform, ValueUnit } from '@/lib/platforms/events';
import { USD_PER_DIAMOND, type ValueRange } from '@/lib/stats/constants';

export const VALUE_UNIT: Readonly<Record<Platform, ValueUnit>> = Object.freeze({ tiktok: 'diamonds', bilibili: 'gold' });

// Bilibili: viewers pay 1 CNY for 1,000 gold coins (金瓜子; the app sells "batteries", 1 battery = 100 gold =
// 0.1 CNY), and a gift's `total_coin` is its price in gold. Source: Bilibili's live recharge terms as issue 20
// states them (docs/bilibili-counting.md); not re-checked against the live page from this machine.
export const CNY_PER_GOLD = 0.001;

/** What viewers paid for `gold` gold coins, in CNY (before the platform's and the guild's shares). */
export function cnyPaidForGold(gold: number | bigint): number {
  const units = Number(gold);
  return Number.isFinite(units) && units > 0 ? units * CNY_PER_GOLD : 0;
}

// The share of a gift's price the streamer receives. Bilibili publishes no single rate: about half is the
// figure streamers and guild contracts commonly quote (2023–2025), lower or higher with guild terms.
// Written from those reports, not checked against a live page (this machine reaches none).
export const BILIBILI_CREATOR_SHARE: Readonly<ValueRange> = Object.freeze({ low: 0.4, mid: 0.5, high: 0.6 });

const usdPerCny = 1 / DEFAULT_EXCHANGE_RATES.perUsd.CNY;

// USD the creator receives per gold coin, at the default CNY rate (lib/money/convert.ts, dated).
export const USD_PER_GOLD: Readonly<ValueRange> = Object.freeze({
  low: CNY_PER_GOLD * usdPerCny * BILIBILI_CREATOR_SHARE.low,
  mid: CNY_PER_GOLD * usdPerCny * BILIBILI_CREATOR_SHARE.mid,
  high: CNY_PER_GOLD * usdPerCny * BILIBILI_CREATOR_SHARE.high,
});

/** USD per unit of value on a platform (TikTok's figure is USD_PER_DIAMOND, overridable by env). */
export const USD_PER_UNIT: Readonly<Record<Platform, Readonly<ValueRange>>> = Object.freeze({ tiktok: USD_PER_DIAMOND, bilibili: USD_PER_GOLD });

/** What `value` units of a platform's value are worth to the creator, in USD. */
export function usdWorthOf(platform: Platform, value: number): ValueRange {
  const rate = USD_PER_UNIT[platform];
  const units = Number.isFinite(value) && value > 0 ? value : 0;
  return { low: units * rate.low, mid: units * rate.mid, high: units * rate.high };
}

// What a live's or an account's value is worth to the creator, on the dashboard. lives.diamonds holds the
// value in the platform's own unit (lib/platforms/units.ts: TikTok diamonds, Bilibili gold), so the USD
// estimate depends on the platform: TikTok's at the configured diamond rate (USD_PER_DIAMOND, as the
// dashboard always showed), Bilibili's at its gold rate.
import 'server-only';
import { getEnv } from '@/lib/env';
import type { Platform } from '@/lib/platforms/events';
import { usdWorthOf } from '@/lib/platforms/units';
import { buildDiamondRate, estimateLiveEarnings, type UsdRange } from '@/lib/stats/estimates';

/** The creator's share of `value` units of `platform`'s value, in USD. */
export function estimateValueUsd(platform: Platform, value: number | bigint): UsdRange {
  if (platform === 'tiktok') return estimateLiveEarnings(value, buildDiamondRate(getEnv().USD_PER_DIAMOND));
  return usdWorthOf(platform, Number(value));
}

/**
 * Units of `to`'s value one unit of `from`'s is worth to the creator (exactly 1 on the same platform), at the
 * mid USD estimate of each: how a goal adds another platform's income, and how a leaderboard scores a
 * Bilibili gift by its diamond worth (70.76 gold = 1 diamond at the default rates).
 */
export function valueRate(from: Platform, to: Platform): number {
  if (from === to) return 1;
  return estimateValueUsd(from, 1).mid / estimateValueUsd(to, 1).mid;
}

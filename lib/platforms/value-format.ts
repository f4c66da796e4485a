// A live's value as the dashboard writes it, in the platform's unit (lib/platforms/units.ts): TikTok
// diamonds behind 💎 as always; Bilibili gold coins behind 🪙, with what viewers paid for them in CNY
// (1,000 gold = ¥1), since a gold count alone tells a reader little. Pure: pages and client components.
import type { Platform, ValueUnit } from '@/lib/platforms/events';
import { cnyPaidForGold, VALUE_UNIT } from '@/lib/platforms/units';
import { formatCurrency } from '@/lib/stats/format';

export const VALUE_ICON: Readonly<Record<ValueUnit, string>> = Object.freeze({ diamonds: '💎', gold: '🪙' });

/** The icon of a platform's value unit: 💎 for TikTok, 🪙 for Bilibili. */
export function valueIcon(platform: Platform): string {
  return VALUE_ICON[VALUE_UNIT[platform]];
}

/** What viewers paid for `gold` gold coins, as money in the reader's language ("CN¥365", "¥365"). */
export function formatGoldPaid(gold: number | bigint, locale: string): string {
  return formatCurrency(cnyPaidForGold(gold), 'CNY', locale);
}

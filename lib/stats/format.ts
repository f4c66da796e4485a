// Display helpers for the stats pages and reports. Output is fixed to en-US so a page rendered on
// the server and hydrated in a browser with another locale shows the same text.
//
// Counts are formatted from exact integers (bigint) rather than floats: TikTok counts can pass 2^53,
// and decimal rounding on doubles gets halves wrong (1,150 / 1,000 is 1.1499… as a double).

export const MISSING_VALUE = '—';

const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
// 'negative' so a tiny negative value shows as 0.0%, not -0.0%.
const percentFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'negative' });
const centsFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

// Smallest first: a value takes the first unit whose rounded figure stays below 1,000.
const COMPACT_UNITS = [
  { suffix: 'K', size: 1_000n },
  { suffix: 'M', size: 1_000_000n },
  { suffix: 'B', size: 1_000_000_000n },
  { suffix: 'T', size: 1_000_000_000_000n },
] as const;

// USD at or above this is shown compactly ("$12.3K"); below it in whole dollars, below $10 in cents.
const USD_COMPACT_FROM = 10_000;
const USD_CENTS_BELOW = 10;

function toExactInteger(value: number | bigint): bigint | null {
  if (typeof value === 'bigint') return value;
  return Number.isFinite(value) ? BigInt(Math.round(value)) : null;
}

function divideRoundingHalfUp(dividend: bigint, divisor: bigint): bigint {
  return (dividend + divisor / 2n) / divisor;
}

/** A whole count with thousands separators ("1,204"); exact for bigint. "—" for null or non-finite. */
export function formatCount(value: number | bigint | null | undefined): string {
  if (value === null || value === undefined) return MISSING_VALUE;
  const exact = toExactInteger(value);
  return exact === null ? MISSING_VALUE : integerFormat.format(exact);
}

/**
 * A count in compact form with at most one decimal: 999, 1.2K, 3.4M, 13.4B, 2T. Halves round up,
 * computed on the exact integer. Numbers are rounded to a whole count first. "—" for null or non-finite.
 */
export function formatCompact(value: number | bigint | null | undefined): string {
  if (value === null || value === undefined) return MISSING_VALUE;
  const exact = toExactInteger(value);
  if (exact === null) return MISSING_VALUE;
  const sign = exact < 0n ? '-' : '';
  const magnitude = exact < 0n ? -exact : exact;
  if (magnitude < 1_000n) return `${sign}${magnitude}`;

  for (const [i, unit] of COMPACT_UNITS.entries()) {
    const tenths = divideRoundingHalfUp(magnitude * 10n, unit.size);
    // 999,950 rounds to 1,000.0K: show it as 1M instead.
    if (tenths < 10_000n || i === COMPACT_UNITS.length - 1) {
      const whole = integerFormat.format(tenths / 10n);
      const decimal = tenths % 10n;
      return `${sign}${whole}${decimal === 0n ? '' : `.${decimal}`}${unit.suffix}`;
    }
  }
  return `${sign}${integerFormat.format(magnitude)}`;
}

/**
 * A USD amount: "$4.50" below $10, "$1,234" below $10,000, "$12.3K" above; "<$0.01" for a positive
 * amount that would show as zero. "—" for negative or non-finite amounts.
 */
export function formatUsd(amount: number): string {
  if (!Number.isFinite(amount) || amount < 0) return MISSING_VALUE;
  if (amount === 0) return '$0';
  if (amount < 0.005) return '<$0.01';
  if (amount < USD_CENTS_BELOW) return `$${centsFormat.format(amount)}`;
  if (amount < USD_COMPACT_FROM) return `$${integerFormat.format(amount)}`;
  return `$${formatCompact(amount)}`;
}

/** A USD range as "$12–$25", or one figure when both ends display the same. */
export function formatUsdRange(range: { low: number; high: number }): string {
  const low = formatUsd(range.low);
  const high = formatUsd(range.high);
  if (low === MISSING_VALUE || high === MISSING_VALUE) return MISSING_VALUE;
  return low === high ? low : `${low}–${high}`;
}

/** A percentage with one decimal: "4.3%", "1,234.5%". "—" for null or non-finite. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING_VALUE;
  return `${percentFormat.format(value)}%`;
}

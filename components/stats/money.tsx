'use client';

// Estimates in the reader's currency on pages rendered once for everyone (home, /top): the server's
// HTML shows the language's currency at the default rates, and the browser switches to the reader's
// saved currency after loading (useDisplay). Amounts come in as US dollars, never as formatted text.
// Put one <MoneyNote /> on the page with them.
import { useDisplay } from '@/components/site/display';
import { formatMoneyRange } from '@/lib/stats/format';

/** A USD range in the reader's currency ("$12–$25", "≈940–1 960 ₽"). */
export function MoneyRange({ low, high }: { low: number; high: number }) {
  const { money } = useDisplay();
  return <>{formatMoneyRange({ low, high }, money)}</>;
}

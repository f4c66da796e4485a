import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** Period switch as plain links, so it works before hydration and keeps the period in the address. */
export function PeriodTabs<P extends string>({ periods, current, makeHref }: { periods: readonly { value: P; label: string }[]; current: P; makeHref: (period: P) => string }) {
  const t = useTranslations('dashboard');
  return (
    <nav aria-label={t('period')} className="flex self-start rounded-lg border border-line p-1">
      {periods.map((p) => (
        <Link
          key={p.value}
          href={makeHref(p.value)}
          aria-current={p.value === current ? 'page' : undefined}
          className={`whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-semibold ${p.value === current ? 'bg-accent-strong text-white' : 'text-muted hover:text-white'}`}
        >
          {p.label}
        </Link>
      ))}
    </nav>
  );
}

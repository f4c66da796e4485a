import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { UserMenu } from '@/components/auth/user-menu';
import { LanguageSwitcher } from '@/components/site/language-switcher';

const NAV = [
  { href: '/', key: 'lookup', wide: true },
  { href: '/top', key: 'top', wide: false },
  { href: '/about', key: 'about', wide: true },
] as const;

export function SiteHeader() {
  const t = useTranslations('header');
  return (
    <header className="border-b border-line bg-surface/90 backdrop-blur print:hidden">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-panel focus:px-3 focus:py-2">
        {t('skip')}
      </a>
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight">
          <span aria-hidden className="inline-block h-3 w-3 rounded-full bg-accent shadow-[0_0_12px_var(--color-accent)]" />
          LiveLens
        </Link>
        <nav aria-label={t('nav')} className="flex flex-wrap items-center justify-end gap-1 text-sm">
          {NAV.map((item) => (
            <Link key={item.href} href={item.href} className={`${item.wide ? 'hidden sm:inline-block' : ''} rounded-md px-3 py-2 text-muted hover:bg-panel hover:text-white`}>
              {t(item.key)}
            </Link>
          ))}
          <LanguageSwitcher />
          <UserMenu />
        </nav>
      </div>
    </header>
  );
}

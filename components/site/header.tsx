import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { UserMenu } from '@/components/auth/user-menu';
import { LanguageSwitcher } from '@/components/site/language-switcher';
import { SiteMenu } from '@/components/site/site-menu';
import { readerPath } from '@/lib/i18n/locales';

const NAV = [
  { href: '/', key: 'lookup' },
  { href: '/top', key: 'top' },
  { href: '/about', key: 'about' },
] as const;

export function SiteHeader() {
  const t = useTranslations('header');
  const locale = useLocale();
  // About is rendered once per language and takes it from the address: keep the reader's.
  const links = NAV.map((item) => ({ href: item.href === '/about' ? readerPath(locale, item.href) : item.href, label: t(item.key) }));
  return (
    // `relative`: the phone menu's panel opens just below the header, over the page.
    <header className="relative z-30 border-b border-line bg-surface/90 backdrop-blur print:hidden">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-panel focus:px-3 focus:py-2">
        {t('skip')}
      </a>
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight">
          <span aria-hidden className="inline-block h-3 w-3 rounded-full bg-accent shadow-[0_0_12px_var(--color-accent)]" />
          LiveLens
        </Link>
        <div className="flex items-center gap-2">
          {/* Every link in one row from `lg` up; below it, a menu button (SiteMenu) opens them. */}
          <nav aria-label={t('nav')} className="hidden items-center gap-1 text-sm lg:flex">
            {links.map((link) => (
              <Link key={link.href} href={link.href} className="rounded-md px-3 py-2 text-muted hover:bg-panel hover:text-white">
                {link.label}
              </Link>
            ))}
            <UserMenu />
          </nav>
          {/* One language choice at every width (two would share the label "Language"). */}
          <LanguageSwitcher />
          <SiteMenu links={links} />
        </div>
      </div>
    </header>
  );
}

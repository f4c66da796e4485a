'use client';

// Below the `lg` breakpoint the header has no room for every link (at 390 px it wrapped and hid Orders,
// Lookup and About), so one button opens them all: the WAI-ARIA disclosure pattern (a button with
// aria-expanded that shows and hides the list). Escape closes it and gives focus back to the button.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { UserMenu } from '@/components/auth/user-menu';

export function SiteMenu({ links }: { links: readonly { href: string; label: string }[] }) {
  const t = useTranslations('header');
  const pathname = usePathname();
  // The page the menu was opened on: when a followed link lands on another page, it is closed there.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (value: boolean) => setOpenOn(value ? pathname : null);
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpenOn(null);
      button.current?.focus();
    };
    // A tap or a focus move outside closes it, as users expect of a menu that covers the page.
    const onOutside = (event: Event) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpenOn(null);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onOutside);
    document.addEventListener('focusin', onOutside);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onOutside);
      document.removeEventListener('focusin', onOutside);
    };
  }, [open]);

  return (
    <div ref={root} className="lg:hidden">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className="flex min-h-11 items-center gap-2 rounded-md border border-line px-3 text-sm hover:bg-panel"
      >
        <MenuIcon open={open} />
        {t('menu')}
      </button>
      <div id={panelId} hidden={!open} className="absolute inset-x-0 top-full z-40 border-b border-line bg-surface shadow-lg">
        <nav aria-label={t('nav')} className="mx-auto flex max-w-6xl flex-col px-4 py-2 text-base" onClick={(event) => closeOnLink(event.target, setOpen)}>
          {links.map((link) => (
            <MenuLink key={link.href} href={link.href}>
              {link.label}
            </MenuLink>
          ))}
          <hr className="my-2 border-line" />
          <UserMenu variant="list" />
        </nav>
      </div>
    </div>
  );
}

/** A click on a link in the panel (also one to the page already shown, where the pathname stays) closes it. */
function closeOnLink(target: EventTarget, setOpen: (open: boolean) => void) {
  if (target instanceof Element && target.closest('a')) setOpen(false);
}

function MenuLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="flex min-h-11 items-center rounded-md px-3 hover:bg-panel-2">
      {children}
    </Link>
  );
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg aria-hidden width="18" height="18" viewBox="0 0 18 18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      {open ? <path d="M4 4l10 10M14 4L4 14" /> : <path d="M2 4h14M2 9h14M2 14h14" />}
    </svg>
  );
}

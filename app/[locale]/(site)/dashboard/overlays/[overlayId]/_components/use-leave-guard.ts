'use client';

// Asks before unsaved changes are lost: the browser's own prompt when the page unloads (reload, closing
// the tab, a typed address), and a confirm() for links inside the app, which navigate without unloading.
import { useEffect } from 'react';
import { leavesPage } from '@/lib/overlays/leave-guard';

export function useLeaveGuard(dirty: boolean, question: string): void {
  useEffect(() => {
    if (!dirty) return;
    // Set once the streamer agreed to leave by a link, so a full-page link does not ask a second time.
    let agreed = false;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (agreed) return;
      event.preventDefault();
      // Older Chromium builds (OBS docks, embedded browsers) only prompt when returnValue is set.
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(anchor instanceof HTMLAnchorElement)) return;
      const link = { href: anchor.href, target: anchor.target, download: anchor.hasAttribute('download') };
      if (!leavesPage(event, link, window.location.href)) return;
      if (window.confirm(question)) {
        agreed = true;
        return;
      }
      // Captured before React sees the click, so <Link> finds it prevented and stays put.
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty, question]);
}

'use client';

// Asks before unsaved changes are lost: the browser's own prompt when the page unloads (reload, closing
// the tab, a typed address), a confirm() for links inside the app, which navigate without unloading, and
// a confirm() for the Back and Forward buttons through a guard entry in the history (lib/overlays/leave-guard.ts
// explains how it works with Next's router). Agreeing once to leave is never asked again by another of them.
import { useEffect, useRef } from 'react';
import { createBackGuard, leavesPage, type BackGuard } from '@/lib/overlays/leave-guard';

export function useLeaveGuard(dirty: boolean, question: string): void {
  const questionRef = useRef(question);
  const guardRef = useRef<BackGuard | null>(null);
  useEffect(() => {
    questionRef.current = question;
  }, [question]);

  // One guard for the editor's lifetime, its listeners on for as long as the page is shown.
  useEffect(() => {
    const guard = createBackGuard(window.history, () => window.location.href, () => window.confirm(questionRef.current));
    guardRef.current = guard;
    // Capturing, so it runs before Next's router's popstate listener on window and can keep it out.
    const onPopState = (event: PopStateEvent) => guard.onPopState(event);
    window.addEventListener('popstate', onPopState, true);
    return () => {
      window.removeEventListener('popstate', onPopState, true);
      guardRef.current = null;
    };
  }, []);

  useEffect(() => {
    const guard = guardRef.current;
    if (!guard) return;
    if (dirty) guard.arm();
    else guard.disarm();
  }, [dirty]);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (guardRef.current?.released) return;
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
        guardRef.current?.release();
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

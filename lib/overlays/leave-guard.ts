// When the overlay editor must ask before a click takes the streamer away from unsaved changes. The
// browser's own prompt (beforeunload) covers reloads, closing the tab and typed addresses, but not the
// app's client-side navigation (a Next.js <Link> swaps the page without unloading it), so the editor
// checks clicks on links itself. Pure, so the rules are unit-tested; the hook beside the editor applies them.

/** The parts of a click that decide whether it follows a link in this tab. */
export type LinkClick = { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean; defaultPrevented: boolean };

/** The link clicked: its resolved address, its target and whether it is a download. */
export type ClickedLink = { href: string; target: string; download: boolean };

/**
 * True when following `link` replaces the page at `current` in this tab: a plain left click on an
 * http(s) link to another page. A new tab or window (modifier keys, middle click, target="_blank"), a
 * download, a jump within the page (#field) or a mailto: link leaves the editor where it is.
 */
export function leavesPage(click: LinkClick, link: ClickedLink, current: string): boolean {
  if (click.defaultPrevented || click.button !== 0 || click.metaKey || click.ctrlKey || click.shiftKey || click.altKey) return false;
  if (link.download || (link.target !== '' && link.target !== '_self')) return false;
  let to: URL;
  let from: URL;
  try {
    to = new URL(link.href, current);
    from = new URL(current);
  } catch {
    return false;
  }
  if (to.protocol !== 'http:' && to.protocol !== 'https:') return false;
  return to.origin !== from.origin || to.pathname !== from.pathname || to.search !== from.search;
}

// ---- Back and forward ----
//
// The browser's Back and Forward buttons neither click a link nor (between the App Router's entries, which
// share one document) unload the page, and popstate cannot be cancelled: when it fires the address has
// already changed. So while there are unsaved changes the editor keeps a guard entry on top of its own: the
// same address pushed again, its state a copy of Next's (`__NA` and the router tree), which Next's patched
// pushState lets through untouched and which a later traverse back to it restores like any other entry.
// Back then only moves from the guard entry to the editor's own entry — the same page — and the popstate
// it fires is caught first (a capturing listener on window runs before Next's bubbling one) and asked
// about: staying pushes the guard entry again and keeps Next out of it; leaving steps back once more, to
// where Back was meant to go, and lets Next handle that step. A jump further back (the long-press history
// menu) is asked about the same way; leaving then lets Next follow it directly. Forward needs nothing:
// pushing the guard entry drops the entries ahead, as any navigation does, so there is nothing to go
// forward to while changes are unsaved. Saving takes the guard entry off again (one Back press is enough
// afterwards); leaving by a link keeps it below the next page, which costs one extra Back later, harmless.

/** The key that marks the guard entry's history state. */
export const GUARD_MARK = '__livelensUnsaved';

export function isGuardEntry(state: unknown): boolean {
  return typeof state === 'object' && state !== null && (state as Record<string, unknown>)[GUARD_MARK] === true;
}

/** The guard entry's state: the editor entry's own (Next's fields included) plus the mark. */
export function guardState(current: unknown): Record<string, unknown> {
  const base = typeof current === 'object' && current !== null ? (current as Record<string, unknown>) : {};
  return { ...base, [GUARD_MARK]: true };
}

/** What the guard uses of window.history (a stand-in in the tests). */
export type HistoryLike = { readonly state: unknown; pushState(data: unknown, unused: string, url?: string | null): void; back(): void };
/** What it uses of a popstate event. */
export type PopStateLike = { readonly state: unknown; stopImmediatePropagation(): void };

export type BackGuard = {
  /** Unsaved changes: puts the guard entry on top (once). */
  arm(): void;
  /** Saved or undone: takes the guard entry off again. */
  disarm(): void;
  /** The streamer agreed to leave another way (a link, a reload): nothing more is asked. */
  release(): void;
  readonly released: boolean;
  /** Handles a popstate before Next's router sees it. */
  onPopState(event: PopStateLike): void;
};

/**
 * The Back/Forward guard over `history`: `url()` is the page's address now, `ask()` asks the streamer
 * (true: leave). Its popstate handler must run before Next's (a capturing listener on window).
 */
export function createBackGuard(history: HistoryLike, url: () => string, ask: () => boolean): BackGuard {
  let armed: { state: Record<string, unknown>; url: string } | null = null;
  let released = false;
  // Pops this guard caused itself (taking its entry off, or stepping past the editor's entry), not to be asked about.
  let ownPops = 0;
  const push = (entry: { state: Record<string, unknown>; url: string }) => history.pushState(entry.state, '', entry.url);
  return {
    arm() {
      released = false;
      if (armed) return;
      if (isGuardEntry(history.state)) {
        // Already on top (a remount, or React's double effects in development).
        armed = { state: guardState(history.state), url: url() };
        return;
      }
      armed = { state: guardState(history.state), url: url() };
      push(armed);
    },
    disarm() {
      // The address is enough when Next's router has since replaced the entry's state (a refresh drops the mark):
      // the editor pushes no entries of its own, so an entry on top at its address is the guard's.
      if (armed && (isGuardEntry(history.state) || url() === armed.url)) {
        ownPops += 1;
        history.back();
      }
      armed = null;
    },
    release() {
      released = true;
    },
    get released() {
      return released;
    },
    onPopState(event) {
      if (ownPops > 0) {
        ownPops -= 1;
        // Taking the guard entry off lands on the editor's own entry: the same page, nothing for Next to do.
        if (!released) event.stopImmediatePropagation();
        // Changes made again before that pop arrived: the guard goes back on top.
        if (armed && !released && !isGuardEntry(event.state)) push(armed);
        return;
      }
      if (!armed || released || isGuardEntry(event.state)) return;
      const entry = armed;
      if (!ask()) {
        event.stopImmediatePropagation();
        push(entry);
        return;
      }
      released = true;
      armed = null;
      if (url() === entry.url) {
        // On the editor's own entry: one more step back is where the streamer meant to go.
        event.stopImmediatePropagation();
        history.back();
      }
    },
  };
}

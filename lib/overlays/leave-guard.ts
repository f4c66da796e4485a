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

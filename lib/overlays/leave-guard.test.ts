import { describe, expect, it } from 'vitest';
import { createBackGuard, GUARD_MARK, guardState, isGuardEntry, leavesPage, type ClickedLink, type HistoryLike, type LinkClick } from '@/lib/overlays/leave-guard';

const here = 'https://app.example/en/dashboard/overlays/ov1';
const plain: LinkClick = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, defaultPrevented: false };
const link = (href: string, extra: Partial<ClickedLink> = {}): ClickedLink => ({ href, target: '', download: false, ...extra });

describe('leaving the overlay editor by a link', () => {
  it('counts in-app links to other pages (the breadcrumb, the header, the host panel)', () => {
    expect(leavesPage(plain, link('https://app.example/en/dashboard/overlays'), here)).toBe(true);
    expect(leavesPage(plain, link('/en/dashboard/games?overlay=ov1', { target: '_self' }), here)).toBe(true);
    expect(leavesPage(plain, link('https://elsewhere.example/'), here)).toBe(true);
  });

  it('ignores clicks that keep this page: new tabs, downloads, jumps to a field, mail links', () => {
    expect(leavesPage({ ...plain, ctrlKey: true }, link('/en/dashboard'), here)).toBe(false);
    expect(leavesPage({ ...plain, metaKey: true }, link('/en/dashboard'), here)).toBe(false);
    expect(leavesPage({ ...plain, button: 1 }, link('/en/dashboard'), here)).toBe(false);
    expect(leavesPage(plain, link('/en/dashboard', { target: '_blank' }), here)).toBe(false);
    expect(leavesPage(plain, link('/export.json', { download: true }), here)).toBe(false);
    expect(leavesPage(plain, link(`${here}#field-target`), here)).toBe(false);
    expect(leavesPage(plain, link('mailto:help@app.example'), here)).toBe(false);
    expect(leavesPage({ ...plain, defaultPrevented: true }, link('/en/dashboard'), here)).toBe(false);
  });
});

/**
 * A stand-in for the browser's session history: entries with an index, pushState dropping the entries ahead,
 * and Back (the button or history.back()) moving the index and firing popstate later, as browsers do. The
 * popstate goes to the guard first (its capturing listener), then, unless stopped, to a stand-in for Next's
 * router, which records the addresses it traverses to.
 */
class HistoryStandIn implements HistoryLike {
  entries: { url: string; state: unknown }[];
  index: number;
  private pending = 0;
  traversed: string[] = [];
  constructor(...urls: string[]) {
    this.entries = urls.map((url) => ({ url, state: { __NA: true, __PRIVATE_NEXTJS_INTERNALS_TREE: ['tree', url] } }));
    this.index = this.entries.length - 1;
  }
  get state(): unknown {
    return this.entries[this.index]?.state;
  }
  get url(): string {
    return this.entries[this.index]?.url ?? '';
  }
  pushState(data: unknown, _unused: string, url?: string | null): void {
    this.entries = [...this.entries.slice(0, this.index + 1), { url: url ?? this.url, state: data }];
    this.index = this.entries.length - 1;
  }
  back(): void {
    if (this.index === 0) return;
    this.index -= 1;
    this.pending += 1;
  }
  /** The history menu: several entries at once, one popstate. */
  go(delta: number): void {
    this.index = Math.max(0, Math.min(this.entries.length - 1, this.index + delta));
    this.pending += 1;
  }
  /** Delivers the popstates owed (each after the move it follows), as the event loop would. */
  settle(guard: { onPopState: (e: { state: unknown; stopImmediatePropagation(): void }) => void }): void {
    while (this.pending > 0) {
      this.pending -= 1;
      let stopped = false;
      guard.onPopState({ state: this.state, stopImmediatePropagation: () => (stopped = true) });
      if (!stopped) this.traversed.push(this.url);
    }
  }
}

const LIST = 'https://app.example/en/dashboard/overlays';

describe('leaving the overlay editor by Back or Forward', () => {
  it('marks the guard entry while keeping Next’s state in it', () => {
    const state = guardState({ __NA: true, __PRIVATE_NEXTJS_INTERNALS_TREE: ['t'] });
    expect(state).toEqual({ __NA: true, __PRIVATE_NEXTJS_INTERNALS_TREE: ['t'], [GUARD_MARK]: true });
    expect(isGuardEntry(state)).toBe(true);
    expect(isGuardEntry({ __NA: true })).toBe(false);
    expect(isGuardEntry(null)).toBe(false);
  });

  it('asks on Back with unsaved changes; staying keeps the editor and its address, Next never sees it', () => {
    const history = new HistoryStandIn(LIST, here);
    const asked: string[] = [];
    const guard = createBackGuard(history, () => history.url, () => (asked.push(history.url), false));
    guard.arm();
    guard.arm(); // a second render pushes nothing more
    expect(history.entries.map((e) => e.url)).toEqual([LIST, here, here]);
    expect(isGuardEntry(history.state)).toBe(true);
    history.back(); // the Back button
    history.settle(guard);
    expect(asked).toEqual([here]);
    expect(history.traversed).toEqual([]);
    expect(history.url).toBe(here);
    expect(isGuardEntry(history.state)).toBe(true); // guarded again for the next press
    expect(history.entries).toHaveLength(3);
  });

  it('leaving on Back goes where Back was meant to go, asked once, and lets Next follow', () => {
    const history = new HistoryStandIn(LIST, here);
    let asked = 0;
    const guard = createBackGuard(history, () => history.url, () => (asked += 1) > 0);
    guard.arm();
    history.back();
    history.settle(guard);
    expect(asked).toBe(1);
    expect(guard.released).toBe(true); // the page's beforeunload prompt stays quiet too
    expect(history.url).toBe(LIST);
    expect(history.traversed).toEqual([LIST]);
  });

  it('a jump several entries back is asked about and, if left, followed directly', () => {
    const history = new HistoryStandIn('https://app.example/en/dashboard', LIST, here);
    const guard = createBackGuard(history, () => history.url, () => true);
    guard.arm();
    history.go(-3); // the long-press history menu, past the guard, the editor and the list
    history.settle(guard);
    expect(history.traversed).toEqual(['https://app.example/en/dashboard']);
  });

  it('does nothing without unsaved changes, and saving takes the guard entry off without asking', () => {
    const history = new HistoryStandIn(LIST, here);
    let asked = 0;
    const guard = createBackGuard(history, () => history.url, () => (asked += 1) > 0);
    history.back();
    history.settle(guard);
    expect(history.traversed).toEqual([LIST]);

    const editing = new HistoryStandIn(LIST, here);
    const second = createBackGuard(editing, () => editing.url, () => (asked += 1) > 0);
    second.arm();
    second.disarm(); // saved
    editing.settle(second);
    expect(editing.url).toBe(here);
    expect(editing.traversed).toEqual([]); // the same page: Next is not bothered
    editing.back(); // one press now leaves
    editing.settle(second);
    expect(editing.traversed).toEqual([LIST]);
    expect(asked).toBe(0);
  });

  it('takes the guard entry off on saving even after Next replaced its state (router.refresh)', () => {
    const history = new HistoryStandIn(LIST, here);
    const guard = createBackGuard(history, () => history.url, () => false);
    guard.arm();
    const top = history.entries[history.index];
    if (top) top.state = { __NA: true, __PRIVATE_NEXTJS_INTERNALS_TREE: ['refreshed'] };
    guard.disarm();
    history.settle(guard);
    expect(history.index).toBe(1);
    expect(history.traversed).toEqual([]);
    history.back();
    history.settle(guard);
    expect(history.traversed).toEqual([LIST]);
  });

  it('leaving by a link first (already agreed) is not asked about again on Back', () => {
    const history = new HistoryStandIn(LIST, here);
    let asked = 0;
    const guard = createBackGuard(history, () => history.url, () => (asked += 1) > 0);
    guard.arm();
    guard.release();
    history.back();
    history.settle(guard);
    expect(asked).toBe(0);
    expect(history.traversed).toEqual([here]);
  });
});

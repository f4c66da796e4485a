import { describe, expect, it } from 'vitest';
import { leavesPage, type ClickedLink, type LinkClick } from '@/lib/overlays/leave-guard';

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

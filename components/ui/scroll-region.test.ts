// Tables that scroll sideways on a phone must be reachable from the keyboard (issue 19, WCAG 2.1.1): each
// sits in a ScrollRegion, a named region in the tab order. e2e/phone.spec.ts checks the pages with axe at
// 390 px and scrolls the lives table with the arrow keys; this checks the markup and that no page grew a
// sideways-scrolling box of its own.
import fs from 'node:fs';
import path from 'node:path';
import { createElement, type ComponentProps } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ScrollRegion } from './scroll-region';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.tsx') ? [full] : [];
  });
}

// Boxes that scroll sideways without a ScrollRegion, and why the keyboard still reaches what they hide.
const ALLOWED = new Map([
  // The account's tabs: every child is a link, and the browser scrolls a focused link into view.
  ['app/[locale]/(site)/dashboard/accounts/[accountId]/_components/account-tabs.tsx', 1],
  ['components/ui/scroll-region.tsx', 1],
]);

describe('ScrollRegion', () => {
  it('renders a named region in the tab order around its content', () => {
    // Children go in as createElement's third argument: the props without them (as compare-table.test.ts does).
    const props = { label: 'Lives of @koji', className: '-mx-4' } as ComponentProps<typeof ScrollRegion>;
    const html = renderToStaticMarkup(createElement(ScrollRegion, props, createElement('table')));
    expect(html).toMatch(/^<div role="region" aria-label="Lives of @koji" tabindex="0" class="([^"]*)"><table><\/table><\/div>$/);
    const classes = /class="([^"]*)"/.exec(html)?.[1]?.split(' ');
    expect(classes).toEqual(expect.arrayContaining(['overflow-x-auto', '-mx-4']));
  });

  it('is the only sideways-scrolling box in the pages and components', () => {
    const found = new Map<string, number>();
    for (const file of [...sourceFiles(path.join(root, 'app')), ...sourceFiles(path.join(root, 'components'))]) {
      const count = fs.readFileSync(file, 'utf8').match(/\boverflow-(?:x-)?(?:auto|scroll)\b/g)?.length ?? 0;
      if (count > 0) found.set(path.relative(root, file), count);
    }
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries(ALLOWED));
  });
});

import type { Page } from '@playwright/test';

/**
 * Null when the loaded page fits its window's width; otherwise how wide it is and the elements that stick
 * out past the window's right edge (the innermost ones, to name the culprit).
 */
export async function pageOverflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const scroller = document.scrollingElement ?? document.documentElement;
    if (scroller.scrollWidth <= window.innerWidth) return null;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && ![...el.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5))
      .slice(0, 3)
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">`);
    return `${scroller.scrollWidth} px wide: ${culprits.join(' ')}`;
  });
}

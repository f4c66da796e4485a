'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A box that scrolls sideways when its table is wider than the screen, reachable from the keyboard: a
 * named region in the tab order, so arrow keys scroll it once it has focus (WCAG 2.1.1; axe's
 * `scrollable-region-focusable`). It leaves the tab order while everything fits, so a wide screen gets no
 * stop that does nothing; the server renders it focusable, which is right on a phone and without JavaScript.
 * The focus ring sits on its edge (offset 0): boxes that run to the card's border must not lose it.
 */
export function ScrollRegion({ label, className = '', children }: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(true);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    // Called once on observing, then whenever the box or its table changes size.
    const observer = new ResizeObserver(() => setScrolls(box.scrollWidth > box.clientWidth));
    observer.observe(box);
    for (const child of box.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} role="region" aria-label={label} tabIndex={scrolls ? 0 : undefined} className={`overflow-x-auto focus-visible:outline-offset-0 ${className}`}>
      {children}
    </div>
  );
}

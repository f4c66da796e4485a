import type { Metadata } from 'next';
import type { ReactNode } from 'react';

export const metadata: Metadata = { title: 'Overlay', robots: { index: false, follow: false } };

// OBS browser sources: a transparent page with no chrome and no scrollbars, sized by the source.
const TRANSPARENT = 'html,body{background:transparent!important;overflow:hidden!important;margin:0;height:100%}';

export default function OverlayLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <style>{TRANSPARENT}</style>
      {children}
    </>
  );
}

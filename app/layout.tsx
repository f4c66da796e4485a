import type { ReactNode } from 'react';

// Every page has its document in app/[locale]/layout.tsx (proxy.ts adds the language to each page's
// address). This root only passes through; app/not-found.tsx, for addresses outside any page (an
// unknown /api/… path), brings its own document.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}

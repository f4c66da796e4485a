import Link from 'next/link';
import './[locale]/globals.css';

// Addresses outside every page (proxy.ts sends all page addresses into app/[locale]): a plain document,
// in English, with the way back. It stays static: Next renders this boundary with every page, so reading
// cookies() or headers() here to pick a language made every cached page (/@handle) fail with
// DYNAMIC_SERVER_USAGE.
export default function RootNotFound() {
  return (
    <html lang="en">
      <body className="font-sans antialiased">
        <main id="main" className="mx-auto flex max-w-xl flex-col items-center gap-3 px-4 py-16 text-center">
          <h1 className="text-2xl font-bold">Page not found</h1>
          <p className="text-muted">The page you asked for does not exist.</p>
          <Link href="/" className="rounded-md bg-accent-strong px-4 py-2 font-semibold text-white hover:opacity-90">
            Back to the home page
          </Link>
        </main>
      </body>
    </html>
  );
}

import Link from 'next/link';
import { SiteChrome } from '@/components/site/chrome';

// The root not-found boundary sits outside app/(site)/layout.tsx, so it brings the site's chrome itself.
export default function NotFound() {
  return (
    <SiteChrome>
      <div className="flex flex-col items-center gap-3 py-16 text-center">
        <h1 className="text-2xl font-bold">Page not found</h1>
        <p className="text-muted">The page you asked for does not exist, or you do not have access to it.</p>
        <Link href="/" className="rounded-md bg-accent px-4 py-2 font-semibold text-white hover:opacity-90">
          Back to the home page
        </Link>
      </div>
    </SiteChrome>
  );
}

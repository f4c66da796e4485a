import { notFound } from 'next/navigation';

// Any address no page matches: the site's own not-found page (app/[locale]/not-found.tsx), in the
// visitor's language, with the header and footer.
export default function UnknownPage() {
  notFound();
}

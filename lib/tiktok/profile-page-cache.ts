// The /@handle pages are served from Next's route cache (rendered from stored data, regenerated at most
// once a minute). A request that fetched and stored new data for an account marks its page for
// re-rendering on the next visit. Route handlers and server functions only: Next refuses it during a render.
import 'server-only';
import { revalidatePath } from 'next/cache';
import { LOCALES } from '@/lib/i18n/locales';

/** The cached page of `handle` (normalised) is out of date, in every language. */
export function revalidateProfilePage(handle: string): void {
  // The route's own paths, not the /@handle and /ru/@handle addresses proxy.ts maps onto them.
  for (const locale of LOCALES) revalidatePath(`/${locale}/profile/${handle}`);
}

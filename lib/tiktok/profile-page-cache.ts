// The /@handle pages are served from Next's route cache (rendered from stored data, regenerated at most
// once a minute). A request that fetched and stored new data for an account marks its page for
// re-rendering on the next visit. Route handlers and server functions only: Next refuses it during a render.
import 'server-only';
import { revalidatePath } from 'next/cache';

/** The cached page of `handle` (normalised) is out of date. */
export function revalidateProfilePage(handle: string): void {
  // The route file's path, not the /@handle address the rewrite in next.config.ts maps onto it.
  revalidatePath(`/profile/${handle}`);
}

import { MissingProfile } from './_components/missing-profile';

// Nothing is stored for the handle, TikTok said it does not exist, or the handle is invalid. The server
// answers 404 with page.tsx's own content (see _components/not-found-status.tsx); in the browser that
// page's 404 marker lands here, and since the page is cached the lookup itself happens in the browser
// (MissingProfile, which also explains an invalid handle).
export default function ProfileNotFound() {
  return <MissingProfile />;
}

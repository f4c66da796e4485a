import { MissingProfile } from './_components/missing-profile';

// notFound() in page.tsx: nothing is stored for the handle, or TikTok said it does not exist. The page is
// cached, so the lookup itself happens in the browser (see MissingProfile).
export default function ProfileNotFound() {
  return <MissingProfile />;
}

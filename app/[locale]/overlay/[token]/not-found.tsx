// An invalid or revoked overlay token: HTTP 404 and nothing visible on stream.
export default function OverlayNotFound() {
  return <div data-overlay-state="not-found" aria-hidden="true" />;
}

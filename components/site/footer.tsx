export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-line">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-muted sm:flex-row sm:items-center sm:justify-between">
        <p>
          LiveLens — TikTok LIVE analytics and overlays. Not affiliated with TikTok. <a href="/about" className="underline hover:text-white">About</a>
        </p>
        <p>
          Free software under the{' '}
          <a className="underline hover:text-white" href="https://www.gnu.org/licenses/agpl-3.0.html">
            GNU AGPL v3
          </a>
          .
        </p>
      </div>
    </footer>
  );
}

'use client';

import { useEffect, useRef, useState } from 'react';

/** A profile picture from TikTok's CDN, or the initials when it cannot be loaded. */
export function Avatar({ src, name, size = 64 }: { src: string | null; name: string; size?: number }) {
  const [failed, setFailed] = useState(false);
  const image = useRef<HTMLImageElement>(null);
  // An image that failed before React hydrated never fires onError for us: look at it once mounted.
  useEffect(() => {
    const img = image.current;
    if (img?.complete && img.naturalWidth === 0) setFailed(true);
  }, [src]);
  const initials = name.replace(/^@/, '').slice(0, 2).toUpperCase() || '?';
  const style = { width: size, height: size, fontSize: Math.max(10, size / 2.6) };
  if (!src || failed) {
    return (
      <span aria-hidden style={style} className="inline-flex shrink-0 items-center justify-center rounded-full bg-gradient-to-br from-accent to-accent-2 font-bold text-black">
        {initials}
      </span>
    );
  }
  return (
    // External CDN images: next/image would need every TikTok host configured and would proxy them.
    // eslint-disable-next-line @next/next/no-img-element
    <img ref={image} src={src} alt="" width={size} height={size} style={style} referrerPolicy="no-referrer" onError={() => setFailed(true)} className="shrink-0 rounded-full bg-panel-2 object-cover" />
  );
}

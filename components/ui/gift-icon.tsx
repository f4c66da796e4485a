'use client';

import { useState } from 'react';
import { giftEmoji } from '@/lib/tiktok/gift-catalog';

/** The gift's picture from TikTok's CDN when we have one and it loads; its emoji otherwise. */
export function GiftIcon({ image, giftId, name, size = 24 }: { image: string | null; giftId: string; name: string; size?: number }) {
  const [failed, setFailed] = useState(false);
  if (image && !failed && /^https:\/\//.test(image)) {
    // eslint-disable-next-line @next/next/no-img-element -- remote CDN images of unknown hosts; next/image would need every host configured
    return <img src={image} alt="" width={size} height={size} loading="lazy" referrerPolicy="no-referrer" onError={() => setFailed(true)} className="shrink-0 object-contain" style={{ width: size, height: size }} />;
  }
  return (
    <span aria-hidden className="shrink-0 text-center" style={{ width: size, fontSize: size * 0.75 }}>
      {giftEmoji(giftId, name)}
    </span>
  );
}

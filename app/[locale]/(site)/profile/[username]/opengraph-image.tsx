import { ImageResponse } from 'next/og';
import { db } from '@/lib/db';
import { formatCompact } from '@/lib/stats/format';
import { parseHandle } from '@/lib/tiktok/handle';

export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';
export const alt = 'TikTok statistics on LiveLens';

// The image renderer fetches fonts for characters outside its built-in font (emoji, other scripts) from
// the internet; a self-hosted install may have none, so the card keeps to Latin-1 text.
const latin = (text: string) => text.replace(/[^\u0020-\u00FF]/g, '').replace(/\s+/g, ' ').trim();

// The sharing card of a profile, from what is stored (never a fetch from TikTok).
export default async function ProfileImage({ params }: { params: Promise<{ username: string }> }) {
  const { username } = await params;
  const parsed = parseHandle(decodeURIComponent(username));
  const account = parsed.ok
    ? await db.tiktokAccount.findUnique({ where: { handle: parsed.handle }, include: { snapshots: { orderBy: { fetchedAt: 'desc' }, take: 1 } } })
    : null;
  const snapshot = account?.snapshots[0];
  const stats = snapshot
    ? [
        ['Followers', formatCompact(snapshot.followers)],
        ['Likes', formatCompact(snapshot.hearts)],
        ['Videos', formatCompact(snapshot.videos)],
      ]
    : [];
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', background: '#0b0b10', color: '#ececf3', padding: 64, fontSize: 32 }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 16, color: '#fe2c55', fontSize: 36, fontWeight: 700 }}>LiveLens</div>
        <div style={{ display: 'flex', flexDirection: 'column' }}>
          <div style={{ fontSize: 72, fontWeight: 800 }}>{latin(account?.nickname ?? '') || (parsed.ok ? `@${parsed.handle}` : 'TikTok statistics')}</div>
          {parsed.ok && <div style={{ color: '#9b9bb0', fontSize: 40 }}>@{parsed.handle}</div>}
        </div>
        <div style={{ display: 'flex', gap: 48 }}>
          {stats.map(([label, value]) => (
            <div key={label} style={{ display: 'flex', flexDirection: 'column' }}>
              <div style={{ fontSize: 64, fontWeight: 800, color: '#25f4ee' }}>{value}</div>
              <div style={{ color: '#9b9bb0' }}>{label}</div>
            </div>
          ))}
        </div>
      </div>
    ),
    size,
  );
}

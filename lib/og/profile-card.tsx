// The sharing card of a profile or channel (1200×630 PNG): name, a line under it ("@handle", "Bilibili live ·
// UID 123") and up to three counts, drawn in Noto Sans for every script (lib/fonts/noto.ts), so "Лиза Стрим",
// "ลิซ่า ไลฟ์สด" and "小红" appear exactly as written.
import 'server-only';
import { ImageResponse } from 'next/og';
import { fontsFor, FONT_FAMILY } from '@/lib/fonts/noto';

export const CARD_SIZE = { width: 1200, height: 630 };

export type ProfileCard = { name: string; subtitle: string | null; stats: [label: string, value: string][] };

// Control and invisible characters would draw as boxes; everything else is drawn as written.
export const printable = (text: string) => text.replace(/[\p{Cc}\p{Cf}]/gu, '').replace(/\s+/g, ' ').trim();

export function renderProfileCard(card: ProfileCard, size: { width: number; height: number } = CARD_SIZE): ImageResponse {
  const text = ['LiveLens', card.name, card.subtitle ?? '', ...card.stats.flat()].join(' ');
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', background: '#0b0b10', color: '#ececf3', padding: 64, fontSize: 32, fontFamily: FONT_FAMILY }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 16, color: '#fe2c55', fontSize: 36, fontWeight: 700 }}>LiveLens</div>
        <div style={{ display: 'flex', flexDirection: 'column' }}>
          <div style={{ fontSize: 72, fontWeight: 700 }}>{card.name}</div>
          {card.subtitle && <div style={{ color: '#9b9bb0', fontSize: 40 }}>{card.subtitle}</div>}
        </div>
        <div style={{ display: 'flex', gap: 48 }}>
          {card.stats.map(([label, value]) => (
            <div key={label} style={{ display: 'flex', flexDirection: 'column' }}>
              <div style={{ fontSize: 64, fontWeight: 700, color: '#25f4ee' }}>{value}</div>
              <div style={{ color: '#9b9bb0' }}>{label}</div>
            </div>
          ))}
        </div>
      </div>
    ),
    { ...size, fonts: fontsFor(text) },
  );
}

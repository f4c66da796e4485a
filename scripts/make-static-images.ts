// Draws the images in public/ from app/icon.svg with a real Chromium, so they can be redrawn when the
// mark changes instead of being edited by hand:
//
//   node tools/node/run.mjs app scripts/make-static-images.ts
//
// public/favicon.ico (16, 32, 48 px), public/icons/icon-{192,512}.png, public/icons/maskable-512.png (the
// mark inside the safe zone), public/icons/apple-touch-icon.png (180 px) and public/images/share.png, the
// 1200×630 picture shown when a page without its own is shared.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '..');
const PUBLIC = path.join(ROOT, 'public');
const mark = fs.readFileSync(path.join(ROOT, 'app', 'icon.svg'), 'utf8');
const markData = `data:image/svg+xml;base64,${Buffer.from(mark).toString('base64')}`;

function executable(): string | undefined {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (configured) return configured;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((candidate) => fs.existsSync(candidate));
}

const page = (body: string, background = 'transparent') =>
  `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:${background};overflow:hidden}</style></head><body>${body}</body></html>`;

/** An ICO file holding PNG images (supported by every browser since Windows Vista-era ICO readers). */
function ico(pngs: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, data }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2);
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(data.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...pngs.map((p) => p.data)]);
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: executable(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ deviceScaleFactor: 1 });
    const tab = await context.newPage();
    const shot = async (html: string, width: number, height: number): Promise<Buffer> => {
      await tab.setViewportSize({ width, height });
      await tab.setContent(html);
      return tab.screenshot({ omitBackground: true, type: 'png' });
    };
    const square = (size: number, inset = 0) =>
      shot(page(`<img src="${markData}" style="display:block;margin:${inset}px;width:${size - 2 * inset}px;height:${size - 2 * inset}px">`, inset ? '#0b0b10' : 'transparent'), size, size);

    fs.mkdirSync(path.join(PUBLIC, 'icons'), { recursive: true });
    fs.mkdirSync(path.join(PUBLIC, 'images'), { recursive: true });
    // One at a time: the shots share one tab.
    const favicons: { size: number; data: Buffer }[] = [];
    for (const size of [16, 32, 48]) favicons.push({ size, data: await square(size) });
    fs.writeFileSync(path.join(PUBLIC, 'favicon.ico'), ico(favicons));
    fs.writeFileSync(path.join(PUBLIC, 'icons', 'icon-192.png'), await square(192));
    fs.writeFileSync(path.join(PUBLIC, 'icons', 'icon-512.png'), await square(512));
    // Maskable icons are cropped to a circle or squircle: the mark stays within the central 80%.
    fs.writeFileSync(path.join(PUBLIC, 'icons', 'maskable-512.png'), await square(512, 52));
    fs.writeFileSync(path.join(PUBLIC, 'icons', 'apple-touch-icon.png'), await square(180, 12));

    const share = page(
      `<div style="width:1200px;height:630px;box-sizing:border-box;padding:96px;display:flex;flex-direction:column;justify-content:center;gap:36px;font-family:'DejaVu Sans',Arial,sans-serif;color:#f2f2f7;background:radial-gradient(circle at 85% 20%,#25f4ee33,transparent 45%),radial-gradient(circle at 80% 90%,#fe2c5533,transparent 50%),#0b0b10">
        <div style="display:flex;align-items:center;gap:28px"><img src="${markData}" style="width:120px;height:120px"><span style="font-size:84px;font-weight:700;letter-spacing:-2px">LiveLens</span></div>
        <div style="font-size:44px;line-height:1.25;color:#c9c9d6;max-width:960px">TikTok LIVE statistics, streamer dashboards, OBS overlays and growth reports</div>
      </div>`,
      '#0b0b10',
    );
    fs.writeFileSync(path.join(PUBLIC, 'images', 'share.png'), await shot(share, 1200, 630));
    console.log('wrote public/favicon.ico, public/icons/*.png, public/images/share.png');
  } finally {
    await browser.close();
  }
}

void main();

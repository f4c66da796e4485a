// What an alerts overlay makes ready when it loads: each file of the enabled variations once, pictures as
// images, sounds and videos as media, and nothing for the chime or a variation that is switched off.
import { describe, expect, it } from 'vitest';
import { alertMediaToPreload } from '@/lib/overlays/alert-media';
import { alertVariationSchema, type AlertVariation } from '@/lib/overlays/variations';

const variation = (over: Record<string, unknown>): AlertVariation => alertVariationSchema.parse({ id: `v${Math.random().toString(36).slice(2, 8)}`, ...over });

describe('alertMediaToPreload', () => {
  it('lists each picture, GIF, video and sound file of the enabled variations once, in order', () => {
    const list = alertMediaToPreload([
      variation({ sound: 'media', soundId: 'mp3', visualId: 'png', visualKind: 'IMAGE' }),
      variation({ sound: 'media', soundId: 'wav', visualId: 'gif', visualKind: 'IMAGE' }),
      variation({ sound: 'chime', visualId: 'webm', visualKind: 'VIDEO' }),
      // The same files again, and a switched-off variation's own file: nothing more to fetch.
      variation({ sound: 'media', soundId: 'mp3', visualId: 'gif' }),
      variation({ enabled: false, sound: 'media', soundId: 'off', visualId: 'off-picture' }),
      variation({ sound: 'none' }),
    ]);
    expect(list).toEqual([
      { mediaId: 'png', as: 'image' },
      { mediaId: 'mp3', as: 'media' },
      { mediaId: 'gif', as: 'image' },
      { mediaId: 'wav', as: 'media' },
      { mediaId: 'webm', as: 'media' },
    ]);
  });

  it('has nothing to fetch without variations or with the built-in chime only', () => {
    expect(alertMediaToPreload([])).toEqual([]);
    expect(alertMediaToPreload([variation({ sound: 'chime' })])).toEqual([]);
  });
});

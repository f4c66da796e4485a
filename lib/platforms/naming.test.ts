import { describe, expect, it } from 'vitest';
import { platformLocalId, platformOfId } from '@/lib/platforms/ids';
import { channelHeadlineText, channelName, channelOptionText, channelPublicPath, viewerHandleOf, viewerHandlePrefix, viewerHandleText } from '@/lib/platforms/naming';

const tiktok = { platform: 'tiktok', handle: 'luna.streams', nickname: 'Luna' } as const;
const bilibili = { platform: 'bilibili', handle: '3546001200340056', nickname: '星海电台 Xinghai Radio' } as const;

describe('channel naming', () => {
  it('names a TikTok account by its @handle, as before', () => {
    expect(channelName(tiktok)).toBe('@luna.streams');
    expect(channelName({ ...tiktok, nickname: null })).toBe('@luna.streams');
  });

  it('names a Bilibili channel by its nickname, never "@<uid>"', () => {
    expect(channelName(bilibili)).toBe('星海电台 Xinghai Radio');
    // No name stored (or only spaces): the bare uid, still without "@".
    expect(channelName({ ...bilibili, nickname: null })).toBe('3546001200340056');
    expect(channelName({ ...bilibili, nickname: '  ' })).toBe('3546001200340056');
  });

  it('writes a picker option as the pickers did for TikTok, and with the platform for Bilibili', () => {
    expect(channelOptionText(tiktok, 'TikTok')).toBe('@luna.streams — Luna');
    expect(channelOptionText(tiktok, 'TikTok', ' · ')).toBe('@luna.streams · Luna');
    expect(channelOptionText({ ...tiktok, nickname: null }, 'TikTok')).toBe('@luna.streams');
    expect(channelOptionText(bilibili, 'Bilibili')).toBe('星海电台 Xinghai Radio (Bilibili)');
  });

  it('names a channel in a message headline as notifications did for TikTok, and with the platform for Bilibili', () => {
    expect(channelHeadlineText(tiktok, 'TikTok')).toBe('Luna (@luna.streams)');
    expect(channelHeadlineText({ ...tiktok, nickname: null }, 'TikTok')).toBe('@luna.streams');
    expect(channelHeadlineText(bilibili, '哔哩哔哩')).toBe('星海电台 Xinghai Radio (哔哩哔哩)');
    expect(channelHeadlineText({ ...bilibili, nickname: null }, 'Bilibili')).toBe('3546001200340056 (Bilibili)');
  });

  it('links each channel to its own public page', () => {
    expect(channelPublicPath(tiktok)).toBe('/@luna.streams');
    expect(channelPublicPath(bilibili)).toBe('/bilibili/3546001200340056');
  });
});

describe('viewer naming', () => {
  it('shows a TikTok viewer’s @handle and no Bilibili uid', () => {
    expect(viewerHandleText('tiktok', 'alice')).toBe('@alice');
    expect(viewerHandleText('tiktok', null)).toBeNull();
    expect(viewerHandleText('bilibili', '12345')).toBeNull();
  });

  it('tells a Bilibili viewer by its namespaced user id', () => {
    expect(platformOfId('bilibili:12345')).toBe('bilibili');
    expect(platformOfId('6800000000000000001')).toBe('tiktok');
    expect(platformLocalId('bilibili:12345')).toBe('12345');
    expect(platformLocalId('6800000000000000001')).toBe('6800000000000000001');
    expect(viewerHandleOf('bilibili:12345', '12345')).toBeNull();
    expect(viewerHandleOf('6800000000000000001', 'alice')).toBe('@alice');
    expect(viewerHandlePrefix('6800000000000000001', 'alice')).toBe('@alice · ');
    expect(viewerHandlePrefix('bilibili:12345', '12345')).toBe('');
  });
});

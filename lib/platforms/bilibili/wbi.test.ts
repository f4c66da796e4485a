import { describe, expect, it } from 'vitest';
import { signWbiQuery, wbiKeysFromNav, wbiMixinKey } from '@/lib/platforms/bilibili/wbi';

// The test vector published with the algorithm (bilibili-API-collect, docs/misc/sign/wbi.md).
const IMG_KEY = '7cd084941338484aae1ad9425b84077c';
const SUB_KEY = '4932caff0ff746eab6f01bf08b70ac45';

describe('wbi signing', () => {
  it('matches the published test vector', () => {
    const mixin = wbiMixinKey(IMG_KEY, SUB_KEY);
    expect(mixin).toBe('ea1db124af3c7062474693fa704f4ff8');
    expect(signWbiQuery({ foo: '114', bar: '514', zab: 1919810 }, mixin, 1702204169)).toBe('bar=514&foo=114&wts=1702204169&zab=1919810&w_rid=8f6f2b5b3d485fe1886cec6a0be8c5d4');
  });

  it('encodes values as the web client does: spaces %20, UTF-8 upper-case, !\'()* removed', () => {
    const signed = signWbiQuery({ keyword: "贝多芬! 第五(交响)*曲'" }, 'k', 1);
    expect(signed.startsWith('keyword=%E8%B4%9D%E5%A4%9A%E8%8A%AC%20%E7%AC%AC%E4%BA%94%E4%BA%A4%E5%93%8D%E6%9B%B2&wts=1&w_rid=')).toBe(true);
  });

  it('reads the keys from the nav reply, and nothing from a reply without them', () => {
    expect(wbiKeysFromNav({ isLogin: false, wbi_img: { img_url: `https://i0.hdslb.com/bfs/wbi/${IMG_KEY}.png`, sub_url: `https://i0.hdslb.com/bfs/wbi/${SUB_KEY}.png` } })).toEqual({ imgKey: IMG_KEY, subKey: SUB_KEY });
    expect(wbiKeysFromNav({})).toBeNull();
    expect(wbiKeysFromNav({ wbi_img: { img_url: 'https://example.com/x.png', sub_url: 7 } })).toBeNull();
  });
});

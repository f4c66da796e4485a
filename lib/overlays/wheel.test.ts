// The wheel of fortune's pure parts: which gifts spin it and how often (streaks, several gifts, value
// thresholds, the cap), the weighted choice with an injected draw, landing on the chosen segment, the
// queue that never plays two spins at once, and lenient reading of stored settings.
import { describe, expect, it } from 'vitest';
import { PreviewSamples } from '@/lib/overlays/preview';
import { readKindSettings, validateSettings } from '@/lib/overlays/settings';
import { addRecentSpin, chooseSegment, finishPhase, giftQualifies, IDLE_WHEEL, landingIndex, landingRotation, receiveSpin, RECENT_SPINS, segmentAt, spinsForGift, type WheelRule, type WheelSpin } from '@/lib/overlays/wheel';

const rule = (over: Partial<WheelRule>): WheelRule => ({ id: 'r1', enabled: true, trigger: 'gifts', giftIds: [], minDiamonds: 100, ...over });
const rose = { giftId: '5655', diamondCount: 1 };
const galaxy = { giftId: '11046', diamondCount: 1000 };
const heart = { giftId: '5586', diamondCount: 5 };

describe('which gifts spin the wheel', () => {
  const settings = { rules: [rule({ giftIds: ['5655', '5586'] }), rule({ id: 'r2', trigger: 'value', minDiamonds: 500 })], maxSpinsPerGift: 10 };

  it('spins once per gift of a chosen gift id, a finished streak counting its final count', () => {
    expect(spinsForGift(settings, { ...rose, repeatCount: 1 })).toBe(1);
    expect(spinsForGift(settings, { ...heart, repeatCount: 4 })).toBe(4);
  });

  it('accepts any of several gift ids and ignores the others', () => {
    expect(giftQualifies(settings.rules, heart)).toBe(true);
    expect(giftQualifies(settings.rules, { giftId: '999', diamondCount: 10 })).toBe(false);
  });

  it('counts a value threshold per single gift, inclusive, not the streak’s total', () => {
    expect(spinsForGift(settings, { ...galaxy, repeatCount: 1 })).toBe(1);
    expect(spinsForGift(settings, { giftId: '7', diamondCount: 500, repeatCount: 2 })).toBe(2);
    expect(spinsForGift(settings, { giftId: '7', diamondCount: 499, repeatCount: 1 })).toBe(0);
    // 99 × 10-diamond gifts = 990 diamonds in all, yet no single gift reaches 500.
    expect(spinsForGift(settings, { giftId: '7', diamondCount: 10, repeatCount: 99 })).toBe(0);
  });

  it('spins once for a gift that meets two rules, and holds a long streak to the cap', () => {
    const both = { rules: [rule({ giftIds: ['11046'] }), rule({ id: 'r2', trigger: 'value', minDiamonds: 1 })], maxSpinsPerGift: 3 };
    expect(spinsForGift(both, { ...galaxy, repeatCount: 1 })).toBe(1);
    expect(spinsForGift(both, { ...rose, repeatCount: 99 })).toBe(3);
  });

  it('ignores disabled rules, and spins for nothing without rules', () => {
    expect(spinsForGift({ rules: [rule({ giftIds: ['5655'], enabled: false })], maxSpinsPerGift: 10 }, { ...rose, repeatCount: 5 })).toBe(0);
    expect(spinsForGift({ rules: [], maxSpinsPerGift: 10 }, { ...galaxy, repeatCount: 1 })).toBe(0);
  });

  it('refuses a gifts rule without gifts when saved', () => {
    const result = validateSettings('WHEEL', { segments: [{ id: 's1', label: 'Dance' }], rules: [{ id: 'r1', trigger: 'gifts', giftIds: [] }] });
    expect(result).toEqual({ ok: false, error: 'rules.0.giftIds: Choose at least one gift.' });
  });
});

describe('the weighted choice', () => {
  const segments = [{ weight: 1 }, { weight: 3 }, { weight: 6 }];

  it('maps each ticket of the draw to the segment whose weight covers it', () => {
    const pick = (ticket: number) => chooseSegment(segments, (total) => {
      expect(total).toBe(10);
      return ticket;
    });
    expect([0, 1, 3, 4, 9].map(pick)).toEqual([0, 1, 1, 2, 2]);
  });

  it('refuses a draw outside [0, total) and has nothing to choose without segments', () => {
    expect(() => chooseSegment(segments, () => 10)).toThrow(RangeError);
    expect(chooseSegment([], () => 0)).toBe(-1);
  });

  it('wins about as often as the weights say over many seeded draws', () => {
    // A small seeded generator (mulberry32), so the test is the same every run.
    let state = 42;
    const draw = (total: number) => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * total);
    };
    const wins = [0, 0, 0];
    const n = 30_000;
    for (let i = 0; i < n; i++) wins[chooseSegment(segments, draw)]! += 1;
    expect(wins[0]! / n).toBeCloseTo(0.1, 1);
    expect(wins[1]! / n).toBeCloseTo(0.3, 1);
    expect(wins[2]! / n).toBeCloseTo(0.6, 1);
    // And within 1.5 percentage points of each share.
    wins.forEach((w, i) => expect(Math.abs(w / n - [0.1, 0.3, 0.6][i]!)).toBeLessThan(0.015));
  });
});

describe('landing on the chosen segment', () => {
  it('stops with the chosen segment under the pointer, after whole turns, from any angle', () => {
    for (const count of [1, 2, 5, 8, 24]) {
      for (let index = 0; index < count; index++) {
        for (const from of [0, 37.5, 1830, -90]) {
          for (const offset of [0, 0.5, 1]) {
            const to = landingRotation(from, index, count, offset);
            expect(to - from).toBeGreaterThanOrEqual(5 * 360);
            expect(to - from).toBeLessThan(6 * 360);
            expect(segmentAt(to, count)).toBe(index);
          }
        }
      }
    }
  });

  it('finds the segment by label when the wheel was edited after the spin', () => {
    const segments = [{ label: 'Dance' }, { label: 'Sing' }];
    expect(landingIndex(segments, { segmentIndex: 1, segmentLabel: 'Sing' })).toBe(1);
    expect(landingIndex(segments, { segmentIndex: 3, segmentLabel: 'Dance' })).toBe(0);
    expect(landingIndex(segments, { segmentIndex: 0, segmentLabel: 'Gone' })).toBe(-1);
  });
});

describe('the queue on the overlay', () => {
  const segments = [{ label: 'A' }, { label: 'B' }, { label: 'C' }];
  const spin = (id: string, segmentIndex: number): WheelSpin => ({ id, overlayId: 'o', segmentIndex, segmentLabel: segments[segmentIndex]?.label ?? 'Gone', viewerName: 'Mia', giftName: 'Rose', test: false, at: 0 });

  it('plays spins one at a time in arrival order: turn, result, then the next', () => {
    let state = receiveSpin(IDLE_WHEEL, spin('1', 2), segments, 0.5);
    state = receiveSpin(state, spin('2', 0), segments, 0.5);
    state = receiveSpin(state, spin('3', 1), segments, 0.5);
    const order: string[] = [];
    const phases: string[] = [];
    for (let step = 0; step < 6; step++) {
      expect(state.playing).not.toBeNull();
      phases.push(state.playing?.phase ?? '');
      if (state.playing?.phase === 'spinning') {
        order.push(state.playing.spin.id);
        // While one plays, the others wait.
        expect(state.queue.length).toBe(3 - order.length);
        expect(segmentAt(state.rotation, segments.length)).toBe(state.playing.index);
      }
      state = finishPhase(state, segments, 0.5);
    }
    expect(order).toEqual(['1', '2', '3']);
    expect(phases).toEqual(['spinning', 'result', 'spinning', 'result', 'spinning', 'result']);
    expect(state.playing).toBeNull();
  });

  it('plays a spin delivered twice once, and shows a spin whose segment is gone without turning', () => {
    let state = receiveSpin(IDLE_WHEEL, spin('1', 0), segments, 0.5);
    state = receiveSpin(state, spin('1', 0), segments, 0.5);
    expect(state.queue).toEqual([]);
    state = finishPhase(finishPhase(state, segments, 0.5), segments, 0.5);
    state = receiveSpin(state, spin('1', 0), segments, 0.5);
    expect(state.playing).toBeNull();
    const before = state.rotation;
    state = receiveSpin(state, { ...spin('9', 0), segmentLabel: 'Gone', segmentIndex: 7 }, segments, 0.5);
    expect(state.playing).toMatchObject({ index: -1, phase: 'result' });
    expect(state.rotation).toBe(before);
  });
});

describe('the editor’s recent results', () => {
  const result = (id: number, at: number): WheelSpin => ({ id: String(id), overlayId: 'o1', segmentIndex: 0, segmentLabel: 'Dance', viewerName: 'ann', giftName: 'Rose', test: false, at });

  it('puts a spin that arrives on top, and a late delivery in its place by time', () => {
    const list = [result(3, 3000), result(2, 2000)];
    expect(addRecentSpin(list, result(4, 4000)).map((s) => s.id)).toEqual(['4', '3', '2']);
    expect(addRecentSpin(list, result(1, 1000)).map((s) => s.id)).toEqual(['3', '2', '1']);
    // Two spins of one streak share a millisecond: the later row (id 10 after id 9) comes first.
    expect(addRecentSpin([result(9, 5000)], result(10, 5000)).map((s) => s.id)).toEqual(['10', '9']);
  });

  it('lists a spin delivered twice (the message and the Spin now answer) once', () => {
    const once = addRecentSpin([result(1, 1000)], result(2, 2000));
    expect(addRecentSpin(once, result(2, 2000))).toEqual(once);
  });

  it('keeps the newest RECENT_SPINS', () => {
    let list: WheelSpin[] = [];
    for (let i = 1; i <= RECENT_SPINS + 5; i++) list = addRecentSpin(list, result(i, i * 1000));
    expect(list).toHaveLength(RECENT_SPINS);
    expect(list[0]?.id).toBe(String(RECENT_SPINS + 5));
    expect(list.at(-1)?.id).toBe('6');
  });
});

describe('stored wheel settings', () => {
  it('drops only a broken segment or rule, keeping the rest of the wheel', () => {
    const read = readKindSettings('WHEEL', {
      title: 'Prizes',
      segments: [{ id: 's1', label: 'Dance', colour: '#00ff00', weight: 2 }, { id: 's2', label: '', weight: 1 }, { id: 's3', label: 'Sing' }],
      rules: [{ id: 'r1', trigger: 'gifts', giftIds: ['5655'] }, { id: 'r2', trigger: 'gifts', giftIds: [] }],
    });
    if (read.kind !== 'WHEEL') throw new Error('unreachable');
    expect(read.settings.title).toBe('Prizes');
    expect(read.settings.segments.map((s) => [s.label, s.weight, s.colour])).toEqual([['Dance', 2, '#00ff00'], ['Sing', 1, '#ff2d55']]);
    expect(read.settings.rules.map((r) => r.id)).toEqual(['r1']);
  });

  it('gives the preview a sample spin on a segment, won by a gift that meets the first rule', () => {
    const read = readKindSettings('WHEEL', { segments: [{ id: 's1', label: 'Dance' }, { id: 's2', label: 'Sing' }], rules: [{ id: 'r1', trigger: 'value', minDiamonds: 1000 }] });
    const [scheduled] = new PreviewSamples('overlay-1', 'session').test(read);
    const event = scheduled?.event;
    if (event?.name !== 'wheel-spin') throw new Error(`expected a spin, got ${event?.name}`);
    expect(['Dance', 'Sing']).toContain(event.data.segmentLabel);
    expect(event.data).toMatchObject({ overlayId: 'overlay-1', test: false });
    expect(event.data.giftName).toBeTruthy();
    expect(new PreviewSamples('overlay-1', 'session').test(readKindSettings('WHEEL', {}))).toEqual([]);
  });
});

describe('a new wheel', () => {
  it('starts with example prizes in the dashboard’s language, which follow a language change until renamed', async () => {
    const { initialSettings, withLanguage, WHEEL_SAMPLE_SEGMENTS } = await import('@/lib/overlays/default-texts');
    const read = readKindSettings('WHEEL', initialSettings('WHEEL', 'ru'));
    if (read.kind !== 'WHEEL') throw new Error('unreachable');
    expect(read.settings.segments.map((s) => s.label)).toEqual(WHEEL_SAMPLE_SEGMENTS.ru);
    const renamed = { ...read.settings, segments: read.settings.segments.map((s, i) => (i === 0 ? { ...s, label: 'Мой приз' } : s)) };
    const th = withLanguage('WHEEL', renamed, 'th');
    expect(th.segments.map((s) => s.label)).toEqual(['Мой приз', ...WHEEL_SAMPLE_SEGMENTS.th.slice(1)]);
    expect(th.title).toBe('วงล้อนำโชค');
  });
});

// Realistic synthetic LIVE sessions: chat, likes, joins, follows, shares, viewer counts, streakable and
// single gifts, duplicate frames and messages, a streak whose end frame never comes, placeholder names
// that later become real, and the stream's end. The generator knows what it sent, so it also states the
// totals a correct pipeline must store (`expected`) — computed here from the plan, never by our pipeline.
import { GIFT_CATALOG } from '@/lib/tiktok/gift-catalog';
import { createRandom, type Random } from '@/lib/seed/random';
import { demoViewerId } from '@/lib/seed/viewer-id';
import { encodePushFrame, type SynthGift, type SynthMessage, type SynthUser } from '@/lib/live/synth-frames';

export type SynthOptions = {
  seed: number;
  handle: string;
  roomId: string;
  /** Length of the session. */
  durationSec: number;
  /** TikTok's createTime of the first message. */
  startTime: number;
  audience?: number;
  peakViewers?: number;
  chatsPerMinute?: number;
  likeMessagesPerMinute?: number;
  giftsPerMinute?: number;
  /** Relative chance of each gift by its value in diamonds (default: a lively room with some big gifts). */
  giftWeight?: (gift: { diamondCount: number }) => number;
  joinsPerMinute?: number;
  followsPerMinute?: number;
  sharesPerMinute?: number;
  /** Share of frames sent twice. */
  duplicateFrameRate?: number;
  /** Include a streak whose end frame never arrives. */
  unendedStreak?: boolean;
  /** End with TikTok's stream-end control message. */
  streamEnd?: boolean;
};

export type ExpectedTotals = {
  diamonds: number;
  gifts: number;
  likes: number;
  comments: number;
  follows: number;
  shares: number;
  peakViewers: number;
  uniqueGifters: number;
};

export type SynthSession = { header: { handle: string; roomId: string }; frames: { t: number; frame: Buffer }[]; expected: ExpectedTotals; messages: number };

const CHAT_LINES = [
  'hello!! 👋', 'love this song', 'first time here', 'can you say hi to me?', 'where are you from?', '🔥🔥🔥', 'lol', 'W stream',
  'greetings from Brazil 🇧🇷', 'saludos desde México', 'привет из Москвы', 'สวัสดีจากกรุงเทพ', 'こんばんは', 'what mic is that?',
  'tap tap tap ❤️', '10k likes let’s go', 'play it again pls', 'good night everyone', 'what is your favourite game?',
  // Hostile strings must come out of storage and into pages as plain text.
  '<script>alert("x")</script>', '\u202Egnp.exe', "'; DROP TABLE chats; --", 'a'.repeat(150),
];
const NAMES = ['ka', 'mi', 'ro', 'zen', 'lu', 'ta', 'vi', 'no', 'sa', 'rei', 'jo', 'ma', 'xo', 'li', 'pa', 'dan', 'el', 'ko', 'ri', 'yu'];
// The generator's quiet period is well away from the normaliser's 10 s streak timeout, so the result
// does not depend on replay speed.
const TAP_GAP_MS: [number, number] = [120, 900];
const UNENDED_QUIET_MS = 25_000;

/** The session's viewers; the same handle is the same user (id) in every session and in the seeded data. */
export function makeAudience(random: Random, size: number): SynthUser[] {
  return Array.from({ length: size }, (_, i) => {
    const base = `${random.pick(NAMES)}${random.pick(NAMES)}`;
    const handle = `${base}_${i}`;
    // Ids used to be drawn here; the draw is kept so the rest of every generated session stays the same.
    random.int(0, 7000);
    return { id: demoViewerId(handle), handle, nickname: `${base.charAt(0).toUpperCase()}${base.slice(1)} ${i}`, follower: random.chance(0.35) };
  });
}

/** Poisson-ish arrival times for `perMinute` events over the session. */
function arrivals(random: Random, perMinute: number, durationMs: number): number[] {
  const times: number[] = [];
  if (perMinute <= 0) return times;
  const meanGap = 60_000 / perMinute;
  for (let t = random.next() * meanGap; t < durationMs; t += -Math.log(1 - random.next() * 0.999) * meanGap) times.push(Math.floor(t));
  return times;
}

export function generateSession(options: SynthOptions): SynthSession {
  const random = createRandom(options.seed);
  const durationMs = options.durationSec * 1000;
  const audience = makeAudience(random, options.audience ?? 60);
  const peak = options.peakViewers ?? 250;
  let msgSeq = 7_300_000_000_000_000_000n + BigInt(options.seed) * 1_000_000n;
  const nextId = () => String(++msgSeq);
  const plan: SynthMessage[] = [];
  const at = (t: number) => options.startTime + t;
  const gifters = new Set<string>();
  let diamonds = 0;
  let giftCount = 0;

  // A few viewers arrive with no handle yet (a placeholder) and get a real one later.
  const anonymous = audience.slice(0, 3).map((u) => ({ ...u, handle: '' }));
  anonymous.forEach((u, i) => plan.push({ type: 'member', msgId: nextId(), at: at(100 + i), user: u }));

  for (const t of arrivals(random, options.joinsPerMinute ?? 30, durationMs)) plan.push({ type: 'member', msgId: nextId(), at: at(t), user: random.pick(audience) });
  for (const t of arrivals(random, options.chatsPerMinute ?? 20, durationMs)) plan.push({ type: 'chat', msgId: nextId(), at: at(t), user: random.pick(audience), content: random.pick(CHAT_LINES) });

  let likeTotal = random.int(500, 5000); // likes the room had before this recording started
  for (const t of arrivals(random, options.likeMessagesPerMinute ?? 60, durationMs)) {
    const count = random.int(1, 15);
    // The room total also moves with likes of viewers TikTok does not send messages for.
    likeTotal += count + random.int(0, 20);
    plan.push({ type: 'like', msgId: nextId(), at: at(t), user: random.pick(audience), count, total: likeTotal });
  }

  const followers = new Set<string>();
  let follows = 0;
  for (const t of arrivals(random, options.followsPerMinute ?? 3, durationMs)) {
    const u = random.pick(audience);
    if (followers.has(u.id)) continue;
    followers.add(u.id);
    follows++;
    plan.push({ type: 'follow', msgId: nextId(), at: at(t), user: u });
  }
  let shares = 0;
  for (const t of arrivals(random, options.sharesPerMinute ?? 2, durationMs)) {
    shares++;
    plan.push({ type: 'share', msgId: nextId(), at: at(t), user: random.pick(audience) });
  }

  let peakViewers = 0;
  for (let t = 0; t < durationMs; t += 5000) {
    const shape = Math.min(1, (t + 5000) / (durationMs / 3));
    const viewers = Math.max(1, Math.round(peak * shape * (0.85 + random.next() * 0.3)));
    peakViewers = Math.max(peakViewers, viewers);
    plan.push({ type: 'viewers', msgId: nextId(), at: at(t), viewers, totalUsers: viewers * 3 });
  }

  const addStreak = (u: SynthUser, gift: SynthGift, startT: number, wantedTaps: number, withEnd: boolean) => {
    // Every frame of a streak (even at the slowest tapping) lands before the stream's end.
    const taps = Math.max(1, Math.min(wantedTaps, Math.floor((durationMs - 1000 - startT) / TAP_GAP_MS[1]) - 1));
    const groupId = String(BigInt(at(startT)) * 1000n + BigInt(random.int(0, 999)));
    let t = startT;
    let count = 0;
    for (let tap = 1; tap <= taps; tap++) {
      count = tap;
      // TikTok does not send a frame for every tap; the count still only grows.
      if (tap === 1 || random.chance(0.6)) plan.push({ type: 'gift', msgId: nextId(), at: at(t), user: u, gift, repeatCount: count, repeatEnd: false, groupId });
      t += random.int(...TAP_GAP_MS);
    }
    if (withEnd) plan.push({ type: 'gift', msgId: nextId(), at: at(t), user: u, gift, repeatCount: count, repeatEnd: true, groupId });
    // Without an end frame the last frame we sent carries `count` only if it was sent; find what was sent.
    const sent = plan.filter((m) => m.type === 'gift' && m.groupId === groupId).map((m) => (m.type === 'gift' ? m.repeatCount : 0));
    const counted = withEnd ? count : Math.max(...sent);
    diamonds += counted * gift.diamondCount;
    giftCount++;
    gifters.add(u.id);
  };

  const catalog = GIFT_CATALOG.map((g) => ({ id: g.giftId, name: g.name, diamondCount: g.diamondCount, streakable: g.streakable }));
  for (const t of arrivals(random, options.giftsPerMinute ?? 8, durationMs - 20_000)) {
    const u = random.pick(audience);
    const gift = random.weighted(catalog, options.giftWeight ?? ((g) => (g.diamondCount <= 5 ? 30 : g.diamondCount <= 100 ? 8 : g.diamondCount <= 1000 ? 2 : 0.3)));
    if (gift.streakable) {
      addStreak(u, gift, t, random.weighted([1, 2, 3, 5, 8, 15, 40], (_, i) => [25, 20, 15, 12, 10, 5, 2][i] ?? 1), true);
    } else {
      plan.push({ type: 'gift', msgId: nextId(), at: at(t), user: u, gift, repeatCount: 1, repeatEnd: false, groupId: '0' });
      diamonds += gift.diamondCount;
      giftCount++;
      gifters.add(u.id);
    }
  }
  if (options.unendedStreak ?? true) {
    const rose = catalog.find((g) => g.name === 'Rose') ?? catalog[0];
    const u = audience[audience.length - 1];
    if (rose && u) addStreak(u, rose, Math.max(0, durationMs - UNENDED_QUIET_MS - 10_000), 12, false);
  }
  // The anonymous viewers speak under their real names later on.
  anonymous.forEach((u, i) => {
    const real = audience[i];
    if (real) plan.push({ type: 'chat', msgId: nextId(), at: at(Math.min(durationMs - 1, 60_000 + i * 1000)), user: real, content: 'I have a name now' });
  });
  if (options.streamEnd ?? true) plan.push({ type: 'end', msgId: nextId(), at: at(durationMs) });

  plan.sort((a, b) => a.at - b.at || (a.msgId < b.msgId ? -1 : 1));
  const frames = packFrames(random, plan, options, options.duplicateFrameRate ?? 0.03);
  const comments = plan.filter((m) => m.type === 'chat').length;
  const likes = plan.reduce((max, m) => (m.type === 'like' ? Math.max(max, m.total) : max), 0);
  return {
    header: { handle: options.handle, roomId: options.roomId },
    frames,
    messages: plan.length,
    expected: { diamonds, gifts: giftCount, likes, comments, follows, shares, peakViewers, uniqueGifters: gifters.size },
  };
}

/** Groups messages into frames as TikTok's push server does (up to ~1 s of messages each), then sends
 *  some frames twice and repeats a few single messages inside later frames. */
function packFrames(random: Random, plan: SynthMessage[], options: SynthOptions, duplicateRate: number): { t: number; frame: Buffer }[] {
  const batches: { t: number; messages: SynthMessage[] }[] = [];
  let current: SynthMessage[] = [];
  let windowEnd = 0;
  // A frame goes out when its window closes; frames never overtake each other (a full frame can close
  // early, so the next window must not end before it).
  let lastSent = 0;
  const send = () => {
    lastSent = Math.max(lastSent, windowEnd);
    batches.push({ t: lastSent, messages: current });
    current = [];
  };
  for (const message of plan) {
    const t = message.at - options.startTime;
    if (current.length > 0 && (t > windowEnd || current.length >= 40)) send();
    if (current.length === 0) windowEnd = t + random.int(200, 1000);
    current.push(message);
  }
  if (current.length > 0) send();

  const frames: { t: number; frame: Buffer }[] = [];
  for (const [i, batch] of batches.entries()) {
    const repeated = i > 5 && random.chance(duplicateRate * 2) ? [random.pick(batches[i - 3]?.messages ?? batch.messages)] : [];
    const frame = encodePushFrame([...batch.messages, ...repeated], options.roomId, options.startTime + batch.t, String(i + 1));
    frames.push({ t: batch.t, frame });
    if (random.chance(duplicateRate)) frames.push({ t: batch.t + random.int(50, 2000), frame });
  }
  return frames.sort((a, b) => a.t - b.t);
}

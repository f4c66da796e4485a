import { generateSession } from '@/lib/live/synth';
import { ReplayWriter } from '@/lib/live/replay-file';
const session = generateSession({ seed: 77, handle: 'bench.busy', roomId: '7777000000000000001', durationSec: 300, startTime: Date.parse('2026-11-01T20:00:00Z'), audience: 5000, peakViewers: 20000, chatsPerMinute: 3000, likeMessagesPerMinute: 12000, giftsPerMinute: 600, joinsPerMinute: 3000, followsPerMinute: 100, sharesPerMinute: 100, duplicateFrameRate: 0.01 });
const w = new ReplayWriter('/tmp/busy.jsonl', { ...session.header, startedAt: Date.parse('2026-11-01T20:00:00Z') });
for (const f of session.frames) w.write(f.frame, f.t);
await w.close();
console.log(session.expected);

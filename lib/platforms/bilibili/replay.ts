// Counts a Bilibili replay file (livelens-replay/1, one raw websocket packet per frame) by the counting
// rules, streaming it so large recordings are never loaded whole, without a database (the recorder's
// check; `npm run replay` stores the live through the worker's chain, worker/sources/bilibili-live.ts).
import { readReplay } from '@/lib/live/replay-file';
import { BilibiliSessionCounter } from '@/lib/platforms/bilibili/counter';

export async function countReplayFile(file: string): Promise<BilibiliSessionCounter> {
  const counter = new BilibiliSessionCounter();
  let startedAt = 0;
  for await (const item of readReplay(file)) {
    if ('header' in item) startedAt = item.header.startedAt ?? 0;
    else counter.addPacket(item.frame.frame, startedAt + item.frame.t);
  }
  return counter;
}

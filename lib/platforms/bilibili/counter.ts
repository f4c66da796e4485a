// A Bilibili session's totals, by the counting rules of docs/bilibili-counting.md (issue 20). Pure: it
// is fed raw packets (or events already normalised) and keeps no state beyond what the totals need.
import type { PlatformEvent, SessionTotals } from '@/lib/platforms/events';
import { decodePacket } from '@/lib/platforms/bilibili/packet';
import { normaliseCommand } from '@/lib/platforms/bilibili/normalise';

export type CounterReport = {
  packets: number;
  commands: number;
  /** Events after removing repeats (same key). */
  events: number;
  duplicates: number;
  /** Commands we do not know, by base command: counted for the status page, never an error. */
  unknown: Record<string, number>;
  /** Known commands left out on purpose, by base command. */
  ignored: Record<string, number>;
  malformed: Record<string, number>;
  /** Packets that did not decode, with the first and the latest reason. */
  undecodable: number;
  firstError: string | null;
  lastError: string | null;
  streamEnded: boolean;
};

function bump(counts: Record<string, number>, name: string): void {
  counts[name] = (counts[name] ?? 0) + 1;
}

export class BilibiliSessionCounter {
  private readonly seen = new Set<string>();
  private readonly gifters = new Set<string>();
  private readonly totalsSoFar: SessionTotals = {
    platform: 'bilibili',
    valueUnit: 'gold',
    value: 0,
    gifts: 0,
    superChats: 0,
    guards: 0,
    comments: 0,
    likes: 0,
    follows: 0,
    shares: 0,
    peakViewers: 0,
    uniqueGifters: 0,
  };
  readonly report: CounterReport = { packets: 0, commands: 0, events: 0, duplicates: 0, unknown: {}, ignored: {}, malformed: {}, undecodable: 0, firstError: null, lastError: null, streamEnded: false };

  /** Decodes and counts one raw websocket packet; returns the new (not repeated) events it carried. */
  addPacket(packet: Buffer, receivedAt = 0): PlatformEvent[] {
    this.report.packets++;
    let items;
    try {
      items = decodePacket(packet);
    } catch (error) {
      this.report.undecodable++;
      this.report.lastError = error instanceof Error ? error.message : String(error);
      this.report.firstError ??= this.report.lastError;
      return [];
    }
    const fresh: PlatformEvent[] = [];
    for (const item of items) {
      if (item.kind !== 'command') continue;
      this.report.commands++;
      const result = normaliseCommand(item.command, receivedAt);
      if (result.kind === 'unknown') bump(this.report.unknown, item.command.base);
      else if (result.kind === 'ignored') bump(this.report.ignored, item.command.base);
      else if (result.kind === 'malformed') bump(this.report.malformed, item.command.base);
      else for (const event of result.events) if (this.addEvent(event)) fresh.push(event);
    }
    return fresh;
  }

  /** Counts one event unless an event with its key was counted already; true when it was new. */
  addEvent(event: PlatformEvent): boolean {
    if (this.seen.has(event.key)) {
      this.report.duplicates++;
      return false;
    }
    this.seen.add(event.key);
    this.report.events++;
    const totals = this.totalsSoFar;
    switch (event.type) {
      case 'gift':
        totals.gifts++;
        totals.value += event.value;
        if (event.paid) this.gifters.add(event.viewer.userId);
        break;
      case 'super-chat':
        totals.superChats++;
        totals.value += event.value;
        this.gifters.add(event.viewer.userId);
        break;
      case 'guard':
        totals.guards++;
        totals.value += event.value;
        this.gifters.add(event.viewer.userId);
        break;
      case 'chat':
        totals.comments++;
        break;
      case 'like':
        if (event.total !== null) totals.likes = Math.max(totals.likes, event.total);
        break;
      case 'follow':
        totals.follows++;
        break;
      case 'share':
        totals.shares++;
        break;
      case 'viewers':
        totals.peakViewers = Math.max(totals.peakViewers, event.viewers);
        break;
      case 'stream-end':
        this.report.streamEnded = true;
        break;
      case 'member':
      case 'stream-start':
        break;
    }
    totals.uniqueGifters = this.gifters.size;
    return true;
  }

  totals(): SessionTotals {
    return { ...this.totalsSoFar };
  }
}

/** Counts a whole session from its packets. */
export function countPackets(packets: Iterable<Buffer>): { totals: SessionTotals; report: CounterReport } {
  const counter = new BilibiliSessionCounter();
  for (const packet of packets) counter.addPacket(packet);
  return { totals: counter.totals(), report: counter.report };
}

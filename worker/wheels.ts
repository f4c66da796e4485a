// Wheel-of-fortune spins won by gifts, decided in the worker that holds the account (the only process that
// sees its gifts). For each finished gift (the normalised "gift" event: one per single gift, one per finished
// streak with its final count) every wheel overlay of the account whose workspace still watches it checks its
// rules (lib/overlays/wheel.ts); each spin earned gets a segment drawn with crypto.randomInt by the segments'
// weights, is stored in wheel_spins and published to the overlay (which plays spins one after another).
//
// Spins are stored under (overlay, gift dedupe key, 1…n) with ON CONFLICT DO NOTHING, so a streak seen again
// (closed by timeout, then its end frame with a higher count), a replay, or a restarted worker never spins
// twice for the same gift: only the numbers past the highest stored are drawn, and only the rows actually
// inserted are published.
import { randomInt } from 'node:crypto';
import type pg from 'pg';
import type { GiftEvent, LiveEvent } from '@/lib/live/events';
import type { Logger } from '@/lib/logger';
import { readKindSettings, type OverlaySettingsByKind } from '@/lib/overlays/settings';
import { chooseSegment, spinsForGift, type Draw, type WheelSpinMessage } from '@/lib/overlays/wheel';

type Publisher = { wheel(target: { workspaceId: string; overlayId: string }, data: WheelSpinMessage): void };

export type WheelSpinnerOptions = {
  pool: Pick<pg.Pool, 'query'>;
  log: Logger;
  fanout?: Publisher;
  /** How long an account's wheels (and their settings) are reused before being read again. */
  refreshMs?: number;
  draw?: Draw;
  now?: () => number;
};

type WheelRow = { id: string; workspace_id: string; settings: OverlaySettingsByKind['WHEEL'] };

export class WheelSpinner {
  private readonly wheels = new Map<string, { at: number; rows: Promise<WheelRow[]> }>();
  /** One chain per account, so its gifts spin in the order they came. */
  private readonly chains = new Map<string, Promise<void>>();
  private readonly draw: Draw;
  private readonly now: () => number;
  readonly stats = { spins: 0, failures: 0 };

  constructor(private readonly options: WheelSpinnerOptions) {
    this.draw = options.draw ?? ((total) => randomInt(total));
    this.now = options.now ?? Date.now;
  }

  /** Every domain event of every room this worker watches; only finished gifts matter. */
  onEvent(accountId: string, liveId: string, event: LiveEvent): void {
    if (event.type !== 'gift') return;
    const previous = this.chains.get(accountId) ?? Promise.resolve();
    const next = previous
      .then(() => this.spinFor(accountId, liveId, event))
      .catch((error: unknown) => {
        this.stats.failures++;
        this.options.log.warn('could not spin a wheel for a gift', { accountId, error });
      });
    this.chains.set(accountId, next);
    void next.finally(() => {
      if (this.chains.get(accountId) === next) this.chains.delete(accountId);
    });
  }

  /** Resolves once every gift received so far has been handled (stop, tests). */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  private accountWheels(accountId: string): Promise<WheelRow[]> {
    const cached = this.wheels.get(accountId);
    if (cached && this.now() - cached.at < (this.options.refreshMs ?? 3000)) return cached.rows;
    const rows = this.options.pool
      .query<{ id: string; workspace_id: string; settings: unknown }>(
        `SELECT o.id, o.workspace_id, o.settings FROM overlays o
           JOIN workspace_accounts wa ON wa.workspace_id = o.workspace_id AND wa.account_id = o.account_id
          WHERE o.account_id = $1 AND o.kind = 'WHEEL' AND o.revoked_at IS NULL`,
        [accountId],
      )
      .then((result) =>
        result.rows.flatMap((row) => {
          const read = readKindSettings('WHEEL', row.settings);
          return read.kind === 'WHEEL' ? [{ id: row.id, workspace_id: row.workspace_id, settings: read.settings }] : [];
        }),
      );
    this.wheels.set(accountId, { at: this.now(), rows });
    // A failed read is not kept: the next gift asks again.
    rows.catch(() => this.wheels.delete(accountId));
    return rows;
  }

  private async spinFor(accountId: string, liveId: string, gift: GiftEvent): Promise<void> {
    const wheels = await this.accountWheels(accountId);
    for (const wheel of wheels) {
      const { segments } = wheel.settings;
      const count = segments.length > 0 ? spinsForGift(wheel.settings, gift) : 0;
      if (count === 0) continue;
      // A streak seen before (closed by timeout, now its end frame) already has some spins: draw only the new ones.
      const done = await this.options.pool.query<{ seq: number }>(`SELECT COALESCE(MAX(seq), 0)::int AS seq FROM wheel_spins WHERE overlay_id = $1 AND dedupe_key = $2`, [wheel.id, gift.dedupeKey]);
      const from = (done.rows[0]?.seq ?? 0) + 1;
      if (from > count) continue;
      const seqs = Array.from({ length: count - from + 1 }, (_, i) => from + i);
      const picks = seqs.map(() => chooseSegment(segments, this.draw));
      const viewerName = gift.viewer.nickname || gift.viewer.handle;
      const { rows } = await this.options.pool.query<{ id: string; seq: number; segment_index: number; segment_label: string; created_at: Date }>(
        `INSERT INTO wheel_spins (workspace_id, overlay_id, live_id, viewer_name, gift_id, gift_name, segment_index, segment_label, dedupe_key, seq)
         SELECT $1, $2, (SELECT id FROM lives WHERE id = $3::bigint), $4, $5, $6, p.idx, p.label, $7, p.seq
           FROM unnest($8::int[], $9::text[], $10::int[]) AS p(idx, label, seq)
         ON CONFLICT (overlay_id, dedupe_key, seq) DO NOTHING
         RETURNING id::text, seq, segment_index, segment_label, created_at`,
        [
          wheel.workspace_id,
          wheel.id,
          /^\d+$/.test(liveId) ? liveId : null,
          viewerName,
          gift.giftId,
          gift.giftName,
          gift.dedupeKey,
          picks,
          picks.map((index) => segments[index]?.label ?? ''),
          seqs,
        ],
      );
      for (const row of rows.sort((a, b) => a.seq - b.seq)) {
        this.stats.spins++;
        this.options.fanout?.wheel(
          { workspaceId: wheel.workspace_id, overlayId: wheel.id },
          { overlayId: wheel.id, spin: { id: row.id, overlayId: wheel.id, segmentIndex: row.segment_index, segmentLabel: row.segment_label, viewerName, giftName: gift.giftName, test: false, at: row.created_at.getTime() } },
        );
      }
    }
  }
}

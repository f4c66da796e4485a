// The subathon timer's stored state: the host's Start / Pause / Reset / Add time from the editor (one
// overlay row locked per change, so two clicks never lose each other), and what its overlay page needs on
// load: the state and what the account's LIVEs gained since the start.
import 'server-only';
import { AppError } from '@/lib/api/errors';
import type { Db } from '@/lib/db';
import { notifyOverlay } from '@/lib/overlays/realtime';
import { readSettings, type OverlaySettingsByKind } from '@/lib/overlays/settings';
import { applyTimerAction, countedTotals, freshTally, mayHaveEnded, NO_TOTALS, readTimer, readTimerState, settleTimerFromEvents, TIMER_STATE_KEY, type TimerAction, type TimerIncrement, type TimerState, type TimerTally, type TimerTotals, type TimerView } from '@/lib/overlays/timer';
import { liveCountersOf, type LiveCounters } from '@/lib/realtime/payloads';

type LiveRow = { id: bigint; startedAt: Date; likes: bigint; diamonds: bigint; follows: number };

const totalsOf = (row: LiveRow): TimerTotals => ({ diamonds: Number(row.diamonds), likes: Number(row.likes), follows: row.follows });

/** The account's current LIVE's counters (viewers left out: the timer does not use them). */
async function currentCounters(db: Pick<Db, 'live'>, accountId: string): Promise<LiveCounters | null> {
  const row = await db.live.findFirst({ where: { accountId, endedAt: null }, orderBy: { startedAt: 'desc' } });
  return row ? liveCountersOf(row) : null;
}

/**
 * What the LIVEs since the timer's start gained: the LIVE running at the start counts from its counters
 * then, LIVEs that began later count in full; `live` (the current one) is left for the page to follow.
 */
export async function loadTimerTally(db: Db, accountId: string, state: TimerState, live: LiveCounters | null): Promise<TimerTally> {
  const fresh = freshTally(state, live);
  if (state.status === 'idle' || state.startedAt === null) return fresh;
  const baseline = state.baseline;
  const rows: LiveRow[] = await db.live.findMany({
    where: { accountId, OR: [{ startedAt: { gte: new Date(state.startedAt) } }, ...(baseline && /^\d+$/.test(baseline.liveId) ? [{ id: BigInt(baseline.liveId) }] : [])] },
    select: { id: true, startedAt: true, likes: true, diamonds: true, follows: true },
  });
  let before = NO_TOTALS;
  for (const row of rows) {
    const id = row.id.toString();
    if (id === live?.liveId) continue;
    const from = baseline?.liveId === id ? baseline : NO_TOTALS;
    const now = totalsOf(row);
    before = { diamonds: before.diamonds + Math.max(0, now.diamonds - from.diamonds), likes: before.likes + Math.max(0, now.likes - from.likes), follows: before.follows + Math.max(0, now.follows - from.follows) };
  }
  return { ...fresh, before };
}

/**
 * What the account's LIVEs gained after `from` (until `now`), at the events' own times: diamonds at each
 * gift's time (a streak at its row's time), follows at theirs, likes at the minute of their bucket (likes
 * are stored per viewer and minute). Read through the indexes on gifts (account, time), like_buckets
 * (live, minute) and social_events (live, kind), for the LIVEs running at or after `from`.
 */
export async function loadTimerIncrements(db: Db, accountId: string, from: number, now: number): Promise<TimerIncrement[]> {
  const since = new Date(from);
  const until = new Date(now);
  const rows = await db.$queryRaw<{ at: number; diamonds: number; likes: number; follows: number }[]>`
    WITH l AS (SELECT id FROM lives WHERE account_id = ${accountId} AND started_at <= ${until} AND (ended_at IS NULL OR ended_at >= ${since}))
    SELECT (extract(epoch FROM e.at) * 1000)::float8 AS at, sum(e.diamonds)::float8 AS diamonds, sum(e.likes)::float8 AS likes, sum(e.follows)::float8 AS follows
    FROM (
      SELECT g.created_at AS at, g.diamonds AS diamonds, 0 AS likes, 0 AS follows FROM gifts g
        WHERE g.account_id = ${accountId} AND g.created_at > ${since} AND g.created_at <= ${until}
      UNION ALL
      SELECT b.minute, 0, b.count, 0 FROM like_buckets b JOIN l ON b.live_id = l.id
        WHERE b.minute > ${since} AND b.minute <= ${until}
      UNION ALL
      SELECT s.created_at, 0, 0, 1 FROM social_events s JOIN l ON s.live_id = l.id
        WHERE s.kind = 'FOLLOW' AND s.created_at > ${since} AND s.created_at <= ${until}
    ) e
    GROUP BY e.at ORDER BY e.at`;
  return rows.map((row) => ({ at: Number(row.at), diamonds: Number(row.diamonds), likes: Number(row.likes), follows: Number(row.follows) }));
}

/**
 * The timer's state with an end it reached stored: a timer read at 00:00 is written as `ended` (the row
 * locked and re-read, so a Start or Reset in between wins) and its open copies are told, so events that
 * come later cannot bring it back on a reloaded page. A running timer that may have reached 00:00 since the
 * host's last action is settled from the events' own times (only then are they read): one that reached
 * 00:00 unseen and was then given more time by gifts stays ended. Most reads change nothing and write nothing.
 */
export async function settleStoredTimer(db: Db, overlay: { id: string; workspaceId: string; accountId: string }, settings: OverlaySettingsByKind['TIMER'], state: TimerState, totals: TimerTotals, now: number): Promise<TimerState> {
  const checked = mayHaveEnded(settings, state, now) && state.startedAt !== null;
  const increments = checked && state.startedAt !== null ? await loadTimerIncrements(db, overlay.accountId, state.changedAt ?? state.startedAt, now) : [];
  const settled = settleTimerFromEvents(settings, state, totals, increments, now);
  if (settled === state) return checked ? markTimerChecked(db, overlay, state, totals, now) : state;
  const stored = await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM overlays WHERE id = ${overlay.id} AND workspace_id = ${overlay.workspaceId} AND kind = 'TIMER' FOR UPDATE`;
    if (locked.length === 0) return false;
    const row = await tx.overlay.findUniqueOrThrow({ where: { id: overlay.id }, select: { settings: true } });
    const current = readTimerState(row.settings);
    if (current.status !== state.status || current.startedAt !== state.startedAt || current.addedSeconds !== state.addedSeconds) return false;
    const settings = row.settings && typeof row.settings === 'object' && !Array.isArray(row.settings) ? row.settings : {};
    await tx.overlay.update({ where: { id: overlay.id }, data: { settings: { ...settings, [TIMER_STATE_KEY]: settled } } });
    return true;
  });
  if (!stored) return state;
  const message = { type: 'timer' as const, overlayId: overlay.id, state: settled };
  await notifyOverlay(overlay, message, message);
  return settled;
}

/**
 * A running timer whose events were read and found not to have reached 00:00 until `now`: `now` and what is
 * counted become its mark, so the next reader reads only the events after it (a long subathon is read in
 * pieces, not from its start on every read). Written in place, without touching the overlay's update time
 * (nothing the streamer changed); skipped if the host changed the timer meanwhile.
 */
async function markTimerChecked(db: Db, overlay: { id: string; workspaceId: string }, state: TimerState, totals: TimerTotals, now: number): Promise<TimerState> {
  const marked: TimerState = { ...state, changedAt: now, changedTotals: totals };
  const stored = await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ settings: unknown }[]>`SELECT settings FROM overlays WHERE id = ${overlay.id} AND workspace_id = ${overlay.workspaceId} AND kind = 'TIMER' FOR UPDATE`;
    const current = readTimerState(locked[0]?.settings);
    if (locked.length === 0 || current.status !== state.status || current.startedAt !== state.startedAt || current.addedSeconds !== state.addedSeconds || current.pausedMs !== state.pausedMs || (current.changedAt ?? 0) > now) return false;
    await tx.$executeRaw`UPDATE overlays SET settings = jsonb_set(settings, ARRAY[${TIMER_STATE_KEY}]::text[], ${JSON.stringify(marked)}::jsonb) WHERE id = ${overlay.id}`;
    return true;
  });
  return stored ? marked : state;
}

/** The timer now (settled and stored as ended if it has reached 00:00) and what is counted. */
async function loadTimer(db: Db, workspaceId: string, overlayId: string, now: number): Promise<{ view: TimerView; totals: TimerTotals }> {
  const row = await db.overlay.findFirst({ where: { id: overlayId, workspaceId, kind: 'TIMER' }, select: { accountId: true, settings: true } });
  if (!row) throw new AppError('NOT_FOUND', 'No such overlay in this workspace.');
  const settings = readSettings('TIMER', row.settings);
  const live = await currentCounters(db, row.accountId);
  const read = readTimerState(row.settings);
  const totals = countedTotals(await loadTimerTally(db, row.accountId, read, live));
  const state = await settleStoredTimer(db, { id: overlayId, workspaceId, accountId: row.accountId }, settings, read, totals, now);
  return { view: { state, ...readTimer(settings, state, totals, now), at: now }, totals };
}

/** The timer as its overlay shows it now (settled and stored as ended if it has reached 00:00). */
export async function getTimerView(db: Db, workspaceId: string, overlayId: string, now = Date.now()): Promise<TimerView> {
  return (await loadTimer(db, workspaceId, overlayId, now)).view;
}

/** Applies the host's action to the stored state and tells the open overlay (and the workspace's editors). */
export async function controlTimer(db: Db, workspaceId: string, overlayId: string, action: TimerAction, now = Date.now()): Promise<TimerView> {
  // A timer at 00:00 that nobody has read since is ended first, so Start begins a new one and Add does nothing.
  // What is counted now is the action's mark: the next reader looks for an end only after it.
  const { totals } = await loadTimer(db, workspaceId, overlayId, now);
  const { overlay, state } = await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM overlays WHERE id = ${overlayId} AND workspace_id = ${workspaceId} AND kind = 'TIMER' FOR UPDATE`;
    if (locked.length === 0) throw new AppError('NOT_FOUND', 'No such overlay in this workspace.');
    const row = await tx.overlay.findUniqueOrThrow({ where: { id: overlayId }, select: { id: true, workspaceId: true, accountId: true, settings: true } });
    const live = action.action === 'start' ? await currentCounters(tx, row.accountId) : null;
    const next = applyTimerAction(readTimerState(row.settings), action, now, live, totals);
    const stored = row.settings && typeof row.settings === 'object' && !Array.isArray(row.settings) ? row.settings : {};
    await tx.overlay.update({ where: { id: row.id }, data: { settings: { ...stored, [TIMER_STATE_KEY]: next } } });
    return { overlay: row, state: next };
  });
  const message = { type: 'timer' as const, overlayId: overlay.id, state };
  await notifyOverlay(overlay, message, message);
  return getTimerView(db, workspaceId, overlayId, now);
}

/** Settings saved from the editor keep the timer's running state (the form does not carry it). */
export function keepTimerState<T extends object>(incoming: T, previous: unknown): T {
  const value = previous && typeof previous === 'object' ? (previous as Record<string, unknown>)[TIMER_STATE_KEY] : undefined;
  return value === undefined ? incoming : { ...incoming, [TIMER_STATE_KEY]: value };
}

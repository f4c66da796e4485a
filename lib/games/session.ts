// The life of a leaderboard or Q&A session. Stored as a status plus, once frozen, the instant points
// stop (`freezeAt`): Freeze starts a countdown that ends at freezeAt, and from then on the worker
// accepts no points. The countdown's end needs no write: the phase is derived from the clock.
export type GameStatus = 'ACTIVE' | 'COUNTDOWN' | 'FROZEN' | 'ENDED';
export type GamePhase = 'active' | 'countdown' | 'frozen' | 'ended';

export type SessionClock = { status: GameStatus; freezeAt: Date | number | null };

export const DEFAULT_COUNTDOWN_SECONDS = 5;

const ms = (value: Date | number | null): number | null => (value === null ? null : typeof value === 'number' ? value : value.getTime());

export function phaseOf(session: SessionClock, now: number): GamePhase {
  if (session.status === 'ENDED') return 'ended';
  if (session.status === 'FROZEN') return 'frozen';
  const freezeAt = ms(session.freezeAt);
  if (session.status === 'COUNTDOWN') return freezeAt !== null && now >= freezeAt ? 'frozen' : 'countdown';
  return 'active';
}

/** Whether an event received at `now` may score. */
export function acceptsPoints(session: SessionClock, now: number): boolean {
  const phase = phaseOf(session, now);
  return phase === 'active' || phase === 'countdown';
}

export type SessionAction = 'freeze' | 'resume' | 'end' | 'continue';

/** The stored change an action makes, or an error message when it does not apply in this phase. */
export function transition(session: SessionClock, action: SessionAction, now: number, countdownSeconds = DEFAULT_COUNTDOWN_SECONDS): { status: GameStatus; freezeAt: Date | null; endedAt?: Date | null } | { error: string } {
  const phase = phaseOf(session, now);
  switch (action) {
    case 'freeze':
      if (phase !== 'active') return { error: phase === 'ended' ? 'This session has ended; continue it first.' : 'This session is already frozen.' };
      return { status: 'COUNTDOWN', freezeAt: new Date(now + countdownSeconds * 1000) };
    case 'resume':
      if (phase !== 'countdown' && phase !== 'frozen') return { error: phase === 'ended' ? 'This session has ended; continue it first.' : 'This session is already accepting points.' };
      return { status: 'ACTIVE', freezeAt: null };
    case 'end':
      if (phase === 'ended') return { error: 'This session has already ended.' };
      return { status: 'ENDED', freezeAt: session.freezeAt === null ? new Date(now) : new Date(Math.min(ms(session.freezeAt) ?? now, now)), endedAt: new Date(now) };
    case 'continue':
      if (phase !== 'ended') return { error: 'This session is still running.' };
      return { status: 'ACTIVE', freezeAt: null, endedAt: null };
  }
}

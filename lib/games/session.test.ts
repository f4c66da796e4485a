import { describe, expect, it } from 'vitest';
import { findOvertake } from '@/lib/games/overtake';
import { commentKey, distinctComments } from '@/lib/games/comments';
import { acceptsPoints, phaseOf, transition } from '@/lib/games/session';

describe('session phases', () => {
  const now = 1_000_000;
  it('counts down after Freeze and accepts nothing from freezeAt on', () => {
    const change = transition({ status: 'ACTIVE', freezeAt: null }, 'freeze', now, 5);
    expect(change).toEqual({ status: 'COUNTDOWN', freezeAt: new Date(now + 5000) });
    const session = change as { status: 'COUNTDOWN'; freezeAt: Date };
    expect(phaseOf(session, now + 4999)).toBe('countdown');
    expect(acceptsPoints(session, now + 4999)).toBe(true);
    expect(phaseOf(session, now + 5000)).toBe('frozen');
    expect(acceptsPoints(session, now + 5000)).toBe(false);
  });

  it('resumes, ends and continues, and explains an action that does not apply', () => {
    const frozen = { status: 'COUNTDOWN' as const, freezeAt: new Date(now - 1) };
    expect(transition(frozen, 'freeze', now)).toEqual({ error: 'This session is already frozen.' });
    expect(transition(frozen, 'resume', now)).toEqual({ status: 'ACTIVE', freezeAt: null });
    const ended = transition(frozen, 'end', now);
    expect(ended).toMatchObject({ status: 'ENDED', endedAt: new Date(now) });
    expect(acceptsPoints({ status: 'ENDED', freezeAt: null }, now)).toBe(false);
    expect(transition({ status: 'ENDED', freezeAt: null }, 'continue', now)).toEqual({ status: 'ACTIVE', freezeAt: null, endedAt: null });
    expect(transition({ status: 'ACTIVE', freezeAt: null }, 'continue', now)).toEqual({ error: 'This session is still running.' });
  });
});

describe('overtakes', () => {
  it('reports who moved past whom, the best rank first', () => {
    expect(findOvertake(['a', 'b', 'c'], ['a', 'b', 'c'])).toBeNull();
    expect(findOvertake(['a', 'b', 'c'], ['a', 'c', 'b'])).toEqual({ by: 'c', over: 'b', rank: 2 });
    expect(findOvertake(['a', 'b', 'c'], ['c', 'a', 'b'])).toEqual({ by: 'c', over: 'a', rank: 1 });
    expect(findOvertake(['a', 'b'], ['a', 'n', 'b'])).toEqual({ by: 'n', over: 'b', rank: 2 });
    expect(findOvertake(['a', 'b', 'c'], ['a', 'c'])).toBeNull(); // b left (a winner): nobody overtook
  });
});

describe('a winner’s comments', () => {
  it('folds repeats, spacing, punctuation and stretched letters, keeps order of first asking', () => {
    const list = distinctComments([
      { content: 'What is your name??', at: 1 },
      { content: 'hello', at: 2 },
      { content: 'what   is your name', at: 3 },
      { content: '🔥🔥🔥', at: 4 },
      { content: 'WHAT IS YOUR NAME!!!', at: 5 },
      { content: 'hellooooo', at: 6 },
      { content: 'helloo', at: 7 },
      { content: '\u202Eevil\u202C question', at: 8 },
    ]);
    expect(list.map((c) => [c.text, c.count])).toEqual([
      ['What is your name??', 3],
      ['hello', 3],
      ['evil question', 1],
    ]);
    expect(list[0]).toMatchObject({ firstAt: 1, lastAt: 5 });
    expect(commentKey('Ça va ?')).toBe(commentKey('ça va'));
  });
});

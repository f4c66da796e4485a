// Releasing an alert's sound or video element: paused, its source dropped and the element reloaded empty,
// which is what makes the browser let go of its player at once (a stand-in element records the calls).
import { describe, expect, it } from 'vitest';
import { releaseMedia } from './alert-media';

describe('releaseMedia', () => {
  it('pauses, drops the source, then reloads the element empty', () => {
    const calls: string[] = [];
    releaseMedia({
      pause: () => void calls.push('pause'),
      removeAttribute: (name: string) => void calls.push(`remove ${name}`),
      load: () => void calls.push('load'),
    });
    expect(calls).toEqual(['pause', 'remove src', 'load']);
  });
});

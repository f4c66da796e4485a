// A Q&A winner's comments of the session, for the host to pick the question: duplicates and spam folded.
// "What's your name??", "what's your name" and "whats   your name!!!" are one question asked three
// times (so are "hello" and "hellooooo"); a comment with no letters or digits (emoji rows, "!!!!") is not a question at all.

export type SessionComment = { content: string; at: number };
export type DistinctComment = { text: string; count: number; firstAt: number; lastAt: number };

const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** The text as shown: control and direction-override characters removed, spaces collapsed, trimmed. */
export function cleanComment(content: string): string {
  return content.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** What two comments must share to count as the same question. */
export function commentKey(content: string): string {
  return cleanComment(content)
    .normalize('NFKC')
    .toLocaleLowerCase('en-US')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ') // punctuation, emoji, symbols
    .replace(/(\p{L})\1+/gu, '$1') // "soooo" = "so"
    .replace(/\s+/g, ' ')
    .trim();
}

/** Distinct comments in the order first asked, each with how often it was sent (first wording shown). */
export function distinctComments(comments: readonly SessionComment[], limit = 100): DistinctComment[] {
  const byKey = new Map<string, DistinctComment>();
  for (const comment of [...comments].sort((a, b) => a.at - b.at)) {
    const key = commentKey(comment.content);
    if (key === '') continue;
    const text = cleanComment(comment.content).slice(0, 300);
    const seen = byKey.get(key);
    if (seen) {
      seen.count++;
      seen.lastAt = comment.at;
    } else {
      byKey.set(key, { text, count: 1, firstAt: comment.at, lastAt: comment.at });
    }
  }
  return [...byKey.values()].slice(0, limit);
}

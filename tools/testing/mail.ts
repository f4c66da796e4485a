// Reading the test mail catcher's inbox (started by the global setup) from a test file.
import type { CaughtMessage } from '@/tools/infra/mail-catcher';

const inbox = () => process.env.LIVELENS_TEST_MAIL_INBOX ?? '';

export async function messagesTo(address: string): Promise<CaughtMessage[]> {
  const response = await fetch(`${inbox()}/api/messages?to=${encodeURIComponent(address)}`);
  return ((await response.json()) as { messages: CaughtMessage[] }).messages;
}

/** Waits until `address` has at least `count` messages (the sender runs asynchronously). */
export async function waitForMessages(address: string, count = 1, timeoutMs = 10_000): Promise<CaughtMessage[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = await messagesTo(address);
    if (messages.length >= count) return messages;
    if (Date.now() > deadline) throw new Error(`${address} has ${messages.length} of ${count} messages after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The first link in a message's text that starts with `prefix` (e.g. the app's /reset-password/). */
export function linkIn(message: CaughtMessage, pattern: RegExp): string {
  const match = pattern.exec(message.text);
  if (!match) throw new Error(`no link matching ${pattern} in:\n${message.text}`);
  return match[0];
}

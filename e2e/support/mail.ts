// The e2e instance's mail inbox (the embedded mail catcher the launcher starts).
import { expect, type APIRequestContext } from '@playwright/test';
import type { CaughtMessage } from '@/tools/infra/mail-catcher';

export const INBOX = `http://127.0.0.1:${Number(process.env.E2E_MAIL_INBOX_PORT ?? 1180)}`;

export async function waitForMail(request: APIRequestContext, to: string, match: (m: CaughtMessage) => boolean, timeoutMs = 30_000): Promise<CaughtMessage> {
  let found: CaughtMessage | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get(`${INBOX}/api/messages?to=${encodeURIComponent(to)}`);
        const { messages } = (await response.json()) as { messages: CaughtMessage[] };
        found = messages.find(match);
        return Boolean(found);
      },
      { timeout: timeoutMs, intervals: [250, 500, 1000] },
    )
    .toBe(true);
  if (!found) throw new Error('unreachable');
  return found;
}

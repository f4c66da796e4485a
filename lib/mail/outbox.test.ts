// The outbox against real SMTP servers: the test mail catcher, and SMTP stand-ins (smtp-server) that refuse
// for a while or for good. Every message has an HTML and a text part and the app's address; a failing
// server loses nothing and is retried with backoff; a permanent refusal gives up and says why.
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { renderMail } from '@/lib/mail/layout';
import { backoffMs, enqueueMail, MAX_ATTEMPTS, processOutbox } from '@/lib/mail/outbox';
import { createMailTransport } from '@/lib/mail/transport';
import { createTestUser, uniqueSuffix } from '@/tools/testing/factories';
import { waitForMessages } from '@/tools/testing/mail';
import { containing } from '@/tools/testing/match';

const servers: SMTPServer[] = [];
afterAll(async () => {
  for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** An SMTP stand-in that answers every message with `code` (451 temporary, 550 permanent) while `refusing()`. */
async function refusingServer(code: number, refusing: () => boolean): Promise<{ port: number; accepted: string[] }> {
  const accepted: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        if (refusing()) callback(Object.assign(new Error(code >= 500 ? 'mailbox unavailable' : 'try again later'), { responseCode: code }));
        else {
          accepted.push(session.envelope.rcptTo.map((r) => r.address).join(','));
          callback();
        }
      });
    },
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { port: (server.server.address() as AddressInfo).port, accepted };
}

const mail = (to: string) => ({ to, kind: 'test', ...renderMail({ subject: `Test ${to}`, heading: 'Hello', paragraphs: ['A paragraph with <b>markup</b> & ampersands.'], action: { label: 'Open', url: 'http://localhost:3000/x' }, unsubscribeUrl: 'http://localhost:3000/unsubscribe/t' }) });

describe('the email outbox', () => {
  it('sends HTML and text with the app’s name and address and an unsubscribe link, and marks the message sent', async () => {
    const to = `outbox-${uniqueSuffix()}@example.test`;
    const id = await enqueueMail(db, mail(to));
    await processOutbox(db, createMailTransport(), { ids: [id] });
    const [message] = await waitForMessages(to);
    expect(message?.html).toContain('A paragraph with &lt;b&gt;markup&lt;/b&gt; &amp; ampersands.');
    expect(message?.text).toContain('A paragraph with <b>markup</b> & ampersands.');
    expect(message?.text).toContain('LiveLens · http://localhost');
    expect(message?.text).toContain('Turn these messages off: http://localhost:3000/unsubscribe/t');
    // mailparser files List-* headers under `list`.
    expect(JSON.stringify(message?.headers)).toContain('http://localhost:3000/unsubscribe/t');
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'SENT', attempts: 1, lastError: null });
  });

  it('keeps a message through a server that refuses for a while, with backoff, and sends it when it recovers', async () => {
    let refusing = true;
    const server = await refusingServer(451, () => refusing);
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: server.port, secure: false, ignoreTLS: true });
    const to = `retry-${uniqueSuffix()}@example.test`;
    const id = await enqueueMail(db, mail(to));
    const t0 = new Date();
    const first = await processOnly(id, transport, t0);
    expect(first).toMatchObject({ status: 'PENDING', attempts: 1, lastError: containing('try again later') });
    expect(first.nextAttemptAt.getTime()).toBe(t0.getTime() + backoffMs(1));
    // Not due yet: nothing happens.
    expect((await processOnly(id, transport, new Date(t0.getTime() + 30_000))).attempts).toBe(1);
    const second = await processOnly(id, transport, new Date(t0.getTime() + backoffMs(1)));
    expect(second.attempts).toBe(2);
    refusing = false;
    const third = await processOnly(id, transport, new Date(second.nextAttemptAt.getTime()));
    expect(third).toMatchObject({ status: 'SENT', attempts: 3 });
    expect(server.accepted).toEqual([to]);
  });

  it('gives up on a permanent refusal at once, and after the last attempt on a server that never recovers; a channel shows why', async () => {
    const user = await createTestUser(db);
    const channel = await db.notificationChannel.create({ data: { workspaceId: user.workspaceId, kind: 'EMAIL', name: 'Email', config: { userId: user.id } } });
    const permanent = await refusingServer(550, () => true);
    const id = await enqueueMail(db, { ...mail(`gone-${uniqueSuffix()}@example.test`), channelId: channel.id });
    const row = await processOnly(id, nodemailer.createTransport({ host: '127.0.0.1', port: permanent.port, secure: false, ignoreTLS: true }), new Date());
    expect(row).toMatchObject({ status: 'FAILED', attempts: 1, lastError: containing('mailbox unavailable') });
    expect((await db.notificationChannel.findUniqueOrThrow({ where: { id: channel.id } })).lastError).toContain('mailbox unavailable');

    // Nothing listening at all (connection refused), every time: tried MAX_ATTEMPTS times, then FAILED.
    const dead = nodemailer.createTransport({ host: '127.0.0.1', port: 9, secure: false, ignoreTLS: true, connectionTimeout: 2000 });
    const lost = await enqueueMail(db, mail(`never-${uniqueSuffix()}@example.test`));
    let now = new Date();
    let state = await processOnly(lost, dead, now);
    while (state.status === 'PENDING') {
      now = state.nextAttemptAt;
      state = await processOnly(lost, dead, now);
    }
    expect(state).toMatchObject({ status: 'FAILED', attempts: MAX_ATTEMPTS });
  });
});

/** Runs the sender over this one message only (other test files queue mail into the same table). */
async function processOnly(id: string, transport: Parameters<typeof processOutbox>[1], now: Date) {
  await processOutbox(db, transport, { now, ids: [id] });
  return db.emailMessage.findUniqueOrThrow({ where: { id } });
}

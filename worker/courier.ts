// Sends what is queued: the email outbox and the notification deliveries, every couple of seconds. Several
// workers can run it at once (rows are claimed with SKIP LOCKED). A failing SMTP server or webhook delays
// only its own messages, and never a request: requests only queue.
import type { Db } from '@/lib/db';
import type { Logger } from '@/lib/logger';
import { processDeliveries } from '@/lib/notifications/dispatch';
import { processOutbox } from '@/lib/mail/outbox';
import { createMailTransport, type MailTransport } from '@/lib/mail/transport';

export class Courier {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private failures = 0;
  readonly stats = { mailSent: 0, mailFailed: 0, notificationsSent: 0, notificationsFailed: 0 };

  constructor(private readonly options: { db: Db; log: Logger; intervalMs?: number; transport?: MailTransport }) {}

  start(): void {
    const transport = this.options.transport ?? createMailTransport();
    this.timer ??= setInterval(() => {
      this.running ??= this.tick(transport).finally(() => (this.running = undefined));
    }, this.options.intervalMs ?? 2000);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private async tick(transport: MailTransport): Promise<void> {
    try {
      const deliveries = await processDeliveries(this.options.db);
      const mail = await processOutbox(this.options.db, transport);
      this.stats.notificationsSent += deliveries.sent;
      this.stats.notificationsFailed += deliveries.failed;
      this.stats.mailSent += mail.sent;
      this.stats.mailFailed += mail.failed;
      if (mail.retried + mail.failed + deliveries.retried + deliveries.failed > 0) this.options.log.warn('some messages could not be sent; retrying with backoff', { mail, deliveries });
      this.failures = 0;
    } catch (error) {
      this.failures++;
      if (this.failures === 1 || this.failures % 30 === 0) this.options.log.warn('could not read the mail and notification queues; retrying', { error });
    }
  }
}

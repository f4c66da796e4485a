// Local stand-ins for the services notifications go to, speaking their HTTP APIs: Discord's execute-webhook
// endpoint (POST /api/webhooks/{id}/{token}), Telegram's Bot API (POST /bot{token}/sendMessage) and a
// generic webhook receiver that checks LiveLens's signature. Each can be told to answer with an error, a
// 429 with retry_after, or not at all, for the next requests.
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { service: 'discord' | 'telegram' | 'webhook'; path: string; body: Record<string, unknown>; headers: http.IncomingHttpHeaders; signatureValid?: boolean };
type Planned = { status: number; body: unknown; headers?: Record<string, string> } | 'hang';

export const GOOD_BOT_TOKEN = '123456789:AAstand-in-token-for-tests-only-000000';

export class NotifyStandIns {
  readonly received: Received[] = [];
  private server: http.Server | undefined;
  private plan: Planned[] = [];
  /** The generic webhook's signing secret, to check X-LiveLens-Signature (set by the test). */
  webhookSecret = '';

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  discordUrl(): string {
    return `${this.url}/api/webhooks/123456789012345678/stand-in-webhook-token-abcdefghij`;
  }

  /** The next requests are answered like this, in order (then normally again). */
  answerNext(...answers: Planned[]): void {
    this.plan.push(...answers);
  }

  async start(port = 0): Promise<void> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => this.handle(req, res, raw));
    });
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(port, '127.0.0.1', () => resolve());
    });
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string): void {
    const path = req.url ?? '/';
    const service = path.startsWith('/api/webhooks/') ? 'discord' : path.startsWith('/bot') ? 'telegram' : 'webhook';
    const planned = this.plan.shift();
    if (planned === 'hang') return; // never answers; the client's timeout ends it
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      // Kept empty: the assertion on it will say so.
    }
    if (planned) {
      res.writeHead(planned.status, { 'content-type': 'application/json', ...planned.headers });
      res.end(JSON.stringify(planned.body));
      return;
    }
    if (service === 'telegram') {
      // The Bot API refuses an unknown token with 401 Unauthorized.
      if (!path.startsWith(`/bot${GOOD_BOT_TOKEN}/`)) {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error_code: 401, description: 'Unauthorized' }));
        return;
      }
      this.received.push({ service, path, body, headers: req.headers });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, result: { message_id: this.received.length, chat: { id: body.chat_id }, text: body.text } }));
      return;
    }
    if (service === 'webhook') {
      const signature = String(req.headers['x-livelens-signature'] ?? '');
      const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature);
      const expected = match ? createHmac('sha256', this.webhookSecret).update(`${match[1]}.${raw}`).digest() : undefined;
      const signatureValid = Boolean(match?.[2] && expected && timingSafeEqual(expected, Buffer.from(match[2], 'hex')) && Math.abs(Date.now() / 1000 - Number(match[1])) < 300);
      this.received.push({ service, path, body, headers: req.headers, signatureValid });
      res.writeHead(signatureValid ? 200 : 401);
      res.end();
      return;
    }
    this.received.push({ service, path, body, headers: req.headers });
    // Discord answers an execute-webhook without ?wait with 204 No Content.
    res.writeHead(204);
    res.end();
  }
}

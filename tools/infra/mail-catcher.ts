// The embedded mail catcher: an SMTP server (nodemailer's `smtp-server`) that accepts every message and
// keeps it, parsed (`mailparser`), and a small web inbox on loopback to read them, with a JSON API the
// tests use. `npm start` runs it when no SMTP server is configured, so every mail the app sends can be
// read at http://127.0.0.1:<MAIL_INBOX_PORT>. Nothing leaves the machine.
//
// Chosen over maildev (the suggestion): maildev 3 brings fastify, socket.io, an MCP server and a
// React UI (~100 packages) for what is here two small servers on libraries from the Nodemailer project
// that the app already needs (nodemailer) or are its siblings (smtp-server, mailparser).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type CaughtMessage = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  receivedAt: string;
};

const MAX_MESSAGES = 500;
const MAX_SIZE = 5 * 1024 * 1024;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export class MailCatcher {
  readonly messages: CaughtMessage[] = [];
  private smtp: SMTPServer | undefined;
  private web: http.Server | undefined;
  private seq = 0;

  constructor(private readonly options: { smtpPort: number; webPort: number; host?: string }) {}

  get smtpPort(): number {
    return (this.smtp?.server.address() as AddressInfo | null)?.port ?? this.options.smtpPort;
  }

  get webPort(): number {
    return (this.web?.address() as AddressInfo | null)?.port ?? this.options.webPort;
  }

  get inboxUrl(): string {
    return `http://127.0.0.1:${this.webPort}`;
  }

  async start(): Promise<void> {
    const host = this.options.host ?? '127.0.0.1';
    this.smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      size: MAX_SIZE,
      logger: false,
      onAuth: (_auth, _session, callback) => callback(null, { user: 'catcher' }),
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const headers: Record<string, string> = {};
            for (const [key, value] of parsed.headers) headers[key] = typeof value === 'string' ? value : JSON.stringify(value);
            this.messages.push({
              id: String(++this.seq),
              from: parsed.from?.text ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : ''),
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers,
              receivedAt: new Date().toISOString(),
            });
            if (this.messages.length > MAX_MESSAGES) this.messages.splice(0, this.messages.length - MAX_MESSAGES);
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.smtp?.server.once('error', reject);
      this.smtp?.listen(this.options.smtpPort, host, () => resolve());
    });
    this.web = http.createServer((req, res) => this.serve(req, res));
    await new Promise<void>((resolve, reject) => {
      this.web?.once('error', reject);
      this.web?.listen(this.options.webPort, host, () => resolve());
    });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.web ? this.web.close(() => resolve()) : resolve()));
    this.web?.closeAllConnections();
    await new Promise<void>((resolve) => (this.smtp ? this.smtp.close(() => resolve()) : resolve()));
  }

  private serve(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://catcher');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/api/messages' && req.method === 'GET') {
      const to = url.searchParams.get('to')?.toLowerCase();
      return json(200, { messages: to ? this.messages.filter((m) => m.to.some((t) => t.toLowerCase() === to)) : this.messages });
    }
    if (url.pathname === '/api/messages' && req.method === 'DELETE') {
      this.messages.splice(0);
      return json(200, { deleted: true });
    }
    const html = (body: string) => {
      // The inbox shows mail written by the app; it is still other people's HTML, so it is shown in a
      // sandboxed frame with no scripts.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src * data:; frame-src 'self'" });
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>LiveLens mail inbox</title><style>body{font:14px system-ui,sans-serif;margin:0;background:#0f1115;color:#e8e8ea}a{color:#7cc7ff}header{padding:12px 16px;border-bottom:1px solid #2a2d35}main{padding:16px;max-width:960px}li{padding:8px 0;border-bottom:1px solid #2a2d35;list-style:none}ul{padding:0}.muted{color:#9a9ca5}iframe{width:100%;height:70vh;border:1px solid #2a2d35;background:#fff}pre{white-space:pre-wrap}</style></head><body><header><strong>LiveLens mail inbox</strong> <span class="muted">— every message the app sent; nothing left this machine</span></header><main>${body}</main></body></html>`);
    };
    const message = /^\/messages\/(\d+)(\/html)?$/.exec(url.pathname);
    if (message) {
      const found = this.messages.find((m) => m.id === message[1]);
      if (!found) return json(404, { error: 'no such message' });
      if (message[2]) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src * data:", 'cache-control': 'no-store' });
        res.end(found.html || `<pre>${escapeHtml(found.text)}</pre>`);
        return;
      }
      return html(
        `<p><a href="/">← All messages</a></p><h1>${escapeHtml(found.subject)}</h1><p class="muted">From ${escapeHtml(found.from)} to ${escapeHtml(found.to.join(', '))}, ${escapeHtml(found.receivedAt)}</p>` +
          `<iframe sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation" src="/messages/${found.id}/html" title="The message"></iframe><h2>Plain text</h2><pre>${escapeHtml(found.text)}</pre>`,
      );
    }
    if (url.pathname === '/') {
      const items = [...this.messages]
        .reverse()
        .map((m) => `<li><a href="/messages/${m.id}">${escapeHtml(m.subject || '(no subject)')}</a><br><span class="muted">to ${escapeHtml(m.to.join(', '))} · ${escapeHtml(m.receivedAt)}</span></li>`)
        .join('');
      return html(this.messages.length ? `<ul>${items}</ul>` : '<p class="muted">No messages yet. Mail the app sends (password resets, receipts, invites, notifications) shows up here.</p>');
    }
    json(404, { error: 'not found' });
  }
}

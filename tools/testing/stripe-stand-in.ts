// A local stand-in for the two Stripe API calls LiveLens makes (create and retrieve a Checkout Session),
// reached through the real Stripe SDK's host/port/protocol options. It answers with objects shaped like
// Stripe's and records what the SDK sent, so tests can check the request. Not a Stripe emulator.
import http from 'node:http';

export type StandInSession = {
  id: string;
  object: 'checkout.session';
  url: string;
  mode: string;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid' | 'no_payment_required';
  payment_intent: string | null;
  client_reference_id: string | null;
  customer_email: string | null;
  metadata: Record<string, string>;
  amount_total: number;
  currency: string;
  success_url: string;
  cancel_url: string;
};

export class StripeStandIn {
  private server: http.Server | undefined;
  readonly sessions = new Map<string, StandInSession>();
  /** Every request: method, path and the decoded form body. */
  readonly requests: { method: string; path: string; form: URLSearchParams; authorization: string | undefined }[] = [];
  private seq = 0;

  get url(): string {
    const address = this.server?.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => this.handle(request, body, response));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  private handle(request: http.IncomingMessage, body: string, response: http.ServerResponse): void {
    const path = (request.url ?? '').split('?')[0] ?? '';
    const form = new URLSearchParams(body);
    this.requests.push({ method: request.method ?? '', path, form, authorization: request.headers.authorization });
    const send = (status: number, payload: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_standin_${this.requests.length}` });
      response.end(JSON.stringify(payload));
    };
    if (!request.headers.authorization?.startsWith('Bearer sk_')) return send(401, { error: { type: 'invalid_request_error', message: 'Invalid API key provided' } });
    if (request.method === 'POST' && path === '/v1/checkout/sessions') {
      const id = `cs_test_standin_${++this.seq}`;
      const metadata: Record<string, string> = {};
      for (const [key, value] of form) {
        const match = /^metadata\[(.+)\]$/.exec(key);
        if (match?.[1]) metadata[match[1]] = value;
      }
      const session: StandInSession = {
        id,
        object: 'checkout.session',
        url: `${this.url}/pay/${id}`,
        mode: form.get('mode') ?? '',
        status: 'open',
        payment_status: 'unpaid',
        payment_intent: null,
        client_reference_id: form.get('client_reference_id'),
        customer_email: form.get('customer_email'),
        metadata,
        amount_total: Number(form.get('line_items[0][price_data][unit_amount]') ?? 0) * Number(form.get('line_items[0][quantity]') ?? 1),
        currency: form.get('line_items[0][price_data][currency]') ?? 'usd',
        success_url: form.get('success_url') ?? '',
        cancel_url: form.get('cancel_url') ?? '',
      };
      this.sessions.set(id, session);
      return send(200, session);
    }
    const retrieve = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && retrieve?.[1]) {
      const session = this.sessions.get(retrieve[1]);
      return session ? send(200, session) : send(404, { error: { type: 'invalid_request_error', message: `No such checkout.session: '${retrieve[1]}'` } });
    }
    return send(404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${request.method}: ${path})` } });
  }

  /** What Stripe does when the buyer pays. */
  markPaid(id: string, paymentIntent = `pi_standin_${id}`): StandInSession {
    const session = this.sessions.get(id);
    if (!session) throw new Error(`no session ${id}`);
    Object.assign(session, { status: 'complete', payment_status: 'paid', payment_intent: paymentIntent });
    return session;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
